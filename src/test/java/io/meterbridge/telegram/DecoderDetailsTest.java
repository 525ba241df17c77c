package io.meterbridge.telegram;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Clauses of EN 13757-3 that the corpus does not exercise (or not enough), one by one. */
class DecoderDetailsTest {

    /** A long header (ID 12345678, KAM, v1, water) followed by the given records. */
    private static Telegram records(String hex) throws TelegramFormatException {
        return TelegramDecoder.decode(0x72, Hex.parse("78 56 34 12 2D 2C 01 07 05 00 00 00 " + hex));
    }

    private static DataRecord one(String hex) throws TelegramFormatException {
        List<DataRecord> r = records(hex).records();
        assertEquals(1, r.size());
        return r.get(0);
    }

    private static BigDecimal num(String s) {
        return new BigDecimal(s);
    }

    @Test
    void negativeBcdAndInvalidBcd() throws Exception {
        // annex A type A: most significant nibble F = minus
        assertEquals(num("-123456"), one("0C 06 56 34 12 F0").number());
        assertEquals(num("123456"), one("0C 06 56 34 12 00").number());
        Value invalid = one("0A 06 3A 12").value();
        assertInstanceOf(Value.Invalid.class, invalid);
        assertTrue(((Value.Invalid) invalid).reason().contains("0xA"));
    }

    @Test
    void exponentsAreExactAndKeepTheResolution() throws Exception {
        assertEquals(num("130"), one("04 07 0D 00 00 00").number()); // 10 kWh × 13
        assertEquals("kWh", one("04 07 0D 00 00 00").unit());
        assertEquals(num("23.70"), one("02 59 42 09").number()); // 0.01 °C
        assertEquals("°C", one("02 59 42 09").unit());
        assertEquals(num("1234"), one("04 13 D2 04 00 00").number()); // 0x13: 10^−3 m³ = 1 L
        assertEquals("L", one("04 13 D2 04 00 00").unit());
        assertEquals(num("123.4"), one("04 12 D2 04 00 00").number()); // 0x12: 0.1 L
        assertEquals(num("12.34"), one("04 14 D2 04 00 00").number()); // 0x14: 0.01 m³
        assertEquals("m³", one("04 14 D2 04 00 00").unit());
    }

    @Test
    void signednessPerType() throws Exception {
        assertEquals(num("-1"), one("02 5B FF FF").number()); // temperature: type B, signed
        assertEquals(num("65535"), one("02 FD 17 FF FF").number()); // error flags: type D, unsigned
        assertEquals(num("18446744073709551615"), one("07 FD 17 FF FF FF FF FF FF FF FF").number());
        assertEquals(num("-2"), one("01 2B FE").number()); // power W, int8 signed
    }

    @Test
    void real32() throws Exception {
        // 0x41200000 = 10.0; VIF 0x13 litres
        assertEquals(0, num("10").compareTo(one("05 13 00 00 20 41").number()));
        assertInstanceOf(Value.Invalid.class, one("05 13 00 00 C0 7F").value()); // NaN
    }

    @Test
    void dateTypes() throws Exception {
        assertEquals(new Value.Date(LocalDate.of(2010, 12, 31)), one("02 6C 5F 1C").value());
        assertInstanceOf(Value.Invalid.class, one("02 6C 00 00").value());
        assertInstanceOf(Value.Invalid.class, one("02 6C FF FF").value());
        // type F 2011-01-05 15:26, summer time off
        assertEquals(new Value.DateTime(LocalDateTime.of(2011, 1, 5, 15, 26), false), one("04 6D 1A 2F 65 11").value());
        // IV bit
        assertInstanceOf(Value.Invalid.class, one("04 6D 9A 2F 65 11").value());
        // century (annex A type F): hundred-year bits 0 and year 99 → 1999; hundred-year 1 → 1900+100+99
        assertEquals(new Value.DateTime(LocalDateTime.of(1999, 1, 1, 0, 0), false), one("04 6D 00 00 61 C1").value());
        assertEquals(new Value.DateTime(LocalDateTime.of(2099, 1, 1, 0, 0), false), one("04 6D 00 20 61 C1").value());
        // type I: 2019-03-04 05:06:07
        assertEquals(new Value.DateTime(LocalDateTime.of(2019, 3, 4, 5, 6, 7), false),
                one("06 6D 07 06 05 64 23 00").value());
        // type J: 23:59:58
        assertEquals(new Value.Time(LocalTime.of(23, 59, 58)), one("03 6D 3A 3B 17").value());
        // type F day 31 in February: not a date
        assertInstanceOf(Value.Invalid.class, one("04 6D 00 00 3F 12").value());
    }

    @Test
    void lvarRanges() throws Exception {
        assertEquals(new Value.Text("ABC"), one("0D 7C 01 78 03 43 42 41").value()); // text, last char first
        // C2: positive BCD of 2·2 digits = 2 bytes (standard; libmbus would read 4 bytes)
        DataRecord bcd = one("0D 13 C2 34 12");
        assertEquals(num("1234"), bcd.number());
        assertEquals(num("-1234"), one("0D 13 D2 34 12").number());
        assertEquals(num("258"), one("0D 13 E2 02 01").number());
        DataRecord f0 = one("0D FD 3B F0 " + "01 ".repeat(16));
        assertInstanceOf(Value.Bytes.class, f0.value());
        assertEquals(16, f0.dataLength());
        assertEquals(48, one("0D FD 3B F5 " + "00 ".repeat(48)).dataLength());
        assertEquals(64, one("0D FD 3B F6 " + "00 ".repeat(64)).dataLength());
        TelegramFormatException e = assertThrows(TelegramFormatException.class, () -> records("0D 13 F7"));
        assertTrue(e.getMessage().contains("found reserved 0xF7"), e.getMessage());
        assertEquals(14, e.offset());
    }

    @Test
    void difeChainsStorageTariffSubunit() throws Exception {
        DataRecord r = one("C4 C0 40 06 00 00 00 00");
        assertEquals(1, r.storage());
        assertEquals(0, r.tariff());
        assertEquals(3, r.subunit());
        DataRecord t = one("84 10 06 00 00 00 00");
        assertEquals(1, t.tariff());
        DataRecord big = one("C4 8F 8F 3F 06 00 00 00 00");
        assertEquals(1 + (0xF << 1) + (0xF << 5) + (0xF << 9), big.storage());
        assertEquals(3 << 4, big.tariff());
        assertEquals(0, big.subunit());
        assertEquals("C48F8F3F", big.dif());
    }

    @Test
    void specialFunctionsAndFillers() throws Exception {
        Telegram t = records("2F 2F 01 FD 1B 05 2F 1F AA BB");
        assertEquals(1, t.records().size());
        assertEquals(true, t.moreRecordsFollow());
        assertArrayEquals(new byte[] {(byte) 0xAA, (byte) 0xBB}, t.manufacturerData());
        Telegram none = records("01 FD 1B 05");
        assertNull(none.manufacturerData());
        TelegramFormatException e = assertThrows(TelegramFormatException.class, () -> records("3F"));
        assertTrue(e.getMessage().contains("reserved special-function code 0x3F"));
        Telegram global = TelegramDecoder.decode(0x51, Hex.parse("7F"));
        assertEquals("Global readout request", global.records().get(0).description());
        DataRecord selection = TelegramDecoder.decode(0x51, Hex.parse("08 7E")).records().get(0);
        assertEquals(Quantity.ANY, selection.quantity());
        assertInstanceOf(Value.None.class, selection.value());
    }

    @Test
    void combinableVifes() throws Exception {
        DataRecord r = one("04 83 3B 10 27 00 00");
        assertEquals(Flow.FORWARD, r.flow());
        assertEquals("Energy, forward flow", r.description());
        DataRecord perHour = one("02 96 22 05 00"); // volume per hour
        assertEquals(ChronoUnit.HOURS, perHour.perTime());
        DataRecord upper = one("02 AB 48 10 00"); // power, upper limit value
        assertEquals(Limit.UPPER, upper.limit());
        DataRecord lower = one("02 AB 40 10 00");
        assertEquals(Limit.LOWER, lower.limit());
        // multiplicative correction 10^(4−6) applied: %RH plain text 0x74 (Elvaco)
        DataRecord rh = one("02 FC 03 48 52 25 74 D4 11");
        assertEquals("%RH", rh.unit());
        assertEquals(num("45.64"), rh.number());
        assertEquals(0, num("0.01").compareTo(rh.multiplicativeCorrection()));
        // 0x7C escape: next VIFE from the second table
        DataRecord ext = one("02 AB FC 01 10 00");
        assertEquals(List.of(new CombinableVife(0x01, true, "extension VIFE 0x01")), ext.combinables());
        // 0x7F escape: the rest is the manufacturer's
        DataRecord m = one("04 A5 BB FF 21 01 00 00 00");
        assertEquals(Flow.FORWARD, m.flow());
        assertArrayEquals(new byte[] {0x21}, m.manufacturerVifes());
        assertEquals("Operating time, forward flow, manufacturer specific", m.description());
        // additive correction is reported, not applied
        DataRecord add = one("02 DB 79 64 00"); // flow temperature 1 °C resolution, VIFE 0x79
        assertEquals(num("100"), add.number());
        assertEquals(0, num("0.01").compareTo(add.additiveCorrection()));
    }

    @Test
    void extensionTables() throws Exception {
        DataRecord volt = one("02 FD 48 E6 00"); // 10^(8−9) V → 23.0 V
        assertEquals(Quantity.VOLTAGE, volt.quantity());
        assertEquals(num("23.0"), volt.number());
        DataRecord amp = one("02 FD 59 0A 00"); // 10^(9−12) A
        assertEquals(num("0.010"), amp.number());
        DataRecord mwh = one("04 FB 00 0A 00 00 00"); // 0.1 MWh
        assertEquals("MWh", mwh.unit());
        assertEquals(num("1.0"), mwh.number());
        DataRecord gj = one("04 FB 09 02 00 00 00");
        assertEquals("GJ", gj.unit());
        assertEquals(num("2"), gj.number());
        DataRecord fahrenheit = one("02 FB 59 E8 03");
        assertEquals("°F", fahrenheit.unit());
        assertEquals(num("10.00"), fahrenheit.number());
        DataRecord maxPower = one("02 FB 79 01 00"); // 10^(1−3) W: libmbus says 1e-3
        assertEquals(num("0.01"), maxPower.number());
        assertEquals(Quantity.FIRMWARE_VERSION, one("01 FD 0E 05").quantity());
        assertEquals(Quantity.RESERVED, one("01 FD 7F 05").quantity());
        assertEquals(Quantity.MANUFACTURER_SPECIFIC, one("01 FF 05 05").quantity());
    }

    @Test
    void ciFields() throws Exception {
        Telegram shortHeader = TelegramDecoder.decode(0x7A, Hex.parse("2A 04 34 12 01 FD 1B 05"));
        assertNull(shortHeader.header().address());
        assertEquals(42, shortHeader.header().accessNumber());
        assertTrue(shortHeader.header().powerLow());
        assertEquals(0x1234, shortHeader.header().signature());
        Telegram noHeader = TelegramDecoder.decode(0x78, Hex.parse("01 FD 1B 05"));
        assertNull(noHeader.header());
        assertEquals(1, noHeader.records().size());
        // 0x76: multi-byte fields MSB first
        Telegram msb = TelegramDecoder.decode(0x76, Hex.parse("12 34 56 78 2C 2D 01 07 05 00 00 00 04 06 00 00 01 00"));
        assertEquals("12345678", msb.header().address().idText());
        assertEquals("KAM", msb.header().address().manufacturerText());
        assertEquals(num("256"), msb.records().get(0).number());
        Telegram alarm = TelegramDecoder.decode(0x71, Hex.parse("05"));
        assertEquals(Telegram.Kind.ALARM, alarm.kind());
        assertEquals(5, alarm.alarmStatus());
        Telegram select = TelegramDecoder.decode(0x52, Hex.parse("33 71 93 82 2D 2C 40 04"));
        assertEquals(MasterRequest.Type.SELECTION, select.masterRequest().type());
        assertEquals("829371332D2C4004", select.masterRequest().selection().toString());
        assertEquals(2400, TelegramDecoder.decode(0xBB, new byte[0]).masterRequest().baudRate());
        assertEquals(MasterRequest.Type.APPLICATION_RESET, TelegramDecoder.decode(0x50, new byte[0]).masterRequest().type());
        byte[] frame = Corpus.longFrame(0x08, 1, 0x8A, new byte[] {1, 2});
        TelegramFormatException e = assertThrows(TelegramFormatException.class, () -> Corpus.decodeLongFrame(frame));
        assertTrue(e.getMessage().startsWith("unsupported CI 0x8A: expected"), e.getMessage());
        assertEquals(6, e.offset());
    }

    @Test
    void fixedDataStructure() throws Exception {
        // manual_frame2 of libmbus: water, counter 1 = 1 l (BCD), counter 2 = 135 l stored
        Telegram t = TelegramDecoder.decode(0x73, Hex.parse("78 56 34 12 0A 00 E9 7E 01 00 00 00 35 01 00 00"));
        assertEquals("12345678", t.fixedData().idText());
        assertEquals("water", t.fixedData().mediumName());
        assertEquals("L", t.records().get(0).unit());
        assertEquals(num("1"), t.records().get(0).number());
        assertEquals(num("135"), t.records().get(1).number());
        assertEquals(1, t.records().get(1).storage());
        // binary counters (status bit 7), MSB first (0x77)
        Telegram b = TelegramDecoder.decode(0x77, Hex.parse("12 34 56 78 0A 80 E9 7E 00 00 01 00 00 00 00 05"));
        assertEquals("12345678", b.fixedData().idText());
        assertEquals(num("256"), b.records().get(0).number());
    }

    /**
     * The decoder keeps a reference to the caller's frame (its contract: not modified
     * afterwards) and must never write to it: every accessor of every corpus record leaves
     * the frame as it was, and a record still reads the same after its telegram's frame is
     * decoded again.
     */
    @Test
    void decodingNeverWritesToTheFrame() throws TelegramFormatException {
        for (String name : Corpus.names("libmbus/test-frames")) {
            byte[] frame = Corpus.frame("libmbus/test-frames/" + name + ".hex");
            byte[] before = frame.clone();
            Telegram t = Corpus.decodeLongFrame(frame);
            String first = TelegramDump.dump(t);
            for (DataRecord r : t.records()) {
                r.value();
                r.data();
                r.manufacturerVifes();
                r.dif();
                r.vif();
            }
            assertArrayEquals(before, frame, name);
            assertEquals(first, TelegramDump.dump(Corpus.decodeLongFrame(frame)), name);
            assertEquals(first, TelegramDump.dump(t), name);
        }
    }
}
