package io.meterbridge.p1;

/**
 * A telegram whose CRC-16 does not match its content. It is dropped (never parsed or published)
 * and counted.
 *
 * @param offset   stream offset of the telegram's {@code /}
 * @param expected the CRC computed over {@code /} … {@code !}
 * @param found    the CRC the telegram carries after {@code !}
 * @param bytes    the telegram as received, for diagnosis
 */
public record CrcMismatch(long offset, int expected, int found, byte[] bytes) implements P1FramerEvent {

    /** A one-line description naming the place and both values. */
    public String message() {
        return "P1 telegram at byte offset " + offset + " (" + bytes.length + " bytes): CRC mismatch, expected "
                + Crc16.format(expected) + " (computed over '/' to '!'), found " + Crc16.format(found);
    }

    @Override
    public String toString() {
        return message();
    }
}
