package io.meterbridge.p1;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ObisCodeTest {

    @Test
    void parsesWithAndWithoutFGroup() {
        assertEquals(ObisCode.of(1, 0, 1, 8, 1), ObisCode.parse("1-0:1.8.1"));
        assertEquals("1-0:1.8.0*96", ObisCode.parse("1-0:1.8.0*96").toString());
        assertEquals(ObisCode.of(1, 0, 1, 8, 0), ObisCode.parse("1-0:1.8.0*255"));
    }

    @Test
    void rejectsNonObisText() {
        for (String s : new String[] {"1-0:1.8", "1-0:1.8.1.", "x-0:1.8.1", "1-0:1.8.256", "", "1-0:1.8.1*"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ObisCode.parse(s), s);
            assertTrue(e.getMessage().contains("'" + s + "'"));
        }
    }

    @Test
    void catalogueMatchesChannelCodesOnEveryChannel() {
        for (int ch = 1; ch <= 4; ch++) {
            assertEquals("MBUS_VALUE", ObisCatalogue.lookup(ObisCode.of(0, ch, 24, 2, 1)).orElseThrow().name());
        }
        assertTrue(ObisCatalogue.lookup(ObisCode.of(0, 5, 24, 2, 1)).isEmpty());
        assertEquals("VOLTAGE_L2", ObisCatalogue.lookup(ObisCode.parse("1-0:52.7.0")).orElseThrow().name());
        assertEquals("CURRENT_L3", ObisCatalogue.lookup(ObisCode.parse("1-0:71.7.0")).orElseThrow().name());
        assertEquals("POWER_EXPORT_L1", ObisCatalogue.lookup(ObisCode.parse("1-0:22.7.0")).orElseThrow().name());
    }

    @Test
    void crcMatchesTheStandardCheckValue() {
        // CRC-16/ARC check value over "123456789" is 0xBB3D.
        byte[] check = "123456789".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertEquals(0xBB3D, Crc16.compute(check, 0, check.length));
        assertEquals("BB3D", Crc16.format(0xBB3D));
    }
}
