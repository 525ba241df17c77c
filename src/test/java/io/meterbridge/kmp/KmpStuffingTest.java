package io.meterbridge.kmp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meterbridge.telegram.Hex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Byte stuffing, start and stop bytes: the KMP physical layer. */
class KmpStuffingTest {

    @Test
    void kamstrupPhysicalLayerExample() throws Exception {
        // Kamstrup doc 3.1 example, quoted in PyKMP tests/test_codec.py: body 04 0D 00 06
        byte[] wire = Hex.parse("80 04 1B F2 00 1B F9 0D");
        assertArrayEquals(Hex.parse("04 0D 00 06"), KmpStuffing.unstuff(KmpDirection.TO_METER, wire));
        assertArrayEquals(wire, KmpStuffing.stuff(KmpDirection.TO_METER, Hex.parse("04 0D 00 06")));
    }

    @ParameterizedTest(name = "{0} is sent as 1B {1}")
    @CsvSource({"06, F9", "0D, F2", "1B, E4", "40, BF", "80, 7F"})
    void everySpecialByteIsStuffedAndUnstuffed(String special, String stuffed) throws Exception {
        byte[] body = Hex.parse("3F " + special + " 00");
        byte[] wire = Hex.parse("40 3F 1B " + stuffed + " 00 0D");
        assertArrayEquals(wire, KmpStuffing.stuff(KmpDirection.FROM_METER, body));
        assertArrayEquals(body, KmpStuffing.unstuff(KmpDirection.FROM_METER, wire));
        assertTrue(KmpStuffing.needsStuffing(Integer.parseInt(special, 16)));
    }

    @Test
    void everyByteValueSurvivesTheRoundTripAndOnlyFiveAreStuffed() throws Exception {
        byte[] body = new byte[256];
        for (int i = 0; i < 256; i++) {
            body[i] = (byte) i;
        }
        for (KmpDirection direction : KmpDirection.values()) {
            byte[] wire = KmpStuffing.stuff(direction, body);
            assertEquals(256 + 5 + 2, wire.length, "five stuffed bytes, start and stop");
            assertEquals(direction.startByte(), wire[0] & 0xFF);
            assertEquals(0x0D, wire[wire.length - 1] & 0xFF);
            for (int i = 1; i < wire.length - 1; i++) {
                int b = wire[i] & 0xFF;
                assertFalse(b == 0x06 || b == 0x0D || b == 0x40 || b == 0x80, "bare " + b + " at " + i);
            }
            assertArrayEquals(body, KmpStuffing.unstuff(direction, wire));
        }
        int stuffed = 0;
        for (int b = 0; b < 256; b++) {
            stuffed += KmpStuffing.needsStuffing(b) ? 1 : 0;
        }
        assertEquals(5, stuffed);
    }

    @Test
    void theStuffingByteItself() throws Exception {
        // PyKMP tests/test_codec.py "stuffing stuff byte"
        assertArrayEquals(Hex.parse("80 1B E4 0D"), KmpStuffing.stuff(KmpDirection.TO_METER, Hex.parse("1B")));
        assertArrayEquals(Hex.parse("1B"), KmpStuffing.unstuff(KmpDirection.TO_METER, Hex.parse("80 1B E4 0D")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            empty input                 |                    | expected the start byte 0x40 (a response from the meter), found the end of the input | 0
            garbage first               | 12 3F 02 0D        | expected the start byte 0x40 (a response from the meter), found 0x12 (not a start byte) | 0
            a request where a response is expected | 80 3F 02 35 E9 0D | expected the start byte 0x40 (a response from the meter), found 0x80 (the start of a request to the meter: the echo of a request?) | 0
            the ACK byte                | 06                 | expected the start byte 0x40 (a response from the meter), found the ACK byte 0x06 (an acknowledgement, not a frame) | 0
            no stop byte                | 40 3F 02 01 23     | expected the stop byte 0x0D, found the end of the input after 5 bytes (truncated frame) | 5
            cut after the stuffing byte | 40 3F 02 1B        | expected a stuffed byte after 0x1B, found the end of the input (truncated frame) | 4
            stuffing byte before stop   | 40 3F 1B 0D        | expected 0xF9, 0xF2, 0xE4, 0xBF or 0x7F after 0x1B (a stuffed 0x06, 0x0D, 0x1B, 0x40 or 0x80), found 0x0D | 3
            stuffing of a plain byte    | 40 3F 1B 00 0D     | expected 0xF9, 0xF2, 0xE4, 0xBF or 0x7F after 0x1B (a stuffed 0x06, 0x0D, 0x1B, 0x40 or 0x80), found 0x00 | 3
            a new frame began           | 40 3F 10 40 3F 0D  | expected a frame byte or the stop byte 0x0D, found a bare 0x40 (the start byte of a response), which appears in a frame only stuffed (a new frame began: this one is truncated) | 3
            a bare ACK inside           | 40 3F 06 00 0D     | expected a frame byte or the stop byte 0x0D, found a bare 0x06 (the ACK byte), which appears in a frame only stuffed | 2
            bytes after the stop byte   | 40 3F 02 0D 00 00  | expected the frame to end with its stop byte 0x0D at byte 3, found 2 more bytes | 4
            """)
    void malformedWireIsRejectedWithWhatAndWhere(String name, String hex, String message, int offset) {
        byte[] wire = hex == null ? new byte[0] : Hex.parse(hex);
        KmpFrameException e = assertThrows(KmpFrameException.class, () -> KmpStuffing.unstuff(KmpDirection.FROM_METER, wire));
        assertEquals(message, e.reason(), name);
        assertEquals(offset, e.offset(), name);
        assertEquals(message + " (at byte " + offset + " of the frame)", e.getMessage());
    }
}
