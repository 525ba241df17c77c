package io.meterbridge.link;

import java.util.Arrays;

/**
 * Reads frames from a {@link Transport} with resynchronisation and deadlines.
 *
 * <p>Bytes before a start byte ({@code E5}, {@code 10}, {@code 68}) are noise — line noise,
 * the tail of a late answer, or an adapter's echo of our own request — and are skipped and
 * counted; a complete frame identical to the request just sent is an echo and is skipped too.
 * Once a start byte has come, the frame must complete without a gap longer than
 * {@link LinkTiming#interByteTimeoutNanos()}: a frame that stops short, or whose length fields,
 * checksum or stop byte are wrong, is a {@link FrameFormatException} naming the byte — never a
 * hang.
 */
public final class FrameReader {

    /** What {@link #read} found. */
    public sealed interface Result permits Received, Silence {
    }

    /** A valid frame. */
    public record Received(Frame frame) implements Result {
    }

    /**
     * Nothing valid before the deadline.
     *
     * @param noiseBytes bytes that did arrive but were skipped (an answer garbled beyond recognition)
     */
    public record Silence(int noiseBytes) implements Result {
    }

    private final Transport transport;
    private final Counters counters;
    private final byte[] buffer = new byte[1024];
    private int position;
    private int limit;

    FrameReader(Transport transport, Counters counters) {
        this.transport = transport;
        this.counters = counters;
    }

    /** Forgets buffered bytes and discards what the transport holds: before every request. */
    void clear() throws PortUnavailableException {
        counters.noiseBytes.addAndGet(limit - position);
        position = 0;
        limit = 0;
        transport.discardInput();
    }

    /**
     * Reads one frame.
     *
     * @param firstByteDeadline {@link System#nanoTime()} by which a start byte must have come
     * @param timing for the inter-byte timeout and for extending the deadline after an echo
     * @param echo the request just sent, skipped if it comes back; may be null
     * @throws FrameFormatException if a frame started but is invalid or truncated
     */
    public Result read(long firstByteDeadline, LinkTiming timing, byte[] echo)
            throws FrameFormatException, PortUnavailableException {
        int skipped = 0;
        long deadline = firstByteDeadline;
        while (true) {
            int b = next(deadline);
            if (b < 0) {
                return new Silence(skipped);
            }
            if (b != SingleCharacter.ACK && b != ShortFrame.START && b != LongFrame.START) {
                skipped++;
                counters.noiseBytes.incrementAndGet();
                continue;
            }
            byte[] frame = readRest(b, timing);
            Frame parsed = Frames.parse(frame);
            if (echo != null && Arrays.equals(frame, echo)) {
                // An adapter (or a two-wire converter) echoes what we sent; the answer follows.
                skipped += frame.length;
                counters.noiseBytes.addAndGet(frame.length);
                deadline = System.nanoTime() + timing.firstByteTimeoutNanos();
                continue;
            }
            counters.frames.incrementAndGet();
            return new Received(parsed);
        }
    }

    /**
     * Waits up to {@code nanos} for more bytes; true if the line stayed quiet. Used after an
     * {@code E5} to a selection, where a second slave answering a little later is a collision.
     */
    public boolean staysQuiet(long nanos) throws PortUnavailableException {
        return next(System.nanoTime() + nanos) < 0 || unread();
    }

    private boolean unread() {
        position--;
        return false;
    }

    /** Reads and discards until the line is quiet for one inter-byte timeout: after a corrupt answer. */
    int drain(LinkTiming timing) throws PortUnavailableException {
        int n = 0;
        long cap = System.nanoTime() + 2_000_000_000L;
        while (System.nanoTime() < cap && next(System.nanoTime() + timing.interByteTimeoutNanos()) >= 0) {
            n++;
        }
        counters.noiseBytes.addAndGet(n);
        return n;
    }

    private byte[] readRest(int start, LinkTiming timing) throws FrameFormatException, PortUnavailableException {
        if (start == SingleCharacter.ACK) {
            return new byte[] {(byte) start};
        }
        int total = start == ShortFrame.START ? ShortFrame.LENGTH : 4;
        byte[] frame = new byte[LongFrame.MAX_DATA + 9];
        frame[0] = (byte) start;
        int have = 1;
        while (have < total) {
            int b = next(System.nanoTime() + timing.interByteTimeoutNanos());
            if (b < 0) {
                throw new FrameFormatException("expected " + total + " bytes for a "
                        + (start == ShortFrame.START ? "short frame" : "long frame") + ", found only " + have
                        + " before the line went quiet for "
                        + timing.interByteTimeoutNanos() / 1_000_000 + " ms (truncated frame)", have);
            }
            frame[have++] = (byte) b;
            if (start == LongFrame.START && have == 4) {
                // Header 68 L L 68 complete: check it now so a bad length cannot make us wait for bytes that never come.
                int l1 = frame[1] & 0xFF;
                int l2 = frame[2] & 0xFF;
                if (l1 != l2 || l1 < 3 || (frame[3] & 0xFF) != LongFrame.START) {
                    Frames.parse(Arrays.copyOf(frame, have)); // throws the specific error
                }
                total = l1 + 6;
            }
        }
        return Arrays.copyOf(frame, total);
    }

    /** Next byte, or -1 if none comes by {@code deadline}. */
    private int next(long deadline) throws PortUnavailableException {
        while (position >= limit) {
            long wait = deadline - System.nanoTime();
            if (wait <= 0) {
                return -1;
            }
            int n = transport.read(buffer, 0, buffer.length, wait);
            if (n > 0) {
                position = 0;
                limit = n;
                counters.bytesReceived.addAndGet(n);
            }
        }
        return buffer[position++] & 0xFF;
    }
}
