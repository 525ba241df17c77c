package io.meterbridge.p1.dlms;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * One decoded A-XDR value (IEC 62056-6-2 clause 4.1.5): a number, a byte or character string, a
 * structure or array of values, a boolean or null-data. {@link AxdrDecoder} makes them.
 */
public sealed interface DlmsData permits DlmsData.Null, DlmsData.Bool, DlmsData.Integral, DlmsData.Bytes,
        DlmsData.Sequence {

    /** The A-XDR type the value was sent as. */
    AxdrType type();

    /** null-data. */
    record Null() implements DlmsData {
        @Override
        public AxdrType type() {
            return AxdrType.NULL_DATA;
        }
    }

    /** boolean. */
    record Bool(boolean value) implements DlmsData {
        @Override
        public AxdrType type() {
            return AxdrType.BOOLEAN;
        }
    }

    /** Any of the integer types, enum and bcd, exact. */
    record Integral(AxdrType type, BigInteger value) implements DlmsData {
    }

    /**
     * octet-string, visible-string, utf8-string, bit-string, date-time and the other byte-valued
     * types, as sent.
     */
    record Bytes(AxdrType type, byte[] value) implements DlmsData {

        /** The bytes as text (visible-string is ASCII, utf8-string UTF-8). */
        public String text() {
            return new String(value, type == AxdrType.UTF8_STRING ? StandardCharsets.UTF_8 : StandardCharsets.US_ASCII);
        }

        /** Whether this is an octet-string of six bytes, the form of an OBIS code (logical name). */
        public boolean isObisCode() {
            return type == AxdrType.OCTET_STRING && value.length == 6;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Bytes b && type == b.type && Arrays.equals(value, b.value);
        }

        @Override
        public int hashCode() {
            return type.hashCode() * 31 + Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return type + "[" + HexFormat.of().withUpperCase().formatHex(value) + "]";
        }
    }

    /** structure or array. */
    record Sequence(AxdrType type, List<DlmsData> elements) implements DlmsData {
        public Sequence {
            elements = List.copyOf(elements);
        }
    }
}
