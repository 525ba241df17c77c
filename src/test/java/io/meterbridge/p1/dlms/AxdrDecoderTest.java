package io.meterbridge.p1.dlms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A-XDR types the published pushes do not all use, encoded by hand from IEC 62056-6-2 clause 4.1.5
 * (Blue Book 4.1.5): fixed sizes, signedness, long length forms, nesting limits.
 */
class AxdrDecoderTest {

    private static DlmsData decode(String hex) throws DlmsFormatException {
        AxdrDecoder d = new AxdrDecoder(HanFrames.hex(hex), 0, 0);
        DlmsData v = d.read();
        assertEquals(HanFrames.hex(hex).length, d.position(), "consumed everything");
        return v;
    }

    private static BigInteger integral(String hex) throws DlmsFormatException {
        return ((DlmsData.Integral) decode(hex)).value();
    }

    @Test
    void signedTypesAreTwosComplementAndUnsignedAreNot() throws DlmsFormatException {
        assertEquals(BigInteger.valueOf(-1), integral("0FFF"));              // integer
        assertEquals(BigInteger.valueOf(255), integral("11FF"));             // unsigned
        assertEquals(BigInteger.valueOf(-2), integral("10FFFE"));            // long
        assertEquals(BigInteger.valueOf(65534), integral("12FFFE"));         // long-unsigned
        assertEquals(BigInteger.valueOf(-100), integral("05FFFFFF9C"));      // double-long
        assertEquals(new BigInteger("4294967196"), integral("06FFFFFF9C"));  // double-long-unsigned
        assertEquals(BigInteger.valueOf(Long.MIN_VALUE), integral("148000000000000000")); // long64
        assertEquals(new BigInteger("18446744073709551615"), integral("15FFFFFFFFFFFFFFFF")); // long64-unsigned
        assertEquals(BigInteger.valueOf(27), integral("161B"));              // enum (W)
    }

    @Test
    void booleansNullsAndStrings() throws DlmsFormatException {
        assertEquals(new DlmsData.Bool(true), decode("0301"));
        assertEquals(new DlmsData.Null(), decode("00"));
        assertEquals("AIDON", ((DlmsData.Bytes) decode("0A054149444F4E")).text());
    }

    @Test
    void longLengthFormCarriesLongStrings() throws DlmsFormatException {
        String body = "41".repeat(200);
        DlmsData.Bytes v = (DlmsData.Bytes) decode("0981C8" + body);
        assertEquals(200, v.value().length);
    }

    @Test
    void structuresNest() throws DlmsFormatException {
        DlmsData.Sequence s = (DlmsData.Sequence) decode("0202" + "0F00" + "161B");
        assertEquals(AxdrType.STRUCTURE, s.type());
        assertEquals(List.of(new DlmsData.Integral(AxdrType.INTEGER, BigInteger.ZERO),
                new DlmsData.Integral(AxdrType.ENUM, BigInteger.valueOf(27))), s.elements());
    }

    @Test
    void nestingBeyondAnyPushListIsRefused() {
        String deep = "0201".repeat(17) + "00";
        DlmsFormatException e = assertThrows(DlmsFormatException.class, () -> decode(deep));
        assertEquals("byte offset 32: expected at most 16 nested structures, found more", e.getMessage());
    }

    @Test
    void aLengthBeyondTheDataSaysHowMuchWasLeft() {
        DlmsFormatException e = assertThrows(DlmsFormatException.class, () -> decode("0A10414243"));
        assertEquals("byte offset 2: expected 16 bytes of visible-string, found 3", e.getMessage());
    }
}
