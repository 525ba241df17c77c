package io.meterbridge.kmp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.meterbridge.telegram.Hex;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The sign/exponent and mantissa number format, decoded exactly. */
class KmpNumberTest {

    /**
     * {@code value} is compared exactly, scale included: the scale is the meter's resolution.
     */
    @ParameterizedTest(name = "{0}: {1} {2} = {3}")
    @CsvSource(delimiter = '|', textBlock = """
            Kamstrup doc 4.2 example 1 (SI=1, SE=1, exp 2)  | C2 | 00003039   | -123.45
            Kamstrup doc 4.2 example 2 (SI=0, SE=0, exp 3)  | 03 | 05397FB1   | 8.7654321E+10
            Kamstrup doc 4.2 example 3 (SI=0, SE=0, exp 3)  | 03 | FF         | 2.55E+5
            Kamstrup doc 6.2.4 (exp 17)                     | 11 | 012AF024   | 1.9591204E+24
            PyKMP: a real MULTICAL 403 value                | 43 | 000000FB   | 0.251
            PyKMP: the float error it avoids                | 42 | 18C8       | 63.44
            PyKMP: 5-byte mantissa                          | 11 | 01012AF024 | 4.314558500E+26
            Tasmota #38: E1 55.006 MWh                      | 43 | 0000D6DE   | 55.006
            Tasmota #38: V1 1875.56 m³                      | 42 | 0002DCA4   | 1875.56
            Tasmota #38: T1 (published as 5.365e-08, a float bug of that tool) | 42 | 14F5 | 53.65
            Tasmota #38: T2                                 | 42 | 11E3       | 45.79
            Tasmota #38: T1-T2                              | 42 | 0312       | 7.86
            Tasmota #38: power, one decimal                 | 41 | 0000       | 0.0
            Tasmota #38: flow, no exponent                  | 00 | 0000       | 0
            negative mantissa, positive exponent            | 81 | 05         | -5E+1
            negative mantissa, no exponent                  | 80 | 2A         | -42
            negative mantissa, negative exponent            | C1 | 0C         | -1.2
            positive mantissa, negative exponent            | 41 | 0C         | 1.2
            largest negative exponent                       | 7F | 01         | 1E-63
            largest positive exponent                       | 3F | 01         | 1E+63
            a zero keeps its three decimals                 | 43 | 00000000   | 0.000
            7-byte mantissa, the largest in a long          | 00 | FFFFFFFFFFFFFF | 72057594037927935
            8-byte mantissa beyond a long                   | 00 | FFFFFFFFFFFFFFFF | 18446744073709551615
            9-byte mantissa with a negative exponent        | C4 | 0100000000000000FF | -1844674407370955.1871
            """)
    void decodesExactly(String source, String signExponent, String mantissa, String value) {
        byte[] bytes = Hex.parse(mantissa);
        BigDecimal decoded = KmpNumber.decode(Integer.parseInt(signExponent, 16), bytes, 0, bytes.length);
        assertEquals(new BigDecimal(value), decoded, source);
        assertEquals(value, decoded.toString(), source);
        // and back, with the same mantissa length
        byte[] encoded = KmpNumber.encode(decoded, bytes.length);
        assertArrayEquals(Hex.parse(signExponent + mantissa), encoded, source);
    }

    @Test
    void decodesAtAnOffset() {
        byte[] record = Hex.parse("00 3C 03 04 43 00 00 D6 DE");
        assertEquals(new BigDecimal("55.006"), KmpNumber.decode(record[4] & 0xFF, record, 5, 4));
    }

    @Test
    void negativeZeroIsZero() {
        // SI=1 on a zero mantissa: BigDecimal has no −0
        assertEquals(new BigDecimal("0.00"), KmpNumber.decode(0xC2, new byte[2], 0, 2));
    }

    @Test
    void encodeRefusesWhatDoesNotFit() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KmpNumber.encode(new BigDecimal("1E-64"), 4));
        assertEquals("expected an exponent of magnitude at most 63, found -64 for 1E-64", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> KmpNumber.encode(new BigDecimal("65536"), 2));
        assertEquals("expected a mantissa of at most 2 bytes, found 65536 (3 bytes) for 65536", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> KmpNumber.encode(BigDecimal.ONE, 0));
        assertEquals("expected a mantissa length of 1–255 bytes, found 0", e.getMessage());
    }

    @Test
    void encodePadsTheMantissaToTheLengthAsked() {
        assertArrayEquals(Hex.parse("43 00 00 D6 DE"), KmpNumber.encode(new BigDecimal("55.006"), 4));
        assertArrayEquals(Hex.parse("C2 30 39"), KmpNumber.encode(new BigDecimal("-123.45"), 2));
        assertArrayEquals(Hex.parse("00 FF"), KmpNumber.encode(new BigDecimal("255"), 1));
    }
}
