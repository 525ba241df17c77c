package io.meterbridge.telegram;

/**
 * Decodes the EN 13757-3 application layer: CI field, header, data records. Pure and
 * thread-safe: all state is on the stack.
 */
public final class TelegramDecoder {

    private TelegramDecoder() {
    }

    /**
     * Decodes the user data {@code frame[dataStart, dataEnd)} of a frame whose CI field is {@code ci}.
     * Offsets in records and in exceptions count from the start of {@code frame}, so a caller
     * that passes a whole link-layer frame gets frame byte offsets.
     *
     * @param ci the CI field, 0–255
     * @param frame the bytes holding the user data (typically the whole long frame)
     * @param dataStart index of the first user-data byte (after the CI field)
     * @param dataEnd index after the last user-data byte (before the checksum)
     * @return the decoded telegram
     * @throws TelegramFormatException if the CI field is unsupported or the data are malformed;
     *     its offset says where
     */
    public static Telegram decode(int ci, byte[] frame, int dataStart, int dataEnd) throws TelegramFormatException {
        throw new UnsupportedOperationException("decoder lands in the next commit");
    }

    /** Decodes bare user data (offsets then count from the first user-data byte). */
    public static Telegram decode(int ci, byte[] userData) throws TelegramFormatException {
        return decode(ci, userData, 0, userData.length);
    }
}
