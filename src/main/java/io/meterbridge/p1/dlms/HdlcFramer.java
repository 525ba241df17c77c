package io.meterbridge.p1.dlms;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds HDLC frames (IEC 62056-46 clause 6.4) in a HAN port's byte stream and reassembles their
 * information fields into APDUs, in the manner of {@link io.meterbridge.p1.P1Framer} for DSMR text.
 *
 * <p>It is fed whatever chunks the port delivers and never blocks. It hunts for the flag
 * {@code 0x7E}, reads the 11-bit length of the frame format field and collects that many bytes,
 * then checks HCS and FCS ({@link HdlcFrame#parse}). A closing flag may be the next frame's opening
 * flag, and repeated flags are allowed between frames (clause 6.4.1). When the byte after a flag is
 * not frame format type 3, or the closing flag is missing, the flag started no frame: it is dropped
 * and the bytes after it are searched again, so noise containing {@code 0x7E} costs no real frame.
 * A frame with a bad HCS or FCS is dropped whole.
 *
 * <p>Every checked frame is reported as an {@link HdlcFrame}; once a frame without the
 * segmentation bit completes an APDU, that APDU follows as an {@link Apdu}, the LLC header
 * {@code E6 E7 00} (clause 8.1, present on the first segment only) removed.
 *
 * <p>Not thread-safe: one framer per stream.
 */
public final class HdlcFramer {

    private static final byte[] LLC = {(byte) 0xE6, (byte) 0xE7, 0x00};

    private enum State { HUNT, FLAG, FORMAT, BODY }

    private final byte[] buffer = new byte[HdlcFrame.MAX_LENGTH + 2];
    private int length;
    private int expected;
    private State state = State.HUNT;
    private long position;
    private long frameStart;
    /** The flag in the buffer closed a frame: what follows need not be a frame (clause 6.4.1). */
    private boolean closingFlag;
    private long noiseStart = -1;
    private long noiseLength;

    private ByteArrayOutputStream segments;
    private long segmentsStart;
    private int segmentCount;

    /** Feeds bytes and returns what they completed, in stream order (often nothing). */
    public List<HdlcEvent> feed(byte[] bytes, int off, int len) {
        List<HdlcEvent> out = new ArrayList<>(2);
        for (int i = off; i < off + len; i++) {
            accept(bytes[i] & 0xFF, position++, out);
        }
        return out;
    }

    /** Feeds a whole array. */
    public List<HdlcEvent> feed(byte[] bytes) {
        return feed(bytes, 0, bytes.length);
    }

    /** The stream ended: reports a frame or segmented APDU in progress and any pending noise. */
    public List<HdlcEvent> endOfStream() {
        List<HdlcEvent> out = new ArrayList<>(2);
        if (state == State.FORMAT || state == State.BODY) {
            out.add(new HdlcDropped(HdlcDropped.Reason.TRUNCATED, frameStart, length, state == State.BODY
                    ? "expected " + expected + " bytes, found end of stream after " + length
                    : "expected the second byte of the frame format field, found end of stream"));
        }
        state = State.HUNT;
        length = 0;
        flushNoise(out);
        if (segments != null) {
            out.add(new HdlcDropped(HdlcDropped.Reason.INCOMPLETE_APDU, segmentsStart, segments.size(),
                    "expected a last segment after " + segmentCount + " segmented frames, found end of stream"));
            segments = null;
        }
        return out;
    }

    private void accept(int b, long at, List<HdlcEvent> out) {
        switch (state) {
            case HUNT -> {
                if (b == HdlcFrame.FLAG) {
                    flushNoise(out);
                    open(at);
                } else {
                    if (noiseStart < 0) {
                        noiseStart = at;
                        noiseLength = 0;
                    }
                    noiseLength++;
                }
            }
            case FLAG -> {
                if (b == HdlcFrame.FLAG) {
                    boolean closing = closingFlag;
                    open(at); // inter-frame fill: flags may repeat
                    closingFlag = closing;
                } else if (closingFlag && b >>> 4 != HdlcFrame.FORMAT_TYPE_3) {
                    // a closing flag followed by noise: the flag was no opening flag, nothing is lost
                    state = State.HUNT;
                    length = 0;
                    accept(b, at, out);
                } else if (b >>> 4 != HdlcFrame.FORMAT_TYPE_3) {
                    notAFrame(String.format("expected frame format type A after flag at offset %d, found %02X",
                            frameStart, b), b, at, out);
                } else {
                    buffer[length++] = (byte) b;
                    state = State.FORMAT;
                }
            }
            case FORMAT -> {
                buffer[length++] = (byte) b;
                expected = (((buffer[1] & 0x07) << 8) | b) + 2;
                if (expected < 9) {
                    notAFrame("expected a frame length of at least 7, found " + (expected - 2) + " at offset "
                            + (frameStart + 1), -1, at, out);
                } else {
                    state = State.BODY;
                }
            }
            case BODY -> {
                buffer[length++] = (byte) b;
                if (length == expected) {
                    complete(out);
                }
            }
            default -> throw new IllegalStateException(state.toString());
        }
    }

    private void open(long at) {
        closingFlag = false;
        frameStart = at;
        buffer[0] = (byte) HdlcFrame.FLAG;
        length = 1;
        state = State.FLAG;
    }

    private void complete(List<HdlcEvent> out) {
        byte[] bytes = Arrays.copyOf(buffer, length);
        long start = frameStart;
        if ((bytes[length - 1] & 0xFF) != HdlcFrame.FLAG) {
            notAFrame(String.format("expected closing flag 7E at offset %d (frame format length %d), found %02X",
                    start + length - 1, length - 2, bytes[length - 1] & 0xFF), -1, start + length - 1, out);
            return;
        }
        try {
            HdlcFrame frame = HdlcFrame.parse(bytes, start);
            out.add(frame);
            reassemble(frame, out);
        } catch (HdlcCrcException e) {
            out.add(new HdlcDropped(HdlcDropped.Reason.CRC_MISMATCH, start, length, e.getMessage()));
        } catch (DlmsFormatException e) {
            out.add(new HdlcDropped(HdlcDropped.Reason.MALFORMED, start, length, e.getMessage()));
        }
        open(start + length - 1); // the closing flag may open the next frame
        closingFlag = true;
    }

    /**
     * The flag at {@code frameStart} opened no frame: drop it and search the bytes after it again
     * (they may hold the real flag). {@code last} is the byte just read when it is not yet in the
     * buffer, else -1.
     */
    private void notAFrame(String detail, int last, long lastAt, List<HdlcEvent> out) {
        out.add(new HdlcDropped(HdlcDropped.Reason.MALFORMED, frameStart, 1, detail));
        byte[] rest = Arrays.copyOfRange(buffer, 1, length);
        long restStart = frameStart + 1;
        state = State.HUNT;
        length = 0;
        for (int i = 0; i < rest.length; i++) {
            accept(rest[i] & 0xFF, restStart + i, out);
        }
        if (last >= 0) {
            accept(last, lastAt, out);
        }
    }

    private void reassemble(HdlcFrame frame, List<HdlcEvent> out) {
        byte[] info = frame.information();
        if (segments == null) {
            if (info.length < LLC.length || !Arrays.equals(info, 0, LLC.length, LLC, 0, LLC.length)) {
                out.add(new HdlcDropped(HdlcDropped.Reason.INCOMPLETE_APDU, frame.offset(), info.length,
                        "expected the LLC header E6 E7 00 at the start of the information field, found "
                                + hex(info, Math.min(3, info.length))
                                + " (a continuation segment whose first segment was lost?)"));
                return;
            }
            segments = new ByteArrayOutputStream(info.length * (frame.segmented() ? 2 : 1));
            segmentsStart = frame.offset();
            segmentCount = 0;
            segments.write(info, LLC.length, info.length - LLC.length);
        } else {
            segments.write(info, 0, info.length);
        }
        segmentCount++;
        if (!frame.segmented()) {
            out.add(new Apdu(segmentsStart, segments.toByteArray()));
            segments = null;
        }
    }

    private void flushNoise(List<HdlcEvent> out) {
        if (noiseStart >= 0) {
            out.add(new HdlcDropped(HdlcDropped.Reason.NOISE, noiseStart, noiseLength,
                    "expected flag 7E starting an HDLC frame, found " + noiseLength + " other bytes"));
            noiseStart = -1;
        }
    }

    private static String hex(byte[] b, int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(String.format(i == 0 ? "%02X" : " %02X", b[i] & 0xFF));
        }
        return s.length() == 0 ? "nothing" : s.toString();
    }
}
