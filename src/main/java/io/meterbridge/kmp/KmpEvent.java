package io.meterbridge.kmp;

import java.util.HexFormat;

/**
 * What a {@link KmpReceiver} found in the bytes it was fed. Every byte fed ends up in exactly one
 * event: a frame, an ACK, an echo, a rejected frame or a run of noise.
 */
public sealed interface KmpEvent {

    /** Stream offset of the event's first byte (0 = the first byte the receiver was ever fed). */
    long offset();

    /**
     * A valid frame travelling the way the receiver listens (CRC checked).
     *
     * @param offset stream offset of its start byte
     * @param frame  the decoded frame
     * @param wire   the frame as received, start through stop byte
     */
    record FrameReceived(long offset, KmpFrame frame, byte[] wire) implements KmpEvent {
        public FrameReceived {
            wire = wire.clone();
        }

        @Override
        public byte[] wire() {
            return wire.clone();
        }

        @Override
        public String toString() {
            return "frame at offset " + offset + ": " + frame;
        }
    }

    /**
     * A lone {@code 06} between frames: the meter acknowledged a command that has no data to
     * return (Kamstrup protocol description 3.1 and 6.2.3 SetClock, as quoted by PyKMP).
     */
    record Acknowledged(long offset) implements KmpEvent {
        @Override
        public String toString() {
            return "ACK at offset " + offset;
        }
    }

    /**
     * A frame travelling the other way, skipped: for a receiver of responses, the echo of our
     * own request that an optical head reads back from its own transmitter. Up to its stop byte,
     * or up to the start byte of the response that cut it short.
     *
     * @param offset stream offset of its start byte
     * @param wire   its bytes
     */
    record EchoSkipped(long offset, byte[] wire) implements KmpEvent {
        public EchoSkipped {
            wire = wire.clone();
        }

        @Override
        public byte[] wire() {
            return wire.clone();
        }

        @Override
        public String toString() {
            return "echo of " + wire.length + " bytes skipped at offset " + offset + ": "
                    + HexFormat.ofDelimiter(" ").withUpperCase().formatHex(wire);
        }
    }

    /**
     * Bytes that began as a frame but are not a valid one: a CRC mismatch
     * ({@link KmpCrcException}), a frame cut short by a new start byte or by the end of the
     * input, a bad stuffing sequence, a frame longer than the receiver's limit.
     *
     * @param offset  stream offset of its start byte
     * @param wire    its bytes as received
     * @param problem what is wrong and where; its offset counts from this frame's start byte
     */
    record FrameRejected(long offset, byte[] wire, KmpFrameException problem) implements KmpEvent {
        public FrameRejected {
            wire = wire.clone();
        }

        @Override
        public byte[] wire() {
            return wire.clone();
        }

        @Override
        public String toString() {
            return "frame of " + wire.length + " bytes rejected at offset " + offset + ": " + problem.getMessage();
        }
    }

    /**
     * A run of bytes outside any frame that are neither a start byte nor an ACK: line noise, the
     * tail of a frame the receiver joined in the middle of.
     *
     * @param offset stream offset of the first
     * @param length how many
     */
    record NoiseSkipped(long offset, long length) implements KmpEvent {
        @Override
        public String toString() {
            return length + " noise bytes skipped at offset " + offset
                    + " (expected a start byte 0x40 or 0x80, or the ACK 0x06)";
        }
    }
}
