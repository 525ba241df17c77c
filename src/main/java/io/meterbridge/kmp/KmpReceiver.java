package io.meterbridge.kmp;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Finds KMP frames in the bytes an optical head delivers, in whatever chunks it delivers them;
 * never blocks, never holds more than one frame.
 *
 * <p>A small state machine in the shape of a Netty frame decoder: hunting, it skips bytes until a
 * start byte ({@code 40} or {@code 80}) or a lone ACK ({@code 06}); in a frame it collects bytes
 * until the stop byte {@code 0D} and hands the frame to {@link KmpFrame#decode}, the one place
 * frames are read. It only has to find boundaries: stuffing guarantees that {@code 40},
 * {@code 80} and {@code 0D} never appear inside a frame, so a start byte inside a frame means
 * that frame was cut short (it is rejected, and the new one is collected), and a receiver that
 * joins in the middle of a frame resynchronises at the next start byte.
 *
 * <p>It listens for one {@link KmpDirection}. Frames starting with the other direction's byte are
 * skipped as {@link KmpEvent.EchoSkipped}: some IR heads read back what they send, so a reader
 * sees its own request ({@code 80 …}) before the meter's response ({@code 40 …}). Reported for
 * the MULTICAL 21 in bsdphk/PyKamstrup pull request 6 ("the initial request (0x80 ...) is fed
 * back to the sender first"), handled in golles/ha-kamstrup_403 {@code _receive} ("Skip first
 * response, which is repetition of initial command, only break on 0x0d if it comes after
 * 0x40"), and seen with a flowIQ 2200 (Stack Overflow question 76229841: "the meter responds with
 * almost the same bytes as the request"). Skipping by start byte, not by comparing with the
 * request, also skips an echo that was itself corrupted.
 *
 * <p>Not thread-safe: one receiver per port.
 */
public final class KmpReceiver {

    /**
     * Far above the longest GetRegister answer: 8 registers with 4-byte mantissas are 76 body bytes,
     * at most 154 on the wire if every byte were stuffed.
     */
    public static final int DEFAULT_MAX_FRAME_BYTES = 1024;

    /**
     * Counts since the receiver was created.
     *
     * @param frames       valid frames delivered
     * @param acks         lone ACK bytes
     * @param echoes       frames of the other direction skipped
     * @param rejected     frames rejected, CRC mismatches included
     * @param crcErrors    of those, CRC mismatches
     * @param noiseBytes   bytes outside any frame
     */
    public record Statistics(long frames, long acks, long echoes, long rejected, long crcErrors, long noiseBytes) {
    }

    private final KmpDirection listening;
    private final int maxFrameBytes;
    private final ByteArrayOutputStream frame = new ByteArrayOutputStream(64);
    private KmpDirection inFrame;
    private long frameStart;
    private long position;
    private long noiseStart = -1;
    private long noiseLength;

    private long frames;
    private long acks;
    private long echoes;
    private long rejected;
    private long crcErrors;
    private long noiseBytes;

    /** A receiver of {@code listening} frames with {@link #DEFAULT_MAX_FRAME_BYTES}. */
    public KmpReceiver(KmpDirection listening) {
        this(listening, DEFAULT_MAX_FRAME_BYTES);
    }

    /** A receiver that rejects frames longer than {@code maxFrameBytes} wire bytes. */
    public KmpReceiver(KmpDirection listening, int maxFrameBytes) {
        if (maxFrameBytes < KmpFrame.MIN_BODY + 2) {
            throw new IllegalArgumentException("expected maxFrameBytes of at least " + (KmpFrame.MIN_BODY + 2)
                    + " (the shortest frame), found " + maxFrameBytes);
        }
        this.listening = listening;
        this.maxFrameBytes = maxFrameBytes;
    }

    /** A receiver of responses from the meter, as a reading device needs. */
    public static KmpReceiver forResponses() {
        return new KmpReceiver(KmpDirection.FROM_METER);
    }

    /** Feeds {@code len} bytes of {@code bytes} from {@code off}; returns what they completed, in order. */
    public List<KmpEvent> feed(byte[] bytes, int off, int len) {
        List<KmpEvent> out = new ArrayList<>(2);
        for (int i = off; i < off + len; i++) {
            accept(bytes[i] & 0xFF, out);
            position++;
        }
        return out;
    }

    /** Feeds all of {@code bytes}. */
    public List<KmpEvent> feed(byte[] bytes) {
        return feed(bytes, 0, bytes.length);
    }

    /**
     * No more bytes are coming (the reader's timeout ran out, the port closed): a frame in
     * progress is reported as truncated, pending noise as noise. The receiver is then hunting
     * again and can be fed the next exchange.
     */
    public List<KmpEvent> endOfInput() {
        List<KmpEvent> out = new ArrayList<>(2);
        if (inFrame != null) {
            finishCut(-1, out);
        }
        flushNoise(out);
        return out;
    }

    public Statistics statistics() {
        return new Statistics(frames, acks, echoes, rejected, crcErrors, noiseBytes);
    }

    private void accept(int b, List<KmpEvent> out) {
        KmpDirection starting = KmpDirection.ofStartByte(b);
        if (inFrame == null) {
            if (starting != null) {
                flushNoise(out);
                start(starting, b);
            } else if (b == KmpStuffing.ACK) {
                flushNoise(out);
                acks++;
                out.add(new KmpEvent.Acknowledged(position));
            } else {
                noise();
            }
            return;
        }
        if (starting != null) {
            finishCut(b, out);
            start(starting, b);
            return;
        }
        if (frame.size() == maxFrameBytes) {
            rejected++;
            out.add(new KmpEvent.FrameRejected(frameStart, frame.toByteArray(), new KmpFrameException(
                    "expected the stop byte 0x0D within " + maxFrameBytes + " bytes, found none", maxFrameBytes)));
            inFrame = null;
            noise();
            return;
        }
        frame.write(b);
        if (b == KmpStuffing.STOP) {
            finish(out);
        }
    }

    private void start(KmpDirection direction, int b) {
        inFrame = direction;
        frameStart = position;
        frame.reset();
        frame.write(b);
    }

    /**
     * Ends the frame in progress and returns its bytes, or null if it was going the other way
     * (our own request read back by the head): then it is counted and reported as an echo.
     */
    private byte[] endFrame(List<KmpEvent> out) {
        byte[] wire = frame.toByteArray();
        KmpDirection direction = inFrame;
        inFrame = null;
        if (direction != listening) {
            echoes++;
            out.add(new KmpEvent.EchoSkipped(frameStart, wire));
            return null;
        }
        return wire;
    }

    /** The frame in progress ended with its stop byte. */
    private void finish(List<KmpEvent> out) {
        byte[] wire = endFrame(out);
        if (wire == null) {
            return;
        }
        try {
            KmpFrame decoded = KmpFrame.decode(listening, wire);
            frames++;
            out.add(new KmpEvent.FrameReceived(frameStart, decoded, wire));
        } catch (KmpFrameException e) {
            reject(wire, e, out);
        }
    }

    /**
     * The frame in progress was cut short by {@code next} (a start byte), or by the end of the
     * input when {@code next} is −1. The decoder, given the bytes and the byte that cut them,
     * says precisely why they are no frame.
     */
    private void finishCut(int next, List<KmpEvent> out) {
        byte[] wire = endFrame(out);
        if (wire == null) {
            return;
        }
        byte[] attempt = wire;
        if (next >= 0) {
            attempt = Arrays.copyOf(wire, wire.length + 1);
            attempt[wire.length] = (byte) next;
        }
        try {
            KmpFrame.decode(listening, attempt);
            throw new IllegalStateException("a frame cut short decoded: " + HexFormat.of().formatHex(attempt));
        } catch (KmpFrameException e) {
            reject(wire, e, out);
        }
    }

    private void reject(byte[] wire, KmpFrameException e, List<KmpEvent> out) {
        rejected++;
        if (e instanceof KmpCrcException) {
            crcErrors++;
        }
        out.add(new KmpEvent.FrameRejected(frameStart, wire, e));
    }

    private void noise() {
        if (noiseStart < 0) {
            noiseStart = position;
            noiseLength = 0;
        }
        noiseLength++;
        noiseBytes++;
    }

    private void flushNoise(List<KmpEvent> out) {
        if (noiseStart >= 0) {
            out.add(new KmpEvent.NoiseSkipped(noiseStart, noiseLength));
            noiseStart = -1;
        }
    }
}
