package io.meterbridge.iec62056;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The BCC on published blocks: the UH50 readout of ultraheat-api (BCC 'h' after '!'), the command
 * and answer messages of pwitab/iec62056-21's tests (BSD-3-Clause), the break message of
 * lvzon/dsmr-p1-parser's notes and the password command of NetModule's SDK wiki. For every one the
 * BCC is the XOR from the byte after the first SOH or STX through ETX.
 */
class Iec62056BccTest {

    @Test
    void publishedUh50ReadoutEndsInItsBcc() {
        byte[] block = Readouts.block(Readouts.dataLines(Readouts.UH50_GJ), Readouts.UH50_GJ_PUBLISHED_BCC);
        int etx = block.length - 2;
        assertEquals(0x03, block[etx]);
        assertEquals('h', Bcc.compute(block, 1, etx + 1));
        assertEquals('h' ^ 0x02, Bcc.compute(block, 0, etx + 1), "counting STX too would give 'j', not what the meter sent");
        assertEquals('h' ^ 0x03, Bcc.compute(block, 1, etx), "leaving ETX out would give 'k'");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "\u0001P0\u0002(1234567)\u0003P",                    // pwitab: password command
            "\u0001B0\u0003q",                                   // pwitab, lvzon: break (complete sign-off)
            "\u0001R1\u00021.8.0(1)\u0003k",                     // pwitab: read command
            "\u00023:171.0(0)\u0003\u0012",                      // pwitab: answer to a read
            "\u00023:14(314*kWh)4:15(415*kWh)\r\n!\r\n\u0003\"", // pwitab: readout data message
            "\u0001P1\u0002(00000000)\u0003a",                   // NetModule SDK wiki: block check calculator
    })
    void publishedMessages(String message) {
        byte[] bytes = Readouts.ascii(message);
        assertEquals(bytes[bytes.length - 1] & 0xFF, Bcc.compute(bytes, 1, bytes.length - 1), message);
    }

    @Test
    void publishedWriteCommandInHex() {
        // pwitab test_bcc_bytes1: SOH W2 STX C003(9103240922339) ETX 0x1B
        byte[] bytes = HexFormat.of().parseHex("01573202433030332839313033323430393232333929031b");
        assertEquals(0x1B, Bcc.compute(bytes, 1, bytes.length - 1));
    }

    @Test
    void aChangedByteIsABccMismatchNamingBothValues() {
        byte[] block = Readouts.block(Readouts.dataLines(Readouts.UH50_GJ), Readouts.UH50_GJ_PUBLISHED_BCC);
        block[6] = '9'; // 6.8(0328.871 -> 6.8(0928.871: a line hit
        Iec62056BccException e = assertThrows(Iec62056BccException.class, () -> DataBlockParser.parse(block));
        assertEquals('h', e.found());
        assertEquals('h' ^ '3' ^ '9', e.expected());
        assertEquals(block.length - 1, e.offset(), "the offset of the BCC byte");
        assertEquals(25, e.lineNumber(), "ETX and BCC follow the CR LF of the '!' line, the 24th");
        assertEquals("BCC mismatch, expected 0x62 'b' (XOR of the bytes after STX up to and including ETX), found 0x68 'h'"
                + " (line 25, byte " + (block.length - 1) + ")", e.getMessage());
    }

    @Test
    void formatsNonPrintableBccs() {
        assertEquals("0x12", Bcc.format(0x12));
        assertEquals("0x71 'q'", Bcc.format('q'));
    }
}
