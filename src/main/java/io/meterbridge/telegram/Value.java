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

    /** A number in the record's {@link DataRecord#unit()}, exact (integer or BCD scaled by a power of ten). */
    record Numeric(BigDecimal number) implements Value {
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
