package io.meterbridge.p1;

/**
 * The P1 telegram checksum: CRC-16 with the reflected polynomial 0xA001 (x^16 + x^15 + x^2 + 1,
 * "CRC-16/ARC"), initial value 0, computed over every byte from the leading {@code /} up to and
 * including the {@code !} (DSMR 4.0.7 / 5.0.2 P1 companion standard, clause 6.2; e-MUCS P1 clause 5).
 * DSMR 2.2 and 3.0 telegrams carry no checksum.
 */
public final class Crc16 {

    private static final int[] TABLE = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int crc = i;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA001 : crc >>> 1;
            }
            TABLE[i] = crc;
        }
    }

    private Crc16() {
    }

    /** The CRC of {@code length} bytes of {@code bytes} from {@code offset}, as an unsigned 16-bit value. */
    public static int compute(byte[] bytes, int offset, int length) {
        return update(0, bytes, offset, length);
    }

    /** Continues a running CRC over more bytes; start with 0. */
    public static int update(int crc, byte[] bytes, int offset, int length) {
        int c = crc;
        for (int i = offset; i < offset + length; i++) {
            c = (c >>> 8) ^ TABLE[(c ^ bytes[i]) & 0xFF];
        }
        return c & 0xFFFF;
    }

    /** Continues a running CRC over one byte. */
    public static int update(int crc, int b) {
        return ((crc >>> 8) ^ TABLE[(crc ^ b) & 0xFF]) & 0xFFFF;
    }

    /** The four upper-case hex digits the meter writes after {@code !}. */
    public static String format(int crc) {
        return String.format("%04X", crc & 0xFFFF);
    }
}
