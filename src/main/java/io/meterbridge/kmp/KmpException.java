package io.meterbridge.kmp;

/**
 * Bytes that are not valid KMP. The message says what was expected and what was found;
 * {@link #offset()} says where, counted as the subclass says (wire bytes of a frame, or bytes of
 * a frame's data).
 */
public abstract class KmpException extends Exception {

    private static final long serialVersionUID = 1L;
    private final int offset;
    private final String reason;

    KmpException(String reason, int offset, String unit) {
        super(reason + " (at byte " + offset + " of the " + unit + ")");
        this.reason = reason;
        this.offset = offset;
    }

    /** Where the bytes stop being valid; see the subclass for what is counted. */
    public int offset() {
        return offset;
    }

    /** The message without the "(at byte N …)" suffix, for output that reports the offset separately. */
    public String reason() {
        return reason;
    }
}
