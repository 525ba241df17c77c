package io.meterbridge.iec62056;

/**
 * Bytes that are not a valid IEC 62056-21 message: an identification that is not
 * {@code /XXXZ<ident>CR LF}, a data block without STX or ETX, a data set without its closing
 * {@code )}, a character the standard does not allow where it stands, a block cut short.
 *
 * <p>{@link #offset()} is the byte offset of the problem from the first byte of the message
 * (the {@code /} of an identification, the STX of a data block); {@link #lineNumber()} is the
 * 1-based line of the message it is on (the identification is line 1; in a data block the line
 * after STX is line 1).
 */
public class Iec62056FormatException extends Iec62056Exception {

    private static final long serialVersionUID = 1L;
    private final String reason;
    private final int offset;
    private final int lineNumber;

    public Iec62056FormatException(String reason, int offset, int lineNumber) {
        super(reason + " (line " + lineNumber + ", byte " + offset + ")");
        this.reason = reason;
        this.offset = offset;
        this.lineNumber = lineNumber;
    }

    /** Byte offset of the problem from the first byte of the message. */
    public int offset() {
        return offset;
    }

    /** 1-based line of the message the problem is on. */
    public int lineNumber() {
        return lineNumber;
    }

    /** The message without the "(line N, byte M)" suffix. */
    public String reason() {
        return reason;
    }
}
