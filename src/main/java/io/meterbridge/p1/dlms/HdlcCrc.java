package io.meterbridge.p1.dlms;

/**
 * The HDLC frame check sequence: CRC-16/X-25, reflected polynomial 0x1021 (0x8408 reflected),
 * initial value 0xFFFF, final XOR 0xFFFF (ISO/IEC 13239 clause 4.2.5.2, used for both HCS and FCS
 * by IEC 62056-46 clause 6.4.3). Not {@link io.meterbridge.p1.Crc16}, which is DSMR's CRC-16/ARC.
 * On the wire the CRC is sent least significant byte first.
 */
public final class HdlcCrc {

    private static final int[] TABLE = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int crc = i;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0x8408 : crc >>> 1;
            }
            TABLE[i] = crc;
        }
    }

    private HdlcCrc() {
    }

    /** The CRC of {@code length} bytes of {@code bytes} from {@code offset}, unsigned 16 bits. */
    public static int compute(byte[] bytes, int offset, int length) {
        int c = 0xFFFF;
        for (int i = offset; i < offset + length; i++) {
            c = (c >>> 8) ^ TABLE[(c ^ bytes[i]) & 0xFF];
        }
        return (c ^ 0xFFFF) & 0xFFFF;
    }

    /** The CRC as sent at {@code offset}: low byte first. */
    static int read(byte[] bytes, int offset) {
        return (bytes[offset] & 0xFF) | (bytes[offset + 1] & 0xFF) << 8;
    }
}
