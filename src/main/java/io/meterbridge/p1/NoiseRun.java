package io.meterbridge.p1;

import java.util.List;

/**
 * Bytes outside any telegram, gathered into runs so that a burst of line noise is one
 * {@link Dropped} event, not one per byte. Not thread-safe: part of one framer.
 */
final class NoiseRun {

    private final String expected;
    private long start = -1;
    private long length;
    private long total;

    /** @param expected what a telegram starts with, for the event's detail ("'/' starting a telegram") */
    NoiseRun(String expected) {
        this.expected = expected;
    }

    /** One more noise byte, at stream offset {@code at}. */
    void add(long at) {
        if (start < 0) {
            start = at;
            length = 0;
        }
        length++;
        total++;
    }

    /** Ends the current run, if any, reporting it to {@code out}. */
    void flush(List<P1FramerEvent> out) {
        if (start >= 0) {
            out.add(new Dropped(Dropped.Reason.NOISE, start, length,
                    "expected " + expected + ", found " + length + " other bytes"));
            start = -1;
        }
    }

    /** Noise bytes since the framer was created. */
    long total() {
        return total;
    }
}
