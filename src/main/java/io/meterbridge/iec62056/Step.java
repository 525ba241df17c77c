package io.meterbridge.iec62056;

import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

/**
 * What a {@link ReadoutSession} asks of the transport next. The transport carries the steps out in
 * the order given; the last one of every batch is a {@link Receive} or {@link Completed}.
 */
public sealed interface Step permits Step.SetBaudRate, Step.Transmit, Step.Pause, Step.Receive, Step.Completed {

    /**
     * Set the port to {@code baudRate}, framing 7E1 (7 data bits, even parity, 1 stop bit): the
     * framing of IEC 62056-21, which stays when the speed changes. (ultraheat-api and
     * berrydenhartog/ultraheat50 open the UH50's port 7E2; a second stop bit on transmit only
     * lengthens the idle between characters.)
     */
    record SetBaudRate(int baudRate) implements Step {
    }

    /**
     * Send {@code bytes} at the current speed. The step is done when the last stop bit has left the
     * port (drain the output, do not just hand the bytes to the driver): a {@link SetBaudRate} that
     * follows must not cut the tail of the acknowledgement off.
     */
    record Transmit(byte[] bytes) implements Step {
        public Transmit {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Transmit t && Arrays.equals(bytes, t.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Transmit[" + Identification.printable(bytes, 0, bytes.length) + "]";
        }
    }

    /** Send nothing for {@code duration}. */
    record Pause(Duration duration) implements Step {
        public Pause {
            Objects.requireNonNull(duration, "duration");
        }
    }

    /**
     * Read what the meter sends and hand every chunk to {@link ReadoutSession#received}; when nothing
     * at all has arrived for {@code silence} (the clock restarts with every byte), call
     * {@link ReadoutSession#timedOut()} instead.
     *
     * @param silence   the longest quiet to wait through
     * @param expecting what is awaited, for logs
     */
    record Receive(Duration silence, String expecting) implements Step {
        public Receive {
            Objects.requireNonNull(silence, "silence");
            Objects.requireNonNull(expecting, "expecting");
        }
    }

    /** The readout is complete; the meter goes back to 300 Bd and to sleep by itself. */
    record Completed(Readout readout) implements Step {
        public Completed {
            Objects.requireNonNull(readout, "readout");
        }
    }
}
