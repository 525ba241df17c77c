package io.meterbridge.kmp;

/**
 * The KMP data-link checksum: CRC-16 with the CCITT polynomial 0x1021, initial value 0x0000, no
 * reflection and no final XOR (the parameters catalogued as "CRC-16/XMODEM"; check value
 * {@code 0x31C3} for ASCII "123456789").
 *
 * <p>Computed over the destination/source address, the command id and the data, before stuffing;
 * sent high byte first (the data link layer, section 3.2 of the Kamstrup protocol description).
 * PyKMP ({@code codec.py}: "a CRC with reference to the CCITT-standard using the polynomial 1021h.
 * Only deviation from the standard is the initial value, which is 0000h instead of FFFFh"),
 * bsdphk/PyKamstrup ({@code crc_1021}) and ESPHome's {@code kamstrup_kmp} ({@code crc16_ccitt},
 * the "true" CCITT CRC-16 run over the message with two zero bytes appended, which is the same
 * function) agree. Because it is not reflected and has no final XOR, the CRC
 * over a whole frame body including its two CRC bytes is 0 for every intact frame.
 */
public final class KmpCrc {

    private static final int[] TABLE = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int crc = i << 8;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
            }
            TABLE[i] = crc & 0xFFFF;
        }
    }

    private KmpCrc() {
    }

    /** The CRC of {@code length} bytes of {@code bytes} from {@code offset}, as an unsigned 16-bit value. */
    public static int compute(byte[] bytes, int offset, int length) {
        int crc = 0;
        for (int i = offset; i < offset + length; i++) {
            crc = ((crc << 8) ^ TABLE[((crc >>> 8) ^ bytes[i]) & 0xFF]) & 0xFFFF;
        }
        return crc;
    }

    /** The CRC of all of {@code bytes}. */
    public static int compute(byte[] bytes) {
        return compute(bytes, 0, bytes.length);
    }

    /** Four upper-case hex digits, as frames are written: {@code 058A}. */
    public static String format(int crc) {
        return String.format("%04X", crc & 0xFFFF);
    }
}
