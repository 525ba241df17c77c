package io.meterbridge.link;

import java.time.Duration;

/**
 * Timing of EN 13757-2 (clause 5.6, as quoted by libmbus): a slave starts its answer between
 * 11 bit times and 330 bit times + 50 ms after the end of the master's frame; every character
 * is 11 bits (start, 8 data, even parity, stop) and no gaps are allowed inside a frame.
 *
 * @param baud line speed
 * @param latency adapter latency plus any extra allowance, added to every wait
 */
public record LinkTiming(int baud, Duration latency) {

    /** Nanoseconds one 11-bit character takes on the wire. */
    public long charNanos() {
        return 11L * 1_000_000_000L / baud;
    }

    /** Wire time of {@code bytes} characters. */
    public long wireNanos(int bytes) {
        return bytes * charNanos();
    }

    /** 330 bit times + 50 ms: the longest a slave may wait before it answers (no latency added). */
    public long standardReplyDelayNanos() {
        return 330L * 1_000_000_000L / baud + 50_000_000L;
    }

    /** How long to wait for the first byte of an answer after our frame has left: standard + latency. */
    public long firstByteTimeoutNanos() {
        return standardReplyDelayNanos() + latency.toNanos();
    }

    /**
     * The longest silence allowed between two bytes of one frame before it counts as truncated:
     * the standard allows no gap, but adapters deliver bytes in bursts, so 10 characters plus the
     * latency plus 20 ms for the scheduler.
     */
    public long interByteTimeoutNanos() {
        return 10 * charNanos() + latency.toNanos() + 20_000_000L;
    }

    /** The EN 13757-2 reply timeout for an answer of {@code replyBytes} bytes. */
    public Duration replyTimeout(int replyBytes) {
        return Duration.ofNanos(firstByteTimeoutNanos() + wireNanos(replyBytes));
    }
}
