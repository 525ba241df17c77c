package io.meterbridge.link;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** The EN 13757-2 frame checksum: arithmetic sum of C field through the last data byte, mod 256. */
public final class Checksum {

    private Checksum() {
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long EVEN_BYTES = 0x00FF00FF00FF00FFL;

    /** Sum of {@code bytes[from..to)} modulo 256. */
    public static int of(byte[] bytes, int from, int to) {
        // eight bytes at a time: the even and odd bytes of each word go into four 16-bit lanes,
        // which cannot overflow for 101 words (at most 2 · 255 a word and lane; a frame has 32)
        long lanes = 0;
        int i = from;
        for (int words = 0; i + 8 <= to; i += 8, words++) {
            long w = (long) LONGS.get(bytes, i);
            lanes += (w & EVEN_BYTES) + ((w >>> 8) & EVEN_BYTES);
            if (words == 100) {
                // longer inputs: fold the lanes (mod 256 is all that counts) before they could overflow
                lanes = fold(lanes) & 0xFF;
                words = 0;
            }
        }
        int sum = (int) fold(lanes);
        for (; i < to; i++) {
            sum += bytes[i];
        }
        return sum & 0xFF;
    }

    /** The sum of the four 16-bit lanes. */
    private static long fold(long lanes) {
        return (lanes & 0xFFFF) + ((lanes >>> 16) & 0xFFFF) + ((lanes >>> 32) & 0xFFFF) + (lanes >>> 48);
    }

    static void requireByte(String field, int value) {
        if (value < 0 || value > 0xFF) {
            throw new IllegalArgumentException(field + " must be a byte 0x00–0xFF, got " + value);
        }
    }
}
