package io.meterbridge.telegram;

/**
 * Application-layer bytes that are not a valid EN 13757-3 telegram: a truncated record, too many
 * DIFEs/VIFEs, an LVAR or plain-text length running past the end, an unsupported CI field.
 * The message says what was expected and what was found; {@link #offset()} is the byte offset,
 * from the start of the frame handed to {@link TelegramDecoder}, where the problem is.
 */
public class TelegramFormatException extends Exception {

    private static final long serialVersionUID = 1L;
    private final int offset;
    private final String reason;

    public TelegramFormatException(String reason, int offset) {
        super(reason + " (at byte " + offset + ")");
        this.reason = reason;
        this.offset = offset;
    }

    /** Byte offset, from the start of the frame, where the telegram stops being valid. */
    public int offset() {
        return offset;
    }

    /** The message without the "(at byte N)" suffix, for output that reports the offset separately. */
    public String reason() {
        return reason;
    }
}
