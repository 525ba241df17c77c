package io.meterbridge.kmp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.meterbridge.telegram.Hex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Published frames decode to their address, CID and data and encode back byte for byte; broken
 * ones fail with what was expected, what was found and the wire offset.
 */
class KmpFrameTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Kamstrup doc 6.2.1 GetType request       | TO_METER   | 80 3F 01 05 8A 0D                         | 3F | 01 |
            Kamstrup doc 6.2.1 GetType response      | FROM_METER | 40 3F 01 00 04 1B F9 01 26 99 0D          | 3F | 01 | 00 04 06 01
            Kamstrup doc 6.2.2 GetSerialNo request   | TO_METER   | 80 3F 02 35 E9 0D                         | 3F | 02 |
            Kamstrup doc 6.2.2 GetSerialNo response  | FROM_METER | 40 3F 02 01 23 45 67 E9 56 0D             | 3F | 02 | 01 23 45 67
            Kamstrup doc 6.2.4 GetRegister request   | TO_METER   | 80 3F 10 01 00 1B 7F D4 08 0D             | 3F | 10 | 01 00 80
            Kamstrup doc 6.2.4 GetRegister response  | FROM_METER | 40 3F 10 00 1B 7F 16 04 11 01 2A F0 24 63 03 0D | 3F | 10 | 00 80 16 04 11 01 2A F0 24
            PyKMP test_client GetType to 3A          | TO_METER   | 80 3A 01 FA 7F 0D                         | 3A | 01 |
            PyKMP test_client GetSerialNo from 3A    | FROM_METER | 40 3A 02 00 12 D6 87 9E E0 0D             | 3A | 02 | 00 12 D6 87
            Tasmota #38 request E1                   | TO_METER   | 80 3F 10 01 00 3C B2 5F 0D                | 3F | 10 | 01 00 3C
            Tasmota #38 response E1                  | FROM_METER | 40 3F 10 00 3C 03 04 43 00 00 D6 DE 03 22 0D | 3F | 10 | 00 3C 03 04 43 00 00 D6 DE
            flowIQ 2200 request V1 (Stack Overflow)  | TO_METER   | 80 3F 10 01 00 44 4D C0 0D                | 3F | 10 | 01 00 44
            ioBroker #333 request meter time         | TO_METER   | 80 3F 10 01 03 EA 4C B7 0D                | 3F | 10 | 01 03 EA
            """)
    void publishedFramesDecodeAndEncodeBack(String source, KmpDirection direction, String wire, String address,
            String cid, String data) throws Exception {
        byte[] bytes = Hex.parse(wire);
        KmpFrame frame = KmpFrame.decode(direction, bytes);
        assertEquals(direction, frame.direction(), source);
        assertEquals(Integer.parseInt(address, 16), frame.address(), source);
        assertEquals(Integer.parseInt(cid, 16), frame.commandId(), source);
        assertArrayEquals(data == null ? new byte[0] : Hex.parse(data), frame.data(), source);
        assertArrayEquals(bytes, frame.encode(), source);
    }

    @Test
    void crcMismatchNamesBothValuesAndTheCrcOffset() {
        // PyKMP test_codec_data_link_decode_checksum_error: the doc's GetSerialNo response with E957 for E956
        byte[] wire = Hex.parse("40 3F 02 01 23 45 67 E9 57 0D");
        KmpCrcException e = assertThrows(KmpCrcException.class, () -> KmpFrame.decode(KmpDirection.FROM_METER, wire));
        assertEquals(0xE956, e.expected());
        assertEquals(0xE957, e.found());
        assertEquals(7, e.offset());
        assertEquals("CRC mismatch, expected E956 (CRC-16/CCITT, initial 0, over address, command id and data),"
                + " found E957 (at byte 7 of the frame)", e.getMessage());
    }

    @Test
    void crcOffsetCountsStuffedWireBytes() {
        // the doc GetRegister response, CRC 63 03 changed to 0D 03: the CRC's first byte is stuffed
        byte[] wire = Hex.parse("40 3F 10 00 1B 7F 16 04 11 01 2A F0 24 1B F2 03 0D");
        KmpCrcException e = assertThrows(KmpCrcException.class, () -> KmpFrame.decode(KmpDirection.FROM_METER, wire));
        assertEquals(0x6303, e.expected());
        assertEquals(0x0D03, e.found());
        assertEquals(13, e.offset(), "the 1B of 1B F2");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            stop byte right after the start | 40 0D          | expected at least 4 bytes between start and stop byte (address, command id, 2 CRC bytes), found 0 | 1
            no room for a CRC               | 40 3F 02 0D    | expected at least 4 bytes between start and stop byte (address, command id, 2 CRC bytes), found 2 | 3
            truncated response              | 40 3F 10 00 3C 03 04 43 00 00 | expected the stop byte 0x0D, found the end of the input after 10 bytes (truncated frame) | 10
            garbage instead of a frame      | 55 AA 3F 0D    | expected the start byte 0x40 (a response from the meter), found 0x55 (not a start byte) | 0
            """)
    void brokenFramesSayWhatAndWhere(String name, String hex, String message, int offset) {
        KmpFrameException e = assertThrows(KmpFrameException.class,
                () -> KmpFrame.decode(KmpDirection.FROM_METER, Hex.parse(hex)));
        assertEquals(message, e.reason(), name);
        assertEquals(offset, e.offset(), name);
    }

    @Test
    void aCrcExceptionIsAFrameException() {
        assertInstanceOf(KmpFrameException.class, new KmpCrcException(1, 2, 3));
    }

    @Test
    void framesAreValuesAndCopyTheirData() {
        byte[] data = Hex.parse("01 00 3C");
        KmpFrame a = KmpFrame.request(KmpFrame.HEAT_METER, 0x10, data);
        data[0] = 9;
        KmpFrame b = KmpFrame.request(0x3F, 0x10, Hex.parse("01 00 3C"));
        assertEquals(b, a);
        assertEquals(b.hashCode(), a.hashCode());
        a.data()[0] = 9;
        assertEquals(b, a);
        assertNotEquals(b, KmpFrame.response(0x3F, 0x10, Hex.parse("01 00 3C")));
        assertEquals(0xB25F, a.crc());
        assertEquals("KmpFrame[TO_METER, address 0x3F, CID 0x10, data 01 00 3C]", a.toString());
    }

    @Test
    void outOfRangeFieldsAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KmpFrame.request(256, 0x01, new byte[0]));
        assertEquals("expected an address 0–255, found 256", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> KmpFrame.request(0x3F, -1, new byte[0]));
        assertEquals("expected a command id 0–255, found -1", e.getMessage());
    }
}
