package io.meterbridge.p1;

/**
 * Bytes the framer discarded.
 *
 * @param reason why
 * @param offset stream offset of the first discarded byte
 * @param length how many bytes
 * @param detail what was expected and what was found
 */
public record Dropped(Reason reason, long offset, long length, String detail) implements P1FramerEvent {

    /** Why bytes were discarded. */
    public enum Reason {
        /** Bytes outside any telegram (line noise, a telegram's tail when joining mid-stream). */
        NOISE,
        /** A telegram cut short: a new {@code /} or the end of the stream came before its {@code !}/CRC. */
        TRUNCATED,
        /** A telegram longer than the framer's limit. */
        OVERSIZED,
        /** Something other than four hex digits or CR LF after the {@code !}. */
        MALFORMED_END
    }

    @Override
    public String toString() {
        return "dropped " + length + " bytes at offset " + offset + " (" + reason + "): " + detail;
    }
}
