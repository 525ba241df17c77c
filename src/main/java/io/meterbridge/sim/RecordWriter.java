package io.meterbridge.sim;

import java.io.ByteArrayOutputStream;

/**
 * Writes EN 13757-3 variable data records for the simulated meters: {@code DIF [DIFE] VIF
 * [VIFE]} followed by the value, integers little-endian two's complement (type B), dates as
 * type G. Just enough for the meter models; decoding is not its business.
 */
public final class RecordWriter {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /**
     * A record whose data field (low nibble of the DIF) is an integer of 1, 2, 3, 4, 6 or 8
     * bytes; {@code head} is the DIF, DIFEs, VIF and VIFEs as they go on the wire.
     */
    public RecordWriter integer(long value, int... head) {
        int dif = head[0];
        int length = switch (dif & 0x0F) {
            case 1 -> 1;
            case 2 -> 2;
            case 3 -> 3;
            case 4 -> 4;
            case 6 -> 6;
            case 7 -> 8;
            default -> throw new IllegalArgumentException(String.format("DIF 0x%02X is not an integer field", dif));
        };
        for (int b : head) {
            out.write(b);
        }
        for (int i = 0; i < length; i++) {
            out.write((int) (value >>> (8 * i)));
        }
        return this;
    }

    /** A type G date (2 bytes); {@code year} 2000–2099; all zero for "not set". */
    public RecordWriter dateG(int year, int month, int day, int... head) {
        int y = year == 0 ? 0 : year % 100;
        int v = (day & 0x1F) | (y & 0x07) << 5 | (month & 0x0F) << 8 | (y >> 3) << 12;
        return integer(v, head);
    }

    /** Raw bytes, e.g. a special DIF {@code 1F} (more records follow) or {@code 0F}. */
    public RecordWriter raw(int... bytes) {
        for (int b : bytes) {
            out.write(b);
        }
        return this;
    }

    public int size() {
        return out.size();
    }

    public byte[] toBytes() {
        return out.toByteArray();
    }
}
