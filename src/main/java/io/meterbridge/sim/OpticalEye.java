package io.meterbridge.sim;

import io.meterbridge.link.Framing;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A simulated meter as its optical eye meets the line: it hears bytes sent at some framing and
 * sends bursts back, each at its own framing. The in-process transport ({@link OpticalSimTransport})
 * and the pty/TCP server ({@link OpticalSimServer}) carry the same eye, so both see the same meter.
 */
public interface OpticalEye {

    /**
     * Bytes the meter sends at one framing.
     *
     * @param bytes   what goes on the line
     * @param framing the framing (and so the speed) it sends them at
     * @param delay   how long the meter waits before the first byte, counted from the end of what it
     *                answers (the request, or its previous burst)
     */
    record Burst(byte[] bytes, Framing framing, Duration delay) {
        public Burst {
            bytes = bytes.clone();
            Objects.requireNonNull(framing, "framing");
            Objects.requireNonNull(delay, "delay");
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        @Override
        public String toString() {
            return "Burst[" + bytes.length + " bytes at " + framing + " after " + delay.toMillis() + " ms]";
        }
    }

    /** The framing the meter listens at now: what a server that cannot see the line's speed assumes the master sends at. */
    Framing listening();

    /** The meter hears {@code bytes} sent at {@code framing}; returns what it sends back, in order (often nothing yet). */
    List<Burst> hear(byte[] bytes, Framing framing);

    /** Forgets a half-heard request, as a meter's receiver does after silence or when the head goes away. */
    void reset();

    /** What the meter is, for status lines: {@code KMP heat meter (MULTICAL 403-like), serial 82937133}. */
    String describe();
}
