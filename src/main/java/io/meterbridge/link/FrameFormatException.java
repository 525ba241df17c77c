package io.meterbridge.link;

/**
 * Bytes that are not a valid EN 13757-2 frame. The message says what was expected and what was
 * found; {@link #offset()} is the byte offset in the frame where the problem is.
 */
public class FrameFormatException extends Exception {

    private static final long serialVersionUID = 1L;
    private final int offset;

    public FrameFormatException(String message, int offset) {
        super(message + " (at byte " + offset + ")");
        this.offset = offset;
    }

    /** Byte offset, from the start of the frame, where the frame stops being valid. */
    public int offset() {
        return offset;
    }
}
