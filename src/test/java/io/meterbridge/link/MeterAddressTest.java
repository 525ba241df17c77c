package io.meterbridge.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meterbridge.telegram.SecondaryAddress;
import org.junit.jupiter.api.Test;

class MeterAddressTest {

    @Test
    void parsesPrimaryAndSecondary() {
        assertEquals(new MeterAddress.Primary(1), MeterAddress.parse("1"));
        assertEquals(new MeterAddress.Primary(250), MeterAddress.parse(" 250 "));
        MeterAddress s = MeterAddress.parse("829371332D2C4004");
        assertEquals(new MeterAddress.Secondary(SecondaryAddress.parse("829371332D2C4004")), s);
        assertEquals("829371332D2C4004", s.toString());
    }

    @Test
    void rejectsWithWhatWasFound() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MeterAddress.parse("251"));
        assertTrue(e.getMessage().contains("251"), e.getMessage());
        IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class, () -> MeterAddress.parse("abc"));
        assertTrue(e2.getMessage().contains("\"abc\""), e2.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MeterAddress.parse("82937133ZZ2C4004"));
    }
}
