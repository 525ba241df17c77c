package io.meterbridge.telegram;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.HexFormat;

/**
 * The value of a data record after decoding its data field and applying the VIF exponent.
 * Invalid data (a BCD digit A–E, the IV bit of a type F date, an all-zero type G date, a NaN
 * real) is an {@link Invalid} with the reason, never a made-up number or date.
 */
public sealed interface Value {

    /**
     * A number in the record's {@link DataRecord#unit()}, exact (integer or BCD scaled by a power
     * of ten, or the shortest decimal of a real).
     *
     * <p>Held as {@code unscaled · 10^−scale} in a {@code long} and an {@code int} whenever the
     * unscaled value fits 64 bits, which is every type A/B/C value of up to 18 digits or 63 bits
     * and every real: {@link #number()} then builds the {@code BigDecimal} when asked. Only the
     * rest (an unsigned 64-bit value above {@code Long.MAX_VALUE}, a product with a correction
     * factor too big for a long) keeps a {@code BigDecimal}. Equality is {@code BigDecimal}'s:
     * the same unscaled value and scale (so 1.0 ≠ 1.00), as when this was a record of one.
     */
    final class Numeric implements Value {

        /** {@link #scale} when the value is only in {@link #big}. */
        private static final int NOT_COMPACT = Integer.MIN_VALUE;

        private final long unscaled;
        private final int scale;
        private final BigDecimal big;

        private Numeric(long unscaled, int scale, BigDecimal big) {
            this.unscaled = unscaled;
            this.scale = scale;
            this.big = big;
        }

        /** The number {@code number}, compact if its unscaled value fits a {@code long}. */
        public Numeric(BigDecimal number) {
            java.math.BigInteger u = number.unscaledValue();
            if (u.bitLength() < 64 && number.scale() != NOT_COMPACT) {
                this.unscaled = u.longValue();
                this.scale = number.scale();
                this.big = null;
            } else {
                this.unscaled = 0;
                this.scale = NOT_COMPACT;
                this.big = number;
            }
        }

        /** {@code unscaled · 10^−scale}, the same as {@code new Numeric(BigDecimal.valueOf(unscaled, scale))}. */
        public static Numeric of(long unscaled, int scale) {
            if (scale == NOT_COMPACT) {
                return new Numeric(BigDecimal.valueOf(unscaled, scale));
            }
            return new Numeric(unscaled, scale, null);
        }

        /** The exact value ({@code BigDecimal.valueOf(unscaled, scale)}, built on each call when compact). */
        public BigDecimal number() {
            return big != null ? big : BigDecimal.valueOf(unscaled, scale);
        }

        /** True if the value is {@link #unscaledValue()} · 10^−{@link #scale()} without a {@code BigDecimal}. */
        public boolean isCompact() {
            return big == null;
        }

        /** The unscaled value, when {@link #isCompact()}. */
        public long unscaledValue() {
            if (big != null) {
                throw new ArithmeticException("unscaled value does not fit a long: " + big);
            }
            return unscaled;
        }

        /** The number of decimal places (negative: a multiple of a power of ten), as {@link BigDecimal#scale()}. */
        public int scale() {
            return big != null ? big.scale() : scale;
        }

        /** The value as a double (nearest), without building a {@code BigDecimal} when compact and exact. */
        public double doubleValue() {
            if (big == null && scale >= 0 && scale < 23 && Math.abs(unscaled) < (1L << 53)) {
                return scale == 0 ? (double) unscaled : unscaled / DOUBLE_POW10[scale];
            }
            return number().doubleValue();
        }

        private static final double[] DOUBLE_POW10 = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
            1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Numeric n)) {
                return false;
            }
            if (big == null && n.big == null) {
                return unscaled == n.unscaled && scale == n.scale;
            }
            return big != null && big.equals(n.big); // a compact value never equals a non-compact one
        }

        @Override
        public int hashCode() {
            return big != null ? big.hashCode() : 31 * Long.hashCode(unscaled) + scale;
        }

        @Override
        public String toString() {
            return "Numeric[number=" + number() + "]";
        }
    }

    /** Text: an LVAR string or a plain-text value, in reading order. */
    record Text(String text) implements Value {
    }

    /** A date (type G). */
    record Date(LocalDate date) implements Value {
    }

    /**
     * A local date and time (type F, I, M), meter-local with no zone.
     *
     * @param summerTime the meter's summer-time (DST) flag
     */
    record DateTime(LocalDateTime dateTime, boolean summerTime) implements Value {
    }

    /** A time of day (type J). */
    record Time(LocalTime time) implements Value {
    }

    /** Bytes without a defined meaning (manufacturer-specific VIF, binary LVAR too long for a number). */
    record Bytes(byte[] bytes) implements Value {
        public Bytes {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        /** Upper-case hex without separators. */
        public String hex() {
            return HexFormat.of().withUpperCase().formatHex(bytes);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Bytes b && java.util.Arrays.equals(b.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Bytes[" + hex() + "]";
        }
    }

    /** No data: DIF data field 0 (no data) or 8 (selection for readout). */
    record None() implements Value {
    }

    /**
     * The meter marked the value invalid, or the bytes cannot be a value of the type: shown as
     * {@code null}.
     *
     * @param reason why, e.g. {@code "BCD digit 0xE"} or {@code "date not set (0000)"}
     */
    record Invalid(String reason) implements Value {
    }
}
