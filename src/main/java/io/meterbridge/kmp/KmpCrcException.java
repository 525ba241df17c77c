package io.meterbridge.kmp;

/**
 * A frame that is well formed but whose CRC does not match its content: a bit flipped on the
 * optical link. {@link #offset()} is the wire offset of the first CRC byte.
 */
public final class KmpCrcException extends KmpFrameException {

    private static final long serialVersionUID = 1L;
    private final int expected;
    private final int found;

    public KmpCrcException(int expected, int found, int offset) {
        super("CRC mismatch, expected " + KmpCrc.format(expected)
                + " (CRC-16/CCITT, initial 0, over address, command id and data), found " + KmpCrc.format(found),
                offset);
        this.expected = expected;
        this.found = found;
    }

    /** The CRC computed over the frame's content. */
    public int expected() {
        return expected;
    }

    /** The CRC the frame carries. */
    public int found() {
        return found;
    }
}
