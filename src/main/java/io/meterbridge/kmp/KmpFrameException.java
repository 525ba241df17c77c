package io.meterbridge.kmp;

/**
 * A frame that is not a valid KMP frame on the wire: no start byte or the wrong one, a stop byte
 * missing (truncated), a byte that may only appear stuffed appearing bare, a stuffing byte
 * followed by something no stuffing produces, too few bytes for address, command and CRC.
 * {@link #offset()} counts wire bytes (stuffed, as received) from the frame's start byte, which
 * is byte 0.
 */
public class KmpFrameException extends KmpException {

    private static final long serialVersionUID = 1L;

    public KmpFrameException(String reason, int offset) {
        super(reason, offset, "frame");
    }
}
