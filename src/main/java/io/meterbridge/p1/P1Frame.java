package io.meterbridge.p1;

import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;

/**
 * One complete telegram as framed from the stream: every byte from the {@code /} through the
 * {@code !} and the four CRC digits (when present), without the final CR LF. Its CRC, when it has
 * one, has been checked.
 *
 * @param bytes  the telegram bytes (not copied; treat as read-only)
 * @param offset stream offset of the {@code /}
 * @param crc    the verified CRC, empty for DSMR 2.2/3 telegrams that carry none
 */
public record P1Frame(byte[] bytes, long offset, OptionalInt crc) implements P1FramerEvent {

    /** The telegram as text; P1 is ASCII, read as ISO-8859-1 so every byte maps to one char. */
    public String text() {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    @Override
    public String toString() {
        return "P1Frame[" + bytes.length + " bytes at offset " + offset
                + (crc.isPresent() ? ", CRC " + Crc16.format(crc.getAsInt()) : ", no CRC") + "]";
    }
}
