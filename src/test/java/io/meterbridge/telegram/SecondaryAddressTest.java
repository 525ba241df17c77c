package io.meterbridge.telegram;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SecondaryAddressTest {

    @Test
    void readsTheWireFormOfAMultical303() {
        SecondaryAddress a = SecondaryAddress.fromWire(Hex.parse("33 71 93 82 2D 2C 40 04"), 0);
        assertEquals("82937133", a.idText());
        assertEquals("KAM", a.manufacturerText());
        assertEquals(0x40, a.version());
        assertEquals(0x04, a.medium());
        assertEquals("829371332D2C4004", a.toString());
        assertEquals(a, SecondaryAddress.parse("82937133 2D2C 40 04"));
        byte[] wire = new byte[8];
        a.toWire(wire, 0);
        assertArrayEquals(Hex.parse("33 71 93 82 2D 2C 40 04"), wire);
    }

    @Test
    void wildcardsSelect() {
        SecondaryAddress meter = SecondaryAddress.parse("829371332D2C4004");
        assertTrue(meter.matches(SecondaryAddress.ANY));
        assertTrue(meter.matches(SecondaryAddress.parse("8FFFFFFFFFFFFFFF")));
        assertTrue(meter.matches(SecondaryAddress.parse("82937133FFFF40FF")));
        assertFalse(meter.matches(SecondaryAddress.parse("7FFFFFFFFFFFFFFF")));
        assertFalse(meter.matches(SecondaryAddress.parse("FFFFFFFF2D2C3404")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SecondaryAddress.parse("1234"));
        assertTrue(e.getMessage().contains("\"1234\""));
    }

    @Test
    void manufacturerCodes() {
        assertEquals(0x2C2D, Manufacturer.encode("KAM"));
        assertEquals("KAM", Manufacturer.decode(0x2C2D));
        assertEquals("SVM", Manufacturer.decode(0x4ECD));
        assertEquals("heat (outlet)", Medium.name(4));
        assertEquals("reserved", Medium.name(0x7E));
    }
}
