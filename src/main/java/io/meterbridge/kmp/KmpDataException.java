package io.meterbridge.kmp;

/**
 * An intact frame (CRC correct) whose data does not fit its command: a register record cut
 * short, a mantissa length of 0, a GetType answer of the wrong length, the wrong command id.
 * {@link #offset()} counts the frame's application bytes, unstuffed: the command id is byte 0,
 * the first data byte is byte 1 (the address and CRC belong to the data link, not counted).
 */
public final class KmpDataException extends KmpException {

    private static final long serialVersionUID = 1L;

    public KmpDataException(String reason, int offset) {
        super(reason, offset, "application data");
    }
}
