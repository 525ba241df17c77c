package io.meterbridge.link;

/**
 * A frame whose check sum (EN 13757-2 clause 5.2: arithmetic sum of C field through the last
 * data byte, modulo 256) is not the one its bytes add up to. Its own type because the bus
 * statistics count these apart from other malformed frames: a wrong check sum points at line
 * noise, a wrong start or stop byte or length more often at a second talker or a framing bug.
 */
public final class ChecksumMismatchException extends FrameFormatException {

    private static final long serialVersionUID = 1L;
    private final int expected;
    private final int found;

    /**
     * @param expected the check sum the frame's bytes add up to
     * @param found the check sum byte the frame carries
     * @param offset the byte offset of the check sum in the frame
     */
    public ChecksumMismatchException(int expected, int found, int offset) {
        super(String.format("expected checksum 0x%02X, found 0x%02X", expected, found), offset);
        this.expected = expected;
        this.found = found;
    }

    /** The check sum the frame's bytes add up to. */
    public int expected() {
        return expected;
    }

    /** The check sum byte the frame carries. */
    public int found() {
        return found;
    }
}
