package io.meterbridge.iec62056;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.OptionalInt;

import static io.meterbridge.iec62056.Readouts.frame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The data block: several data sets a line, storage indices, values with and without units, and
 * every malformed block with its message, line and offset from STX. The malformed blocks carry a
 * correct BCC (computed by {@link Readouts#frame}) so that it is the structure that is checked.
 */
class Iec62056DataBlockParserTest {

    private static Iec62056FormatException malformed(byte[] block) {
        return assertThrows(Iec62056FormatException.class, () -> DataBlockParser.parse(block));
    }

    private static void assertMalformed(String reason, int offset, int line, byte[] block) {
        Iec62056FormatException e = malformed(block);
        assertEquals(reason, e.reason());
        assertEquals(offset, e.offset(), "offset of: " + reason);
        assertEquals(line, e.lineNumber(), "line of: " + reason);
        assertEquals(reason + " (line " + line + ", byte " + offset + ")", e.getMessage());
    }

    @Test
    void severalDataSetsOnALine() throws Exception {
        DataBlock b = DataBlockParser.parse(frame("6.8(0328.871*GJ)6.26(03329.67*m3)9.21(66153690)\r\nF(0)\r\n!\r\n"));
        assertEquals(2, b.lineCount());
        assertEquals(List.of("6.8", "6.26", "9.21"), b.line(1).stream().map(d -> d.address().text()).toList());
        List<DataSet> first = b.line(1);
        assertEquals(1, first.get(0).offset());
        assertEquals(17, first.get(1).offset());
        assertEquals(34, first.get(2).offset());
        assertEquals(2, b.dataSets().get(3).lineNumber());
        assertEquals("F(0)", b.dataSets().get(3).text());
    }

    @Test
    void offsetsAndLinesInThePublishedUh50Readout() throws Exception {
        DataBlock b = DataBlockParser.parse(Readouts.block(Readouts.dataLines(Readouts.UH50_GJ), 'h'));
        DataSet temperatures = b.dataSet("9.4").orElseThrow();
        assertEquals(4, temperatures.lineNumber());
        assertEquals(170, temperatures.offset());
        assertEquals(23, b.dataSet("0.0").orElseThrow().lineNumber());
    }

    @Test
    void storageIndices() throws Exception {
        DataBlock b = DataBlockParser.parse(frame("6.8*01(0314.658*GJ)6.36*02(01&00:00)1.8.0*255(1)6.8(1)\r\n!\r\n"));
        DataSetAddress previousYear = b.dataSets().get(0).address();
        assertEquals("6.8", previousYear.code());
        assertEquals(OptionalInt.of(1), previousYear.storage());
        assertEquals("6.8*01", previousYear.text());
        assertEquals(OptionalInt.of(2), b.dataSets().get(1).address().storage());
        assertEquals(OptionalInt.of(255), b.dataSets().get(2).address().storage());
        assertEquals(OptionalInt.empty(), b.dataSets().get(3).address().storage());
        assertEquals("6.8", b.dataSet("6.8").orElseThrow().address().text(), "an exact address, not the *01 one");
        assertEquals(DataSetAddress.of("6.8*01"), previousYear);
        assertThrows(IllegalArgumentException.class, () -> DataSetAddress.of("6.8*0001"));
    }

    @Test
    void valuesWithAndWithoutUnits() throws Exception {
        DataBlock b = DataBlockParser.parse(frame("6.26(03329.67*m3)9.20(66153690)6.8.1()9.2(&&)9.4(098.5*C&096.1*C)"
                + "1.8.1(0000000 kWh)C.1.0(-12.50)\r\n!\r\n"));
        DataSetValue volume = b.dataSet("6.26").orElseThrow().value();
        assertEquals(new BigDecimal("3329.67"), volume.decimal());
        assertEquals("m3", volume.unit());
        DataSetValue serial = b.dataSet("9.20").orElseThrow().value();
        assertEquals("", serial.unit());
        assertEquals("66153690", serial.text());

        DataSet empty = b.dataSet("6.8.1").orElseThrow();
        assertTrue(empty.isEmpty());
        assertEquals(List.of(new DataSetValue("", "")), empty.values());
        assertEquals("expected a decimal number, found an empty value",
                assertThrows(NumberFormatException.class, () -> empty.value().decimal()).getMessage());
        assertEquals(3, b.dataSet("9.2").orElseThrow().values().size());
        assertEquals(List.of(new DataSetValue("098.5", "C"), new DataSetValue("096.1", "C")),
                b.dataSet("9.4").orElseThrow().values());

        // lvzon's notes: the Iskra MT171 writes the unit into the value; kept as text, not a number
        DataSetValue iskra = b.dataSet("1.8.1").orElseThrow().value();
        assertFalse(iskra.isNumber());
        assertEquals("expected a decimal number, found '0000000 kWh'",
                assertThrows(NumberFormatException.class, iskra::decimal).getMessage());
        assertEquals(new BigDecimal("-12.50"), b.dataSet("C.1.0").orElseThrow().value().decimal());
        assertEquals("-12.50", b.dataSet("C.1.0").orElseThrow().value().decimal().toPlainString());
    }

    @Test
    void anEmptyLineHoldsNoDataSet() throws Exception {
        DataBlock b = DataBlockParser.parse(frame("6.8(1)\r\n\r\n6.26(2)\r\n!\r\n"));
        assertEquals(2, b.dataSets().size());
        assertEquals(3, b.dataSet("6.26").orElseThrow().lineNumber());
        assertEquals(3, b.lineCount());
    }

    @Test
    void framing() {
        assertMalformed("expected STX (0x02) starting the data block, found nothing", 0, 1, new byte[0]);
        assertMalformed("expected STX (0x02) starting the data block, found '6'", 0, 1,
                Readouts.ascii("6.8(1)\r\n!\r\n\u0003x"));
        // cut short: the meter stopped, or the head moved
        assertMalformed("expected ETX (0x03) ending the data block, found the end of the data after 15 bytes", 15, 2,
                Readouts.ascii("\u00026.8(1)\r\n6.26(2"));
        assertMalformed("expected the BCC after ETX, found the end of the data", 13, 3,
                Readouts.ascii("\u00026.8(1)\r\n!\r\n\u0003"));
        byte[] trailing = Readouts.ascii("\u00026.8(1)\r\n!\r\n\u0003b\r\n");
        assertMalformed("expected nothing after the BCC, found 2 more bytes", 14, 3, trailing);
        byte[] eightBit = frame("6.8(0328.871*GJ)\r\n!\r\n");
        eightBit[6] |= (byte) 0x80;
        assertMalformed("expected 7-bit characters (is the port set to 7E1?), found 0xB3", 6, 1, eightBit);
    }

    @Test
    void dataSets() {
        assertMalformed("expected '(' after the address '6.8', found CR", 4, 1, frame("6.8\r\n!\r\n"));
        assertMalformed("expected ')' closing the data set '6.8(0328.871*GJ', found CR", 16, 1,
                frame("6.8(0328.871*GJ\r\n!\r\n"));
        assertMalformed("expected a data set or '!' at the start of the line, found '('", 9, 2,
                frame("6.8(1)\r\n(2)\r\n!\r\n"));
        assertMalformed("expected another data set or CR LF after '6.8(1)', found ')'", 7, 1, frame("6.8(1))\r\n!\r\n"));
        assertMalformed("expected one to three digits of the storage index after '*' in the address, found '6.8*x'", 4, 1,
                frame("6.8*x(1)\r\n!\r\n"));
        assertMalformed("expected one to three digits of the storage index after '*' in the address, found '6.8*'", 4, 1,
                frame("6.8*(1)\r\n!\r\n"));
        assertMalformed("expected an address before '*', found '*01'", 1, 1, frame("*01(1)\r\n!\r\n"));
        assertMalformed("expected an address of at most 16 characters, found '12345678901234567…'", 17, 1,
                frame("12345678901234567(1)\r\n!\r\n"));
        assertMalformed("expected a value of at most 128 characters in the data set '9.1(…', found more", 133, 1,
                frame("9.1(" + "0".repeat(129) + ")\r\n!\r\n"));
        assertMalformed("expected ')' closing the data set '9.1(0', found '/'", 6, 1, frame("9.1(0/1)\r\n!\r\n"));
        assertMalformed("expected ')' closing the data set '9.1(0', found '!'", 6, 1, frame("9.1(0!1)\r\n!\r\n"));
        assertMalformed("expected ')' closing the data set '9.1(0', found '('", 6, 1, frame("9.1(0(1)\r\n!\r\n"));
        assertMalformed("expected '(' after the address '6.', found STX", 3, 1, frame("6.\u00028(1)\r\n!\r\n"));
        assertMalformed("expected '(' after the address '6', found ' '", 2, 1, frame("6 8(1)\r\n!\r\n"));
    }

    @Test
    void lines() {
        assertMalformed("expected LF after CR, found '6'", 8, 1, frame("6.8(1)\r6.26(2)\r\n!\r\n"));
        assertMalformed("expected another data set or CR LF after '6.8(1)', found LF", 7, 1, frame("6.8(1)\n!\r\n"));
        assertMalformed("expected the line '!' CR LF ending the data, found ETX", 9, 2, frame("6.8(1)\r\n"));
        assertMalformed("expected another data set or CR LF after '6.8(1)', found ETX", 7, 1, frame("6.8(1)"));
        assertMalformed("expected CR LF after '!', found ETX", 10, 2, frame("6.8(1)\r\n!"));
        assertMalformed("expected LF after CR, found ETX", 11, 2, frame("6.8(1)\r\n!\r"));
        assertMalformed("expected ETX after '!' CR LF, found '6'", 12, 3, frame("6.8(1)\r\n!\r\n6.26(2)\r\n"));
        assertMalformed("expected a data set or '!' at the start of the line, found LF", 9, 2, frame("6.8(1)\r\n\n!\r\n"));
    }
}
