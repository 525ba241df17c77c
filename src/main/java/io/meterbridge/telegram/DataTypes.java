package io.meterbridge.telegram;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteOrder;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * The data types of EN 13757-3 annex A on a slice of bytes, least significant byte first:
 * type A (BCD, with the negative-BCD rule), B (signed binary), C (unsigned binary), H (IEEE 754
 * real), F/G/I/J (date and time). Invalid content becomes {@link Value.Invalid}, never a guess.
 */
final class DataTypes {

    private static final Value NOT_SET_G = new Value.Invalid("date not set (0000)");
    private static final Value INVALID_G = new Value.Invalid("date invalid (FFFF)");
    private static final Value NOT_SET = new Value.Invalid("date/time not set (all zero)");
    private static final Value IV = new Value.Invalid("date/time marked invalid (IV bit)");

    /** The value of a BCD field with a nibble A–F where a digit should be (shared: one per nibble). */
    private static final Value[] NOT_A_DIGIT = new Value[16];

    static {
        for (int nibble = 10; nibble < 16; nibble++) {
            NOT_A_DIGIT[nibble] = new Value.Invalid("BCD digit 0x" + Integer.toHexString(nibble).toUpperCase()
                    + " is not a decimal digit");
        }
    }

    /**
     * Shared values for the small numbers meters send most (zero above all: stored values not
     * yet written, error flags, idle counters): {@code SMALL[s][r]} is {@code r·10^−s}, scale s.
     * Like {@code BigDecimal.valueOf}'s own cache, it saves two objects per such record.
     */
    private static final Value[][] SMALL = new Value[13][10];

    static {
        for (int s = 0; s < SMALL.length; s++) {
            for (int r = 0; r < SMALL[s].length; r++) {
                SMALL[s][r] = new Value.Numeric(BigDecimal.valueOf(r, s));
            }
        }
    }

    /**
     * Every time of day to the minute, the resolution of type F (1440 shared, immutable values:
     * LocalTime is value-based), so that a type F date-time builds no LocalTime.
     */
    private static final LocalTime[] MINUTES_OF_DAY = new LocalTime[24 * 60];

    static {
        for (int m = 0; m < MINUTES_OF_DAY.length; m++) {
            MINUTES_OF_DAY[m] = LocalTime.of(m / 60, m % 60);
        }
    }

    private DataTypes() {
    }

    /** {@code raw · 10^exp} as a value, exactly as {@link #scaled} gives it (small ones shared). */
    static Value numeric(long raw, int exp) {
        if (raw >= 0 && raw < 10) {
            if (exp <= 0 && exp > -SMALL.length) {
                return SMALL[-exp][(int) raw];
            }
            if (raw == 0 && exp > 0) {
                return SMALL[0][0]; // 0·10^exp has scale 0
            }
        }
        return new Value.Numeric(scaled(raw, exp));
    }

    private static final VarHandle LE_SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LE_INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    /** Type B/C integer of 1–8 bytes times 10^exp, as a value. */
    static Value integerValue(byte[] b, int off, int len, boolean signed, int exp) {
        long v;
        if (len == 4) {
            v = (int) LE_INT.get(b, off) & 0xFFFFFFFFL; // one load for the most common size
        } else if (len == 2) {
            v = (short) LE_SHORT.get(b, off) & 0xFFFFL;
        } else {
            v = 0;
            for (int i = len - 1; i >= 0; i--) {
                v = (v << 8) | (b[off + i] & 0xFF);
            }
        }
        if (len < 8) {
            if (signed && (b[off + len - 1] & 0x80) != 0) {
                v |= -1L << (8 * len);
            }
            return numeric(v, exp);
        }
        if (!signed && v < 0) {
            return new Value.Numeric(integer(b, off, len, false, exp));
        }
        return numeric(v, exp);
    }

    private static final long[] POW10 = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
        100_000_000L, 1_000_000_000L, 10_000_000_000L};

    /** {@code raw · 10^exp} exactly, with scale {@code max(0, −exp)}: the resolution of the VIF. */
    static BigDecimal scaled(long raw, int exp) {
        if (exp < 0) {
            return BigDecimal.valueOf(raw, -exp);
        }
        if (exp < POW10.length) {
            long limit = Long.MAX_VALUE / POW10[exp];
            if (raw <= limit && raw >= -limit) {
                return BigDecimal.valueOf(raw * POW10[exp]);
            }
        }
        return BigDecimal.valueOf(raw).scaleByPowerOfTen(exp).setScale(0);
    }

    /** Type B (two's complement) or C (unsigned) integer of 1–8 bytes at {@code b[off..off+len)}, times 10^exp. */
    static BigDecimal integer(byte[] b, int off, int len, boolean signed, int exp) {
        long v = 0;
        for (int i = len - 1; i >= 0; i--) {
            v = (v << 8) | (b[off + i] & 0xFF);
        }
        if (len < 8) {
            if (signed && (b[off + len - 1] & 0x80) != 0) {
                v |= -1L << (8 * len);
            }
            return scaled(v, exp);
        }
        if (!signed && v < 0) {
            return new BigDecimal(new BigInteger(Long.toUnsignedString(v))).scaleByPowerOfTen(exp).setScale(Math.max(0, -exp));
        }
        return scaled(v, exp);
    }

    /** Type B/C integer without exponent. */
    static BigDecimal integer(byte[] b, int off, int len, boolean signed) {
        return integer(b, off, len, signed, 0);
    }

    /**
     * Type A: {@code len} bytes of BCD, LSB first. A most significant nibble F means negative
     * (EN 13757-3 annex A); any other nibble A–F makes the value invalid.
     */
    static Value bcd(byte[] b, int off, int len, boolean negative) {
        return bcd(b, off, len, negative, 0);
    }

    /** Type A times 10^exp. */
    static Value bcd(byte[] b, int off, int len, boolean negative, int exp) {
        if (len > 8) {
            return bcdByDigit(b, off, len, negative, exp); // 9 bytes (LVAR 0xC9/0xD9) do not fit the lanes
        }
        long x;
        if (len == 4) {
            x = (int) LE_INT.get(b, off) & 0xFFFFFFFFL;
        } else if (len == 2) {
            x = (short) LE_SHORT.get(b, off) & 0xFFFFL;
        } else {
            x = 0;
            for (int i = len - 1; i >= 0; i--) {
                x = x << 8 | (b[off + i] & 0xFF);
            }
        }
        boolean neg = negative;
        int top = 8 * len - 4;
        if (!negative && len > 0 && (x >>> top) == 0xF) {
            neg = true; // most significant nibble F: negative (EN 13757-3 annex A)
            x &= ~(0xFL << top);
        }
        // eight bytes of two digits each, at once: a nibble of 10 or more sets bit 4 of its lane when 6 is added
        long hi = (x >>> 4) & 0x0F0F0F0F0F0F0F0FL;
        long lo = x & 0x0F0F0F0F0F0F0F0FL;
        if ((((hi + 0x0606060606060606L) | (lo + 0x0606060606060606L)) & 0x1010101010101010L) != 0) {
            return bcdByDigit(b, off, len, negative, exp); // names the first bad digit
        }
        long t = hi * 10 + lo; // each byte 0–99
        t = (t & 0x00FF00FF00FF00FFL) + ((t >>> 8) & 0x00FF00FF00FF00FFL) * 100; // each 16 bits 0–9999
        t = (t & 0x0000FFFF0000FFFFL) + ((t >>> 16) & 0x0000FFFF0000FFFFL) * 10_000;
        t = (t & 0xFFFFFFFFL) + (t >>> 32) * 100_000_000L;
        return numeric(neg ? -t : t, exp);
    }

    /** Type A digit by digit, most significant first: the reference for {@link #bcd}, and its error path. */
    static Value bcdByDigit(byte[] b, int off, int len, boolean negative, int exp) {
        if (len > 9) {
            // at most 9 bytes (LVAR 0xC9/0xD9: 18 digits) reach here, which fits a long
            throw new IllegalArgumentException("BCD of " + len + " bytes");
        }
        long v = 0;
        boolean neg = negative;
        for (int i = len - 1; i >= 0; i--) {
            int x = b[off + i] & 0xFF;
            int hi = x >> 4;
            int lo = x & 0x0F;
            if (i == len - 1 && hi == 0xF && !negative) {
                neg = true;
                hi = 0;
            }
            if (hi > 9) {
                return NOT_A_DIGIT[hi];
            }
            if (lo > 9) {
                return NOT_A_DIGIT[lo];
            }
            v = v * 100 + hi * 10 + lo;
        }
        return numeric(neg ? -v : v, exp);
    }

    /** Type H: IEEE 754 single precision, LSB first; the decimal is the shortest that reads back as the float. */
    static Value real32(byte[] b, int off) {
        return real32(b, off, 0);
    }

    /** Type H times 10^exp. */
    static Value real32(byte[] b, int off, int exp) {
        float f = Float.intBitsToFloat((int) LE_INT.get(b, off));
        if (Float.isNaN(f) || Float.isInfinite(f)) {
            return new Value.Invalid("real is " + f);
        }
        if (f == (int) f && Math.abs(f) < 1e7f) {
            // An integral float below 10^7 prints as "<integer>.0" (FastPathsTest checks every one):
            // the same BigDecimal as from Float.toString, without formatting and parsing it.
            long unscaled = (long) f * 10;
            int scale = 1 - exp;
            if (unscaled == 0 && scale >= 0 && scale < SMALL.length) {
                return SMALL[scale][0];
            }
            return new Value.Numeric(BigDecimal.valueOf(unscaled, scale));
        }
        return real32ByString(f, exp);
    }

    /** Type H through {@link Float#toString}: the reference for {@link #real32}, and its general path. */
    static Value real32ByString(float f, int exp) {
        return new Value.Numeric(new BigDecimal(Float.toString(f)).scaleByPowerOfTen(exp));
    }

    /**
     * Century of a 7-bit year without (or with zero) hundred-year bits: the compatibility rule of
     * EN 13757-3:2013 annex A (year ≤ 80 → 20xx, else 19xx).
     */
    private static int fullYear(int year, int hundredYear) {
        if (hundredYear == 0) {
            return year <= 80 ? 2000 + year : 1900 + year;
        }
        return 1900 + 100 * hundredYear + year;
    }

    /** True if year/month/day/hour/minute/second make a real date-time (no exception needed to find out). */
    private static boolean valid(int fullYear, int month, int day, int hour, int minute, int second) {
        return month >= 1 && month <= 12 && day >= 1
                && (day <= 28 || day <= java.time.Month.of(month).length(java.time.Year.isLeap(fullYear)))
                && hour <= 23 && minute <= 59 && second <= 59;
    }

    /** Type G: date, 2 bytes. 0000 (Kamstrup's "not set") and FFFF are invalid. */
    static Value dateG(byte[] b, int off) {
        int b0 = b[off] & 0xFF;
        int b1 = b[off + 1] & 0xFF;
        if (b0 == 0 && b1 == 0) {
            return NOT_SET_G;
        }
        if (b0 == 0xFF && b1 == 0xFF) {
            return INVALID_G;
        }
        int day = b0 & 0x1F;
        int month = b1 & 0x0F;
        int year = (b0 & 0xE0) >> 5 | (b1 & 0xF0) >> 1;
        int y = fullYear(year, 0);
        if (!valid(y, month, day, 0, 0, 0)) {
            return new Value.Invalid("no such date: year " + year + ", month " + month + ", day " + day);
        }
        return new Value.Date(LocalDate.of(y, month, day));
    }

    /** Type F: date and time to the minute, 4 bytes; bit 7 of byte 0 (IV) marks it invalid. */
    static Value dateTimeF(byte[] b, int off) {
        int b0 = b[off] & 0xFF;
        int b1 = b[off + 1] & 0xFF;
        int b2 = b[off + 2] & 0xFF;
        int b3 = b[off + 3] & 0xFF;
        if ((b0 | b1 | b2 | b3) == 0) {
            return NOT_SET;
        }
        if ((b0 & 0x80) != 0) {
            return IV;
        }
        int minute = b0 & 0x3F;
        int hour = b1 & 0x1F;
        int hundredYear = (b1 >> 5) & 0x03;
        int day = b2 & 0x1F;
        int month = b3 & 0x0F;
        int year = (b2 & 0xE0) >> 5 | (b3 & 0xF0) >> 1;
        int y = fullYear(year, hundredYear);
        if (!valid(y, month, day, hour, minute, 0)) {
            return new Value.Invalid("no such date/time: year " + year + ", month " + month + ", day " + day + ", "
                    + hour + ":" + minute);
        }
        return new Value.DateTime(LocalDateTime.of(LocalDate.of(y, month, day), MINUTES_OF_DAY[hour * 60 + minute]),
                (b1 & 0x80) != 0);
    }

    /** Type I: date and time to the second, 6 bytes; bit 7 of byte 1 (IV) marks it invalid. */
    static Value dateTimeI(byte[] b, int off) {
        int b0 = b[off] & 0xFF;
        int b1 = b[off + 1] & 0xFF;
        int b2 = b[off + 2] & 0xFF;
        int b3 = b[off + 3] & 0xFF;
        int b4 = b[off + 4] & 0xFF;
        if ((b0 | b1 | b2 | b3 | b4) == 0) {
            return NOT_SET;
        }
        if ((b1 & 0x80) != 0) {
            return IV;
        }
        int second = b0 & 0x3F;
        int minute = b1 & 0x3F;
        int hour = b2 & 0x1F;
        int day = b3 & 0x1F;
        int month = b4 & 0x0F;
        int year = (b3 & 0xE0) >> 5 | (b4 & 0xF0) >> 1;
        int y = fullYear(year, 0);
        if (!valid(y, month, day, hour, minute, second)) {
            return new Value.Invalid("no such date/time: year " + year + ", month " + month + ", day " + day + ", "
                    + hour + ":" + minute + ":" + second);
        }
        return new Value.DateTime(LocalDateTime.of(y, month, day, hour, minute, second), (b0 & 0x40) != 0);
    }

    /** Type J: time of day, 3 bytes (second, minute, hour). */
    static Value timeJ(byte[] b, int off) {
        int second = b[off] & 0x3F;
        int minute = b[off + 1] & 0x3F;
        int hour = b[off + 2] & 0x1F;
        if (second > 59 || minute > 59 || hour > 23) {
            return new Value.Invalid("no such time: " + hour + ":" + minute + ":" + second);
        }
        return new Value.Time(LocalTime.of(hour, minute, second));
    }
}
