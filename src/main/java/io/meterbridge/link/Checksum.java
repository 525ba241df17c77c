package io.meterbridge.link;

/** The EN 13757-2 frame checksum: arithmetic sum of C field through the last data byte, mod 256. */
public final class Checksum {

    private Checksum() {
    }

    /** Sum of {@code bytes[from..to)} modulo 256. */
    public static int of(byte[] bytes, int from, int to) {
        int sum = 0;
        for (int i = from; i < to; i++) {
            sum += bytes[i];
        }
        return sum & 0xFF;
    }

    static void requireByte(String field, int value) {
        if (value < 0 || value > 0xFF) {
            throw new IllegalArgumentException(field + " must be a byte 0x00–0xFF, got " + value);
        }
    }
}
