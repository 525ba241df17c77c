package io.meterbridge.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FramingTest {

    @Test
    void parsesTheWaysPeopleWriteIt() {
        assertEquals(Framing.KMP, Framing.parse("1200 8N2"));
        assertEquals(Framing.IEC62056_INITIAL, Framing.parse("300 Bd 7e1"));
        assertEquals(new Framing(2400, 8, Parity.EVEN, 1), Framing.parse("2400/8E1"));
        assertEquals("1200 Bd 8N2", Framing.KMP.toString());
        assertEquals(Framing.KMP, Framing.parse(Framing.KMP.toString()));
    }

    @Test
    void countsEveryBitOnTheWire() {
        assertEquals(11, Framing.KMP.bitsPerCharacter()); // start, 8 data, 2 stop
        assertEquals(10, Framing.IEC62056_INITIAL.bitsPerCharacter()); // start, 7 data, parity, stop
        assertEquals(11, new Framing(2400, 8, Parity.EVEN, 1).bitsPerCharacter());
        // 120 characters at 1200 Bd 8N2: 1.1 s
        assertEquals(1_100_000_000L, Framing.KMP.wireNanos(120));
        assertEquals(new Framing(2400, 7, Parity.EVEN, 1), Framing.IEC62056_INITIAL.withBaud(2400));
    }

    @Test
    void refusesWhatNoLineRuns() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Framing.parse("1200 9N1"));
        assertTrue(e.getMessage().contains("\"1200 9N1\""), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Framing(1200, 8, Parity.NONE, 3));
        assertThrows(IllegalArgumentException.class, () -> new Framing(110, 8, Parity.NONE, 1));
    }
}
