package io.meterbridge.p1.dlms;

/** An HDLC frame whose header check sequence (HCS) or frame check sequence (FCS) does not match. */
public final class HdlcCrcException extends DlmsFormatException {

    /** Which of the two checks failed. */
    public enum Check { HCS, FCS }

    private final Check check;

    public HdlcCrcException(Check check, int expected, int found, long offset) {
        super(String.format("%s mismatch, expected %04X (CRC-16/X-25 over the bytes before it), found %04X",
                check, expected, found), offset);
        this.check = check;
    }

    /** HCS or FCS. */
    public Check check() {
        return check;
    }
}
