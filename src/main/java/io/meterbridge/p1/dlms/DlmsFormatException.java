package io.meterbridge.p1.dlms;

/**
 * A DLMS/HDLC frame or APDU that cannot be read: says what was expected, what was found and at
 * which byte offset (counted from the first byte of the frame or APDU given to the decoder).
 */
public class DlmsFormatException extends Exception {

    private final long offset;

    public DlmsFormatException(String message, long offset) {
        super("byte offset " + offset + ": " + message);
        this.offset = offset;
    }

    /** Where the problem is. */
    public long offset() {
        return offset;
    }
}
