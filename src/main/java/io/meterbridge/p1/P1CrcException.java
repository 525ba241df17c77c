package io.meterbridge.p1;

/** Thrown by {@link P1Parser#parse(String)} for a telegram whose CRC does not match its content. */
public final class P1CrcException extends P1FormatException {

    private final int expected;
    private final int found;

    public P1CrcException(int expected, int found, int lineNumber) {
        super("CRC mismatch, expected " + Crc16.format(expected) + " (computed over '/' to '!'), found "
                + Crc16.format(found), lineNumber);
        this.expected = expected;
        this.found = found;
    }

    /** The CRC computed over the content. */
    public int expected() {
        return expected;
    }

    /** The CRC the telegram carries. */
    public int found() {
        return found;
    }
}
