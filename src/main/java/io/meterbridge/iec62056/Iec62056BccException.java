package io.meterbridge.iec62056;

/**
 * A data block whose block check character does not match its content: a byte was changed on the
 * way (the optical link has no other protection than the parity bit of each character).
 * {@link #offset()} is the offset of the BCC byte itself, right after ETX.
 */
public final class Iec62056BccException extends Iec62056FormatException {

    private static final long serialVersionUID = 1L;
    private final int expected;
    private final int found;

    public Iec62056BccException(int expected, int found, int offset, int lineNumber) {
        super("BCC mismatch, expected " + Bcc.format(expected) + " (XOR of the bytes after STX up to and including ETX), found "
                + Bcc.format(found), offset, lineNumber);
        this.expected = expected;
        this.found = found;
    }

    /** The BCC computed over the block. */
    public int expected() {
        return expected;
    }

    /** The BCC the block carries. */
    public int found() {
        return found;
    }
}
