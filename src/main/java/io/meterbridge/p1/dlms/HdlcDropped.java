package io.meterbridge.p1.dlms;

/**
 * Bytes the HDLC framer discarded.
 *
 * @param reason why
 * @param offset stream offset of the first discarded byte
 * @param length how many bytes
 * @param detail what was expected and what was found, with the offset
 */
public record HdlcDropped(Reason reason, long offset, long length, String detail) implements HdlcEvent {

    /** Why bytes were discarded. */
    public enum Reason {
        /** Bytes outside any frame (line noise, a frame's tail when joining mid-stream). */
        NOISE,
        /** A frame whose HCS or FCS does not match. */
        CRC_MISMATCH,
        /** A frame whose format, addresses or closing flag are wrong. */
        MALFORMED,
        /** A frame cut short by the end of the stream. */
        TRUNCATED,
        /** Segments that did not end in a last segment (a lost frame), or an information field without LLC. */
        INCOMPLETE_APDU
    }

    @Override
    public String toString() {
        return "dropped " + length + " bytes at offset " + offset + " (" + reason + "): " + detail;
    }
}
