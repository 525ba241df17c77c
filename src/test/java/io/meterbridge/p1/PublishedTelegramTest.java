package io.meterbridge.p1;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Published P1 telegrams from athombv/node-dsmr-parser (ISC; see src/test/resources/p1/ATTRIBUTION.md):
 * the example telegrams of the DSMR 3.0, 4.0 and 5.0 specifications, of the Luxembourg Smarty P1
 * specification and of the e-MUCS P1 2.1.1 specification, and real (anonymised) Kamstrup {@code /KAM5},
 * Sagemcom XT211, T210-D and EST and Landis+Gyr telegrams. Every value asserted here was read from the
 * telegram text. Where the CRC printed in a telegram does not match its content as published (a
 * placeholder like {@code !1234}, a typo of the specification, or values anonymised after the CRC was
 * computed), the test shows that the framer drops it as a {@link CrcMismatch} and that
 * {@link P1Parser#parse(String)} rejects it, and then reads its content with the CRC unchecked,
 * which is what {@link P1Parser#parse(P1Frame)} does with a frame.
 */
class PublishedTelegramTest {

    private static Quantity q(String value, String unit) {
        return new Quantity(new BigDecimal(value), unit);
    }

    private static Quantity obis(P1Telegram t, String code) {
        return t.quantity(ObisCode.parse(code)).orElseThrow(() -> new AssertionError("no " + code));
    }

    private static String text(P1Telegram t, String code) {
        return t.line(ObisCode.parse(code)).orElseThrow(() -> new AssertionError("no " + code)).first().text();
    }

    private static LocalDateTime at(int y, int mo, int d, int h, int mi, int s) {
        return LocalDateTime.of(y, mo, d, h, mi, s);
    }

    /** Every event the framer reports for the file, end of stream included. */
    private static List<P1FramerEvent> frame(String name) {
        P1Framer framer = new P1Framer();
        List<P1FramerEvent> events = new ArrayList<>(framer.feed(Telegrams.bytes(name)));
        events.addAll(framer.endOfStream());
        return events;
    }

    /** The CRC over '/' … '!' of the file, computed here, independent of the framer and parser. */
    private static int crcOf(String name) {
        byte[] bytes = Telegrams.bytes(name);
        int end = new String(bytes, StandardCharsets.ISO_8859_1).lastIndexOf('!');
        return Crc16.compute(bytes, 0, end + 1);
    }

    /** Frames a telegram whose CRC matches and parses it. */
    private static P1Telegram parseWithCrc(String name, int crc) throws P1FormatException {
        assertEquals(crc, crcOf(name), "CRC of " + name);
        List<P1FramerEvent> events = frame(name);
        assertEquals(1, events.size(), events.toString());
        P1Frame f = assertInstanceOf(P1Frame.class, events.get(0));
        assertEquals(OptionalInt.of(crc), f.crc());
        P1Telegram t = P1Parser.parse(f);
        assertEquals(crc, t.crc().getAsInt());
        return t;
    }

    /**
     * Shows that a telegram whose printed CRC does not match is dropped by the framer and rejected
     * by the parser, naming both CRCs; then parses its content with the CRC unchecked.
     */
    private static P1Telegram contentOfCrcMismatch(String name, int printed, int computed) throws P1FormatException {
        assertEquals(computed, crcOf(name), "CRC of " + name);
        List<P1FramerEvent> events = frame(name);
        assertEquals(1, events.size(), events.toString());
        CrcMismatch m = assertInstanceOf(CrcMismatch.class, events.get(0));
        assertEquals(printed, m.found());
        assertEquals(computed, m.expected());
        assertEquals(0, m.offset());
        assertTrue(m.message().contains("expected " + Crc16.format(computed)) && m.message().contains("found " + Crc16.format(printed)),
                m.message());
        P1CrcException e = assertThrows(P1CrcException.class, () -> P1Parser.parse(Telegrams.text(name)));
        assertEquals(printed, e.found());
        assertEquals(computed, e.expected());
        P1Telegram t = P1Parser.parse(new P1Frame(m.bytes(), m.offset(), OptionalInt.empty()));
        assertEquals(printed, t.crc().getAsInt(), "the CRC as written, not verified");
        return t;
    }

    /** Frames a telegram without CRC ({@code !} then CR LF) and parses it. */
    private static P1Telegram parseWithoutCrc(String name) throws P1FormatException {
        List<P1FramerEvent> events = frame(name);
        assertEquals(1, events.size(), events.toString());
        P1Frame f = assertInstanceOf(P1Frame.class, events.get(0));
        assertTrue(f.crc().isEmpty());
        P1Telegram t = P1Parser.parse(f);
        assertTrue(t.crc().isEmpty());
        return t;
    }

    private static void assertChannel(MBusChannel c, int type, String id, LocalDateTime capturedAt, DstFlag dst,
                                      Quantity value, String source) {
        assertEquals(type, c.deviceType().getAsInt(), "device type of channel " + c.channel());
        assertEquals(id, c.equipmentId().orElseThrow(), "equipment id of channel " + c.channel());
        MBusReading r = c.reading().orElseThrow();
        assertEquals(capturedAt, r.capturedAt().local());
        assertEquals(dst, r.capturedAt().dst());
        assertEquals(value, r.value());
        assertEquals(ObisCode.parse(source), r.source());
    }

    // ---------------------------------------------------------------- Luxembourg Smarty

    /**
     * The example telegram of the Luxembourg E-Meter P1 specification, with the empty line after
     * the header restored: CRC 8B52 as printed. Four M-Bus channels, two of them water meters with
     * the "no value" timestamp {@code 632525252525S}.
     */
    @Test
    void luxembourgSmartySpecExampleEveryValue() throws Exception {
        P1Telegram t = parseWithCrc("luxembourg-smarty-spec-example.txt", 0x8B52);
        assertEquals("Lux", t.header().manufacturer());
        assertEquals('5', t.header().baudRateId());
        assertEquals("\\253694471_M", t.header().identification());
        assertEquals(P1Version.LUXEMBOURG_SMARTY, t.version());
        assertEquals("42", t.versionInformation().orElseThrow());
        assertEquals(at(2020, 7, 6, 10, 41, 57), t.timestamp().orElseThrow().local());
        assertEquals(DstFlag.SUMMER, t.timestamp().orElseThrow().dst());
        // 0-0:42.0.0 COSEM logical device name, hex ASCII
        assertEquals("SAG1030790002574", t.equipmentId().orElseThrow());
        assertEquals(q("000025.653", "kWh"), t.energyImportTotal().orElseThrow());
        assertEquals(q("000000.040", "kWh"), t.energyExportTotal().orElseThrow());
        assertTrue(t.energyImport(1).isEmpty(), "totals only");
        assertTrue(t.tariffIndicator().isEmpty());
        assertEquals(q("000000.835", "kvarh"), obis(t, "1-0:3.8.0"));
        assertEquals(q("000063.781", "kvarh"), obis(t, "1-0:4.8.0"));
        assertEquals(q("00.005", "kW"), t.powerImport().orElseThrow());
        assertEquals(q("00.000", "kW"), t.powerExport().orElseThrow());
        assertEquals(q("00.000", "kvar"), obis(t, "1-0:3.7.0"));
        assertEquals(q("00.000", "kvar"), obis(t, "1-0:4.7.0"));
        assertEquals(q("069.0", "kVA"), obis(t, "0-0:17.0.0"));
        assertEquals(q("00.021", "kVA"), obis(t, "1-0:9.7.0"));
        assertEquals(q("00.000", "kVA"), obis(t, "1-0:10.7.0"));
        assertEquals(List.of(new CosemValue("100", "A"), new CosemValue("-063", "A")),
                t.line(ObisCode.parse("1-1:31.4.0")).orElseThrow().values());
        assertEquals("CURRENT_LIMIT", t.line(ObisCode.parse("1-1:31.4.0")).orElseThrow().entry().orElseThrow().name());
        assertTrue(t.line(ObisCode.parse("1-0:31.4.0")).isEmpty(), "1-1:31.4.0 is catalogued itself, no channel-0 alias");
        assertEquals("1", t.switchPosition().orElseThrow());
        assertEquals("0", text(t, "0-1:96.3.10"));
        assertEquals("0", text(t, "0-2:96.3.10"));
        assertEquals(99, t.powerFailures().getAsLong());
        assertTrue(t.longPowerFailures().isEmpty());
        assertEquals(40, t.voltageSags(Phase.L1).getAsLong());
        assertEquals(3, t.voltageSags(Phase.L2).getAsLong());
        assertEquals(2, t.voltageSags(Phase.L3).getAsLong());
        for (Phase p : Phase.values()) {
            assertEquals(0, t.voltageSwells(p).getAsLong(), p.toString());
            assertEquals(q("000", "A"), t.current(p).orElseThrow(), p.toString());
            assertEquals(q("00.000", "kW"), t.powerExport(p).orElseThrow(), p.toString());
        }
        assertTrue(t.textMessage().isEmpty());
        for (int m = 2; m <= 5; m++) {
            assertEquals("", text(t, "0-0:96.13." + m), "message line 96.13." + m);
        }
        assertEquals(q("233.0", "V"), t.voltage(Phase.L1).orElseThrow());
        assertEquals(q("000.0", "V"), t.voltage(Phase.L2).orElseThrow());
        assertEquals(q("001.0", "V"), t.voltage(Phase.L3).orElseThrow());
        assertEquals(q("00.005", "kW"), t.powerImport(Phase.L1).orElseThrow());
        assertEquals(q("00.000", "kW"), t.powerImport(Phase.L2).orElseThrow());
        assertEquals(q("00.000", "kW"), t.powerImport(Phase.L3).orElseThrow());
        for (String code : List.of("1-0:23.7.0", "1-0:43.7.0", "1-0:63.7.0", "1-0:24.7.0", "1-0:44.7.0", "1-0:64.7.0")) {
            assertEquals(q("00.000", "kvar"), obis(t, code), code);
        }

        List<MBusChannel> channels = t.mbusChannels();
        assertEquals(List.of(1, 2, 3, 4), channels.stream().map(MBusChannel::channel).toList());
        assertChannel(channels.get(0), MBusChannel.GAS, "FLO189900060355", at(2020, 7, 6, 10, 31, 40), DstFlag.SUMMER,
                q("00000.006", "m3"), "0-1:24.2.1");
        assertEquals("0", channels.get(0).valvePosition().orElseThrow());
        assertChannel(channels.get(3), MBusChannel.GAS, "ELS353589980300", at(2020, 7, 6, 10, 29, 0), DstFlag.SUMMER,
                q("00028.103", "m3"), "0-4:24.2.1");
        assertEquals("1", channels.get(3).valvePosition().orElseThrow());
        for (MBusChannel water : List.of(channels.get(1), channels.get(2))) {
            assertEquals(MBusChannel.WATER, water.deviceType().getAsInt());
            assertTrue(water.equipmentId().isEmpty(), "0-n:96.1.0() is empty");
            assertTrue(water.reading().isEmpty(), "632525252525S is no date: the value line is a problem");
            assertEquals("1", water.valvePosition().orElseThrow());
        }
        // The two water value lines: timestamp 632525252525S (month 25) and a value without unit.
        assertEquals(2, t.problems().size(), t.problems().toString());
        assertEquals(List.of(57, 61), t.problems().stream().map(P1Problem::lineNumber).toList());
        for (P1Problem p : t.problems()) {
            assertTrue(p.cause().startsWith("MBUS_VALUE") && p.cause().contains("632525252525S"), p.cause());
        }
        assertEquals(List.of(new CosemValue("632525252525S", ""), new CosemValue("00000.000", "")),
                t.lines().stream().filter(l -> l.lineNumber() == 57).findFirst().orElseThrow().values());
        assertEquals(64, t.lines().size());
        assertTrue(t.unknownLines().isEmpty(), t.unknownLines().toString());
    }

    /** The copy as athombv publishes it (no empty line after the header) computes 6DA1, not 8B52. */
    @Test
    void luxembourgWithoutTheEmptyLineAfterTheHeaderFailsItsCrc() {
        String withoutEmptyLine = Telegrams.text("luxembourg-smarty-spec-example.txt").replaceFirst("_M\r\n\r\n", "_M\r\n");
        P1CrcException e = assertThrows(P1CrcException.class, () -> P1Parser.parse(withoutEmptyLine));
        assertEquals(0x8B52, e.found());
        assertEquals(0x6DA1, e.expected());
    }

    // ---------------------------------------------------------------- Kamstrup /KAM5

    /**
     * A real Kamstrup OMNIA three-phase meter, anonymised by its publisher: the timestamp is
     * {@code 250000000000W} (month 00) and the values were changed after the CRC was computed, so
     * the printed CRC 3AF8 does not match (the content gives CE8F): dropped on the wire. Its content
     * still parses: the bad timestamp is one reported problem, not a failed telegram.
     */
    @Test
    void kamstrupOmniaKam5() throws Exception {
        P1Telegram t = contentOfCrcMismatch("kamstrup-omnia-kam5.txt", 0x3AF8, 0xCE8F);
        assertEquals("KAM", t.header().manufacturer());
        assertEquals('5', t.header().baudRateId());
        assertEquals("", t.header().identification());
        assertEquals(P1Version.NORDIC_ESMR5, t.version());
        assertTrue(t.versionInformation().isEmpty());
        assertTrue(t.equipmentId().isEmpty());
        assertTrue(t.timestamp().isEmpty(), "month 00 is no date");
        assertEquals(1, t.problems().size(), t.problems().toString());
        P1Problem p = t.problems().get(0);
        assertEquals(3, p.lineNumber());
        assertEquals("0-0:1.0.0(250000000000W)", p.text());
        assertTrue(p.cause().startsWith("TIMESTAMP") && p.cause().contains("250000000000W"), p.cause());
        assertEquals(q("00000123.321", "kWh"), t.energyImportTotal().orElseThrow());
        assertEquals(q("00000456.654", "kWh"), t.energyExportTotal().orElseThrow());
        assertTrue(t.energyImport(1).isEmpty());
        assertTrue(t.tariffIndicator().isEmpty());
        assertEquals(q("00001234.432", "kVArh"), obis(t, "1-0:3.8.0"));
        assertEquals(q("00005678.765", "kVArh"), obis(t, "1-0:4.8.0"));
        assertEquals(q("0002.424", "kW"), t.powerImport().orElseThrow());
        assertEquals(q("0000.000", "kW"), t.powerExport().orElseThrow());
        assertEquals(q("0001.229", "kVAr"), obis(t, "1-0:3.7.0"));
        assertEquals(q("0000.000", "kVAr"), obis(t, "1-0:4.7.0"));
        assertEquals(q("0000.682", "kW"), t.powerImport(Phase.L1).orElseThrow());
        assertEquals(q("0000.750", "kW"), t.powerImport(Phase.L2).orElseThrow());
        assertEquals(q("0000.992", "kW"), t.powerImport(Phase.L3).orElseThrow());
        assertEquals(q("0000.391", "kVAr"), obis(t, "1-0:23.7.0"));
        assertEquals(q("0000.490", "kVAr"), obis(t, "1-0:43.7.0"));
        assertEquals(q("0000.348", "kVAr"), obis(t, "1-0:63.7.0"));
        for (Phase ph : Phase.values()) {
            assertEquals(q("0000.000", "kW"), t.powerExport(ph).orElseThrow(), ph.toString());
            assertEquals(q("0000.000", "kVAr"), obis(t, "1-0:" + (ph.base() + 4) + ".7.0"), ph.toString());
        }
        assertEquals(q("225.4", "V"), t.voltage(Phase.L1).orElseThrow());
        assertEquals(q("229.4", "V"), t.voltage(Phase.L2).orElseThrow());
        assertEquals(q("225.9", "V"), t.voltage(Phase.L3).orElseThrow());
        assertEquals(q("003.4", "A"), t.current(Phase.L1).orElseThrow());
        assertEquals(q("003.9", "A"), t.current(Phase.L2).orElseThrow());
        assertEquals(q("004.6", "A"), t.current(Phase.L3).orElseThrow());
        assertTrue(t.voltageSags(Phase.L1).isEmpty());
        assertTrue(t.powerFailures().isEmpty());
        assertEquals(List.of(), t.mbusChannels());
        assertEquals(27, t.lines().size());
        assertTrue(t.unknownLines().isEmpty(), t.unknownLines().toString());
    }

    // ---------------------------------------------------------------- DSMR specification examples

    /** DSMR 3.0 P1 example: no CRC, gas value on the line after 0-1:24.3.0. */
    @Test
    void dsmr30SpecExample() throws Exception {
        P1Telegram t = parseWithoutCrc("dsmr30-spec-example.txt");
        assertEquals(P1Version.DSMR_2_OR_3, t.version());
        assertEquals("ISk", t.header().manufacturer());
        assertEquals("\\2MT382-1000", t.header().identification());
        assertTrue(t.timestamp().isEmpty(), "DSMR 3 has no telegram timestamp");
        assertEquals("K8EG004046395507", t.equipmentId().orElseThrow());
        for (int tariff = 1; tariff <= 2; tariff++) {
            assertEquals(q("12345.678", "kWh"), t.energyImport(tariff).orElseThrow());
            assertEquals(q("12345.678", "kWh"), t.energyExport(tariff).orElseThrow());
        }
        assertEquals(q("24691.356", "kWh"), t.energyImportTotal().orElseThrow());
        assertEquals(q("24691.356", "kWh"), t.energyExportTotal().orElseThrow());
        assertEquals("0002", t.tariffIndicator().orElseThrow());
        assertEquals(q("001.19", "kW"), t.powerImport().orElseThrow());
        assertEquals(q("000.00", "kW"), t.powerExport().orElseThrow());
        assertEquals(q("016", "A"), obis(t, "0-0:17.0.0"));
        assertEquals("1", t.switchPosition().orElseThrow());
        assertEquals("012345678", t.textMessageCode().orElseThrow());
        assertEquals("0123456789:;<=>?".repeat(5), t.textMessage().orElseThrow());
        MBusChannel gas = t.mbusChannel(1).orElseThrow();
        assertChannel(gas, MBusChannel.GAS, "2222ABCD123456789", at(2009, 2, 12, 16, 0, 0), DstFlag.NONE,
                q("00000.000", "m3"), "0-1:24.3.0");
        assertEquals("1", gas.valvePosition().orElseThrow());
        assertEquals(16, t.lines().size());
        assertTrue(t.problems().isEmpty(), t.problems().toString());
        assertTrue(t.unknownLines().isEmpty(), t.unknownLines().toString());
    }

    /**
     * DSMR 4.0 P1 example as printed in the specification: two OBIS codes with a ':' typo
     * ({@code 1-0:99:97.0}, {@code 1-0:72:32.0}) and a CRC 522B that does not match (F46A).
     */
    @Test
    void dsmr40SpecExampleWithItsTyposAndWrongCrc() throws Exception {
        P1Telegram t = contentOfCrcMismatch("dsmr40-spec-example.txt", 0x522B, 0xF46A);
        assertEquals(P1Version.DSMR_4, t.version());
        assertEquals("40", t.versionInformation().orElseThrow());
        assertEquals(at(2010, 12, 9, 11, 30, 20), t.timestamp().orElseThrow().local());
        assertEquals(DstFlag.WINTER, t.timestamp().orElseThrow().dst());
        assertEquals("K8EG004046395507", t.equipmentId().orElseThrow());
        for (int tariff = 1; tariff <= 2; tariff++) {
            assertEquals(q("123456.789", "kWh"), t.energyImport(tariff).orElseThrow());
            assertEquals(q("123456.789", "kWh"), t.energyExport(tariff).orElseThrow());
        }
        assertEquals(q("246913.578", "kWh"), t.energyImportTotal().orElseThrow());
        assertEquals("0002", t.tariffIndicator().orElseThrow());
        assertEquals(q("01.193", "kW"), t.powerImport().orElseThrow());
        assertEquals(q("00.000", "kW"), t.powerExport().orElseThrow());
        assertEquals(q("016.1", "kW"), obis(t, "0-0:17.0.0"));
        assertEquals("1", t.switchPosition().orElseThrow());
        assertEquals(4, t.powerFailures().getAsLong());
        assertEquals(2, t.longPowerFailures().getAsLong());
        assertEquals(List.of(), t.powerFailureLog(), "its line is no OBIS line (1-0:99:97.0)");
        assertEquals(2, t.voltageSags(Phase.L1).getAsLong());
        assertEquals(1, t.voltageSags(Phase.L2).getAsLong());
        assertTrue(t.voltageSags(Phase.L3).isEmpty(), "its line is no OBIS line (1-0:72:32.0)");
        assertEquals(0, t.voltageSwells(Phase.L1).getAsLong());
        assertEquals(3, t.voltageSwells(Phase.L2).getAsLong());
        assertEquals(0, t.voltageSwells(Phase.L3).getAsLong());
        assertEquals("01 61 81", t.textMessageCode().orElseThrow());
        assertEquals("0123456789:;<=>?".repeat(5), t.textMessage().orElseThrow());
        assertTrue(t.voltage(Phase.L1).isEmpty());
        assertChannel(t.mbusChannel(1).orElseThrow(), MBusChannel.GAS, "2222ABCD123456789", at(2010, 12, 9, 11, 0, 0),
                DstFlag.WINTER, q("12785.123", "m3"), "0-1:24.2.1");
        assertEquals("1", t.mbusChannel(1).orElseThrow().valvePosition().orElseThrow());
        assertEquals(List.of(17, 20), t.problems().stream().map(P1Problem::lineNumber).toList());
        assertTrue(t.problems().get(0).cause().contains("expected an OBIS code A-B:C.D.E followed by '(', found '1-0:99:97.0'"),
                t.problems().get(0).cause());
        assertTrue(t.problems().get(1).cause().contains("found '1-0:72:32.0'"), t.problems().get(1).cause());
        assertEquals(25, t.lines().size());
    }

    /**
     * DSMR 5.0 P1 example as athombv stores it: copied from the specification's PDF, so no empty
     * line after the header and a line-wrap space inside the text message; the printed CRC EF2F
     * does not match (64E8).
     */
    @Test
    void dsmr50SpecExample() throws Exception {
        P1Telegram t = contentOfCrcMismatch("dsmr50-spec-example.txt", 0xEF2F, 0x64E8);
        assertDsmr50SpecValues(t, "kWh", "kW", "V", "A");
        // The space from the PDF line wrap makes it no hex string: kept as written, not decoded.
        assertEquals("303132333435363738393A3B3C3D3E3F303132333435363738393A3B3C3D3E3F303132333435363738393A3B3C"
                + " 3D3E3F303132333435363738393A3B3C3D3E3F303132333435363738393A3B3C3D3E3F", t.textMessage().orElseThrow());
    }

    /**
     * The DSMR 5.0 example with its units in lower case ({@code kwh}, {@code kw}, {@code v},
     * {@code a}), a variant athombv made to test case-insensitive units: CRC EF2F does not match (5AD9).
     */
    @Test
    void dsmr50SpecExampleLowerCaseUnits() throws Exception {
        P1Telegram t = contentOfCrcMismatch("dsmr50-spec-example-lowercase-units.txt", 0xEF2F, 0x5AD9);
        assertDsmr50SpecValues(t, "kwh", "kw", "v", "a");
        assertEquals("0123456789:;<=>?".repeat(5), t.textMessage().orElseThrow());
    }

    private static void assertDsmr50SpecValues(P1Telegram t, String kwh, String kw, String v, String a) {
        assertEquals(P1Version.DSMR_5, t.version());
        assertEquals("ISk", t.header().manufacturer());
        assertEquals("\\2MT382-1000", t.header().identification());
        assertEquals("50", t.versionInformation().orElseThrow());
        assertEquals(at(2010, 12, 9, 11, 30, 20), t.timestamp().orElseThrow().local());
        assertEquals(DstFlag.WINTER, t.timestamp().orElseThrow().dst());
        assertEquals("K8EG004046395507", t.equipmentId().orElseThrow());
        for (int tariff = 1; tariff <= 2; tariff++) {
            assertEquals(q("123456.789", kwh), t.energyImport(tariff).orElseThrow());
            assertEquals(q("123456.789", kwh), t.energyExport(tariff).orElseThrow());
        }
        assertEquals(q("246913.578", kwh), t.energyImportTotal().orElseThrow());
        assertEquals("0002", t.tariffIndicator().orElseThrow());
        assertEquals(q("01.193", kw), t.powerImport().orElseThrow());
        assertEquals(q("00.000", kw), t.powerExport().orElseThrow());
        assertEquals(4, t.powerFailures().getAsLong());
        assertEquals(2, t.longPowerFailures().getAsLong());
        assertEquals(List.of(new PowerFailureEvent(new P1Timestamp(at(2010, 12, 8, 15, 24, 15), DstFlag.WINTER), Duration.ofSeconds(240)),
                        new PowerFailureEvent(new P1Timestamp(at(2010, 12, 8, 15, 10, 4), DstFlag.WINTER), Duration.ofSeconds(301))),
                t.powerFailureLog());
        assertEquals(2, t.voltageSags(Phase.L1).getAsLong());
        assertEquals(1, t.voltageSags(Phase.L2).getAsLong());
        assertEquals(0, t.voltageSags(Phase.L3).getAsLong());
        assertEquals(0, t.voltageSwells(Phase.L1).getAsLong());
        assertEquals(3, t.voltageSwells(Phase.L2).getAsLong());
        assertEquals(0, t.voltageSwells(Phase.L3).getAsLong());
        assertTrue(t.textMessageCode().isEmpty());
        assertEquals(q("220.1", v), t.voltage(Phase.L1).orElseThrow());
        assertEquals(q("220.2", v), t.voltage(Phase.L2).orElseThrow());
        assertEquals(q("220.3", v), t.voltage(Phase.L3).orElseThrow());
        assertEquals(q("001", a), t.current(Phase.L1).orElseThrow());
        assertEquals(q("002", a), t.current(Phase.L2).orElseThrow());
        assertEquals(q("003", a), t.current(Phase.L3).orElseThrow());
        assertEquals(q("01.111", kw), t.powerImport(Phase.L1).orElseThrow());
        assertEquals(q("02.222", kw), t.powerImport(Phase.L2).orElseThrow());
        assertEquals(q("03.333", kw), t.powerImport(Phase.L3).orElseThrow());
        assertEquals(q("04.444", kw), t.powerExport(Phase.L1).orElseThrow());
        assertEquals(q("05.555", kw), t.powerExport(Phase.L2).orElseThrow());
        assertEquals(q("06.666", kw), t.powerExport(Phase.L3).orElseThrow());
        MBusChannel gas = t.mbusChannel(1).orElseThrow();
        assertChannel(gas, MBusChannel.GAS, "2222ABCD123456789", at(2010, 12, 9, 11, 25, 0), DstFlag.WINTER,
                q("12785.123", "m3"), "0-1:24.2.1");
        assertTrue(gas.valvePosition().isEmpty());
        assertEquals(35, t.lines().size());
        assertTrue(t.problems().isEmpty(), t.problems().toString());
        assertTrue(t.unknownLines().isEmpty(), t.unknownLines().toString());
    }

    // ---------------------------------------------------------------- Belgian e-MUCS 2.1.1

    /**
     * e-MUCS P1 2.1.1 example 1 (three-phase): printed CRC is the placeholder 1234 (content gives
     * 74E0). Unknown lines ({@code 1-0:94.32.1}, the {@code 96.1.2} IDs) are kept and reported.
     */
    @Test
    void emucs211SpecExampleThreePhase() throws Exception {
        P1Telegram t = contentOfCrcMismatch("belgium-emucs-2.1.1-spec-example-1.txt", 0x1234, 0x74E0);
        assertEquals("FLU", t.header().manufacturer());
        assertEquals("\\253769484_A", t.header().identification());
        assertEquals(P1Version.BELGIUM_E_MUCS, t.version());
        assertEquals("50221", t.versionInformation().orElseThrow());
        assertEquals("1SAG3101021605", t.equipmentId().orElseThrow());
        assertEquals(at(2020, 5, 12, 13, 54, 9), t.timestamp().orElseThrow().local());
        assertEquals(DstFlag.SUMMER, t.timestamp().orElseThrow().dst());
        assertEquals(q("000000.034", "kWh"), t.energyImport(1).orElseThrow());
        assertEquals(q("000015.758", "kWh"), t.energyImport(2).orElseThrow());
        assertEquals(q("000000.000", "kWh"), t.energyExport(1).orElseThrow());
        assertEquals(q("000000.011", "kWh"), t.energyExport(2).orElseThrow());
        assertEquals(q("15.792", "kWh"), t.energyImportTotal().orElseThrow());
        assertEquals(q("0.011", "kWh"), t.energyExportTotal().orElseThrow());
        assertEquals("0001", t.tariffIndicator().orElseThrow());
        assertEmucsCapacityTariff(t);
        assertEquals(q("00.000", "kW"), t.powerImport().orElseThrow());
        assertEquals(q("00.000", "kW"), t.powerExport().orElseThrow());
        for (Phase p : Phase.values()) {
            assertEquals(q("00.000", "kW"), t.powerImport(p).orElseThrow(), p.toString());
            assertEquals(q("00.000", "kW"), t.powerExport(p).orElseThrow(), p.toString());
            assertEquals(q("234.7", "V"), t.voltage(p).orElseThrow(), p.toString());
            assertEquals(q("000.00", "A"), t.current(p).orElseThrow(), p.toString());
        }
        assertEmucsBreakersAndChannels(t);
        assertEquals(List.of("1-0:94.32.1", "0-0:96.1.2", "0-1:96.1.2", "0-2:96.1.2"),
                t.unknownLines().stream().map(l -> l.obis().toString()).toList());
        assertEquals(List.of(new CosemValue("400", "")), t.unknownLines().get(0).values());
        assertEquals(44, t.lines().size());
        assertTrue(t.problems().isEmpty(), t.problems().toString());
    }

    /** e-MUCS P1 2.1.1 example 2 (single-phase): placeholder CRC 1234 (content gives A396). */
    @Test
    void emucs211SpecExampleSinglePhase() throws Exception {
        P1Telegram t = contentOfCrcMismatch("belgium-emucs-2.1.1-spec-example-2.txt", 0x1234, 0xA396);
        assertEquals("\\253770234_A", t.header().identification());
        assertEquals(P1Version.BELGIUM_E_MUCS, t.version());
        assertEquals("1SAG1100000231", t.equipmentId().orElseThrow());
        assertEquals(at(2020, 5, 12, 14, 55, 52), t.timestamp().orElseThrow().local());
        assertEquals(q("000000.915", "kWh"), t.energyImport(1).orElseThrow());
        assertEquals(q("000001.955", "kWh"), t.energyImport(2).orElseThrow());
        assertEquals(q("000000.000", "kWh"), t.energyExport(1).orElseThrow());
        assertEquals(q("000000.030", "kWh"), t.energyExport(2).orElseThrow());
        assertEquals(q("2.870", "kWh"), t.energyImportTotal().orElseThrow());
        assertEquals("0001", t.tariffIndicator().orElseThrow());
        assertEmucsCapacityTariff(t);
        assertEquals(q("00.000", "kW"), t.powerImport(Phase.L1).orElseThrow());
        assertEquals(q("00.000", "kW"), t.powerExport(Phase.L1).orElseThrow());
        assertEquals(q("234.6", "V"), t.voltage(Phase.L1).orElseThrow());
        assertEquals(q("000.00", "A"), t.current(Phase.L1).orElseThrow());
        assertTrue(t.voltage(Phase.L2).isEmpty() && t.current(Phase.L3).isEmpty() && t.powerImport(Phase.L2).isEmpty(),
                "single-phase meter");
        assertEmucsBreakersAndChannels(t);
        assertEquals(List.of("0-0:96.1.2", "0-1:96.1.2", "0-2:96.1.2"),
                t.unknownLines().stream().map(l -> l.obis().toString()).toList());
        assertEquals(35, t.lines().size());
        assertTrue(t.problems().isEmpty(), t.problems().toString());
    }

    private static void assertEmucsCapacityTariff(P1Telegram t) {
        assertEquals(q("02.351", "kW"), t.averageDemand().orElseThrow());
        TimestampedQuantity max = t.maximumDemandMonth().orElseThrow();
        assertEquals(at(2020, 5, 9, 13, 45, 58), max.at().local());
        assertEquals(q("02.589", "kW"), max.value());
        List<PeakDemand> peaks = t.peakDemandHistory();
        assertEquals(3, peaks.size());
        assertEquals(new PeakDemand(new P1Timestamp(at(2020, 5, 1, 0, 0, 0), DstFlag.SUMMER),
                new P1Timestamp(at(2020, 4, 23, 19, 25, 38), DstFlag.SUMMER), q("03.695", "kW")), peaks.get(0));
        assertEquals(new PeakDemand(new P1Timestamp(at(2020, 4, 1, 0, 0, 0), DstFlag.SUMMER),
                new P1Timestamp(at(2020, 3, 5, 12, 21, 39), DstFlag.SUMMER), q("05.980", "kW")), peaks.get(1));
        assertEquals(new PeakDemand(new P1Timestamp(at(2020, 3, 1, 0, 0, 0), DstFlag.SUMMER),
                new P1Timestamp(at(2020, 2, 10, 3, 54, 21), DstFlag.WINTER), q("04.318", "kW")), peaks.get(2));
    }

    private static void assertEmucsBreakersAndChannels(P1Telegram t) {
        assertEquals("1", t.switchPosition().orElseThrow());
        assertEquals(q("99.999", "kW"), obis(t, "0-0:17.0.0"));
        assertEquals(q("999.99", "A"), obis(t, "1-0:31.4.0"));
        for (int c = 1; c <= 4; c++) {
            assertEquals("0", text(t, "0-" + c + ":96.3.10"), "breaker of channel " + c);
        }
        assertTrue(t.textMessage().isEmpty());
        List<MBusChannel> channels = t.mbusChannels();
        assertEquals(List.of(1, 2, 3, 4), channels.stream().map(MBusChannel::channel).toList());
        assertChannel(channels.get(0), MBusChannel.GAS, "7FLO2119033733", at(2020, 5, 12, 13, 45, 58), DstFlag.SUMMER,
                q("00112.384", "m3"), "0-1:24.2.3");
        assertEquals("1", channels.get(0).valvePosition().orElseThrow());
        assertChannel(channels.get(1), MBusChannel.WATER, "8SAG1234567890", at(2020, 5, 12, 13, 45, 58), DstFlag.SUMMER,
                q("00872.234", "m3"), "0-2:24.2.3");
        for (MBusChannel empty : channels.subList(2, 4)) {
            assertTrue(empty.deviceType().isEmpty() && empty.reading().isEmpty(), "channel with only a breaker line");
        }
    }

    // ---------------------------------------------------------------- Sagemcom

    /**
     * A Sagemcom XT211 ({@code /GRE5}), anonymised: timestamp {@code 123412341234W}, CRC 3BA5 printed,
     * 47E6 computed. It writes energy and power on measurement channel 1 ({@code 1-1:1.8.1}), which
     * reads as the same quantity as {@code 1-0:1.8.1}; its {@code 0-0:98.1.0(12)} carries a count
     * without the 12 entries and is reported.
     */
    @Test
    void sagemcomXt211MeasurementChannelOne() throws Exception {
        P1Telegram t = contentOfCrcMismatch("sagemcom-xt211.txt", 0x3BA5, 0x47E6);
        assertEquals("GRE", t.header().manufacturer());
        assertEquals("\\\\12341234_A", t.header().identification());
        assertEquals(P1Version.BELGIUM_E_MUCS, t.version(), "it sends the e-MUCS version line 0-0:96.1.4");
        assertEquals("12345", t.versionInformation().orElseThrow());
        assertTrue(t.timestamp().isEmpty());
        assertTrue(t.equipmentId().isEmpty());
        assertEquals(q("001595.070", "kWh"), t.energyImport(1).orElseThrow());
        assertEquals(q("005216.778", "kWh"), t.energyImport(2).orElseThrow());
        assertEquals(q("004478.038", "kWh"), t.energyExport(1).orElseThrow());
        assertEquals(q("000004.648", "kWh"), t.energyExport(2).orElseThrow());
        assertEquals(q("6811.848", "kWh"), t.energyImportTotal().orElseThrow());
        assertEquals(q("4482.686", "kWh"), t.energyExportTotal().orElseThrow());
        assertEquals(ObisCode.parse("1-1:1.8.1"), t.line(ObisCode.parse("1-0:1.8.1")).orElseThrow().obis(),
                "answered by the channel-1 line");
        assertEquals("ENERGY_IMPORT_TARIFF_1", t.lines().get(2).entry().orElseThrow().name());
        assertEquals("0001", t.tariffIndicator().orElseThrow());
        assertEquals(q("01.622", "kW"), t.powerImport().orElseThrow());
        assertEquals(q("00.000", "kW"), t.powerExport().orElseThrow());
        assertEquals(18, t.powerFailures().getAsLong());
        assertEquals(4, t.longPowerFailures().getAsLong());
        assertEquals(List.of(new PowerFailureEvent(new P1Timestamp(at(2024, 5, 23, 14, 49, 34), DstFlag.SUMMER), Duration.ofSeconds(5564711)),
                        new PowerFailureEvent(new P1Timestamp(at(2024, 11, 9, 8, 31, 38), DstFlag.WINTER), Duration.ofSeconds(124))),
                t.powerFailureLog());
        assertEquals(2, t.voltageSags(Phase.L1).getAsLong());
        assertEquals(1, t.voltageSags(Phase.L2).getAsLong());
        assertEquals(1, t.voltageSags(Phase.L3).getAsLong());
        for (Phase p : Phase.values()) {
            assertEquals(0, t.voltageSwells(p).getAsLong(), p.toString());
        }
        assertEquals(q("238.9", "V"), t.voltage(Phase.L1).orElseThrow());
        assertEquals(q("231.9", "V"), t.voltage(Phase.L2).orElseThrow());
        assertEquals(q("239.7", "V"), t.voltage(Phase.L3).orElseThrow());
        assertEquals(q("005.15", "A"), t.current(Phase.L1).orElseThrow());
        assertEquals(q("017.19", "A"), t.current(Phase.L2).orElseThrow());
        assertEquals(q("005.02", "A"), t.current(Phase.L3).orElseThrow());
        assertEquals(q("00.000", "kW"), t.powerImport(Phase.L1).orElseThrow());
        assertEquals(q("01.175", "kW"), t.powerExport(Phase.L1).orElseThrow());
        assertEquals(q("03.946", "kW"), t.powerImport(Phase.L2).orElseThrow());
        assertEquals(q("00.000", "kW"), t.powerExport(Phase.L2).orElseThrow());
        assertEquals(q("00.000", "kW"), t.powerImport(Phase.L3).orElseThrow());
        assertEquals(q("01.148", "kW"), t.powerExport(Phase.L3).orElseThrow());
        assertTrue(t.textMessage().isEmpty());
        assertTrue(t.textMessageCode().isEmpty());
        TimestampedQuantity max = t.maximumDemandMonth().orElseThrow();
        assertEquals(at(2025, 3, 15, 1, 45, 0), max.at().local());
        assertEquals(q("15.206", "kW"), max.value());
        assertEquals(q("00.288", "kW"), t.averageDemand().orElseThrow());
        assertEquals(List.of(), t.peakDemandHistory());
        assertEquals(List.of(3, 38), t.problems().stream().map(P1Problem::lineNumber).toList());
        assertTrue(t.problems().get(0).cause().contains("123412341234W"), t.problems().get(0).cause());
        assertTrue(t.problems().get(1).cause().contains("expected (12)(obis)(obis) and 12 (month)(time)(value) triples, found 1 groups"),
                t.problems().get(1).cause());
        assertEquals(List.of("0-0:0.0.0", "0-0:96.1.2"), t.unknownLines().stream().map(l -> l.obis().toString()).toList());
        assertEquals(List.of(), t.mbusChannels());
        assertEquals(37, t.lines().size());
    }

    /** A meter's own channel-0 line wins over the same quantity on measurement channel 1, in either order. */
    @Test
    void channelZeroLineWinsOverMeasurementChannelOne() throws Exception {
        for (String lines : List.of("1-1:1.8.1(000002.000*kWh)\r\n1-0:1.8.1(000001.000*kWh)\r\n",
                "1-0:1.8.1(000001.000*kWh)\r\n1-1:1.8.1(000002.000*kWh)\r\n")) {
            P1Telegram t = P1Parser.parse("/GRE5\\2TEST\r\n\r\n" + lines + "1-1:2.8.1(000003.000*kWh)\r\n!\r\n");
            assertEquals(q("000001.000", "kWh"), t.energyImport(1).orElseThrow(), lines);
            assertEquals(ObisCode.parse("1-0:1.8.1"), t.line(ObisCode.parse("1-0:1.8.1")).orElseThrow().obis());
            assertEquals(q("000002.000", "kWh"), obis(t, "1-1:1.8.1"), "still found under its own code");
            assertEquals(q("000003.000", "kWh"), t.energyExport(1).orElseThrow(), "alone on channel 1: answers for 1-0:2.8.1");
            assertTrue(t.unknownLines().isEmpty());
        }
    }

    /**
     * A Sagemcom {@code /EST5} DSMR 5 meter writing Wh, W, varh and var, with totals and two
     * tariffs; its CRC is the placeholder FFFF (content gives 17FF).
     */
    @Test
    void sagemcomEstWattHourUnits() throws Exception {
        P1Telegram t = contentOfCrcMismatch("sagemcom-est-dsmr5-wh-units.txt", 0xFFFF, 0x17FF);
        assertEquals("EST", t.header().manufacturer());
        assertEquals("\\123456789_A", t.header().identification());
        assertEquals(P1Version.DSMR_5, t.version());
        assertEquals(at(2025, 3, 19, 10, 28, 12), t.timestamp().orElseThrow().local());
        assertEquals(q("000201282", "Wh"), t.energyImportTotal().orElseThrow());
        assertEquals(q("000134904", "Wh"), t.energyImport(1).orElseThrow());
        assertEquals(q("000066378", "Wh"), t.energyImport(2).orElseThrow());
        assertEquals(q("000320908", "Wh"), t.energyExportTotal().orElseThrow());
        assertEquals(q("000317131", "Wh"), t.energyExport(1).orElseThrow());
        assertEquals(q("000003777", "Wh"), t.energyExport(2).orElseThrow());
        assertEquals(q("201.282", "kWh"), t.energyImportTotal().orElseThrow().inKiloUnits());
        assertEquals(q("000000000", "W"), t.powerImport().orElseThrow());
        assertEquals(q("000003996", "W"), t.powerExport().orElseThrow());
        assertEquals(q("3.996", "kW"), t.powerExport().orElseThrow().inKiloUnits());
        assertEquals(q("000036520", "varh"), obis(t, "1-0:3.8.0"));
        assertEquals(q("000032377", "varh"), obis(t, "1-0:3.8.1"));
        assertEquals(q("000004143", "varh"), obis(t, "1-0:3.8.2"));
        assertEquals(q("000000000", "var"), obis(t, "1-0:3.7.0"));
        assertEquals(q("000259742", "varh"), obis(t, "1-0:4.8.0"));
        assertEquals(q("000169558", "varh"), obis(t, "1-0:4.8.1"));
        assertEquals(q("000090184", "varh"), obis(t, "1-0:4.8.2"));
        assertEquals(q("000000221", "var"), obis(t, "1-0:4.7.0"));
        assertEquals(q("0.221", "kvar"), obis(t, "1-0:4.7.0").inKiloUnits());
        assertEquals(18, t.lines().size());
        assertTrue(t.problems().isEmpty(), t.problems().toString());
        assertTrue(t.unknownLines().isEmpty(), t.unknownLines().toString());
    }

    /**
     * A Sagemcom T210-D ESMR 5.0 of Enexis with nine entries in its power failure log; anonymised
     * (equipment id {@code serienummer}), so the printed CRC D59D does not match (2E0A).
     */
    @Test
    void sagemcomT210dEnexisNineFailureLogEntries() throws Exception {
        P1Telegram t = contentOfCrcMismatch("sagemcom-t210-d-enexis-esmr5.txt", 0xD59D, 0x2E0A);
        assertEquals("Ene", t.header().manufacturer());
        assertEquals("\\T210-D ESMR5.0", t.header().identification());
        assertEquals(P1Version.DSMR_5, t.version());
        assertEquals(at(2021, 3, 30, 19, 23, 5), t.timestamp().orElseThrow().local());
        assertEquals(DstFlag.SUMMER, t.timestamp().orElseThrow().dst());
        assertEquals("serienummer", t.equipmentId().orElseThrow(), "not hex: kept as written");
        assertEquals(q("000009.533", "kWh"), t.energyImport(1).orElseThrow());
        assertEquals(q("000014.154", "kWh"), t.energyImport(2).orElseThrow());
        assertEquals(q("002248.911", "kWh"), t.energyExport(1).orElseThrow());
        assertEquals(q("005072.177", "kWh"), t.energyExport(2).orElseThrow());
        assertEquals(q("7321.088", "kWh"), t.energyExportTotal().orElseThrow());
        assertEquals("0002", t.tariffIndicator().orElseThrow());
        assertEquals(q("00.000", "kW"), t.powerImport().orElseThrow());
        assertEquals(q("00.566", "kW"), t.powerExport().orElseThrow());
        assertEquals(220, t.powerFailures().getAsLong());
        assertEquals(34, t.longPowerFailures().getAsLong());
        List<PowerFailureEvent> log = t.powerFailureLog();
        assertEquals(9, log.size());
        assertEquals(new PowerFailureEvent(new P1Timestamp(at(2019, 2, 21, 20, 18, 23), DstFlag.WINTER), Duration.ofSeconds(12287)),
                log.get(0));
        assertEquals(new PowerFailureEvent(new P1Timestamp(at(2019, 2, 17, 18, 5, 49), DstFlag.WINTER), Duration.ofSeconds(331071)),
                log.get(7));
        assertEquals(new PowerFailureEvent(new P1Timestamp(at(2019, 2, 13, 22, 2, 45), DstFlag.WINTER), Duration.ofSeconds(230)),
                log.get(8));
        for (Phase p : Phase.values()) {
            assertEquals(24, t.voltageSags(p).getAsLong(), p.toString());
            assertEquals(0, t.voltageSwells(p).getAsLong(), p.toString());
            assertEquals(q("004", "A"), t.current(p).orElseThrow(), p.toString());
            assertEquals(q("00.000", "kW"), t.powerImport(p).orElseThrow(), p.toString());
        }
        assertEquals(q("226.0", "V"), t.voltage(Phase.L1).orElseThrow());
        assertEquals(q("227.0", "V"), t.voltage(Phase.L2).orElseThrow());
        assertEquals(q("226.0", "V"), t.voltage(Phase.L3).orElseThrow());
        assertEquals(q("00.068", "kW"), t.powerExport(Phase.L1).orElseThrow());
        assertEquals(q("00.240", "kW"), t.powerExport(Phase.L2).orElseThrow());
        assertEquals(q("00.257", "kW"), t.powerExport(Phase.L3).orElseThrow());
        assertTrue(t.textMessage().isEmpty());
        assertEquals(List.of(), t.mbusChannels());
        assertEquals(32, t.lines().size());
        assertTrue(t.problems().isEmpty(), t.problems().toString());
    }

    // ---------------------------------------------------------------- Landis+Gyr (XMX)

    /** A real Landis+Gyr DSMR 4.0 single-phase meter whose clock was never set (2000-01-01); CRC 4F82. */
    @Test
    void landisGyrDsmr40SinglePhase() throws Exception {
        P1Telegram t = parseWithCrc("landisgyr-xmx-dsmr40-single-phase.txt", 0x4F82);
        assertEquals("XMX", t.header().manufacturer());
        assertEquals("LGBBFFB231216240", t.header().identification());
        assertEquals(P1Version.DSMR_4, t.version());
        assertEquals("40", t.versionInformation().orElseThrow());
        assertEquals(at(2000, 1, 1, 1, 0, 0), t.timestamp().orElseThrow().local());
        assertEquals("E0004001591092214", t.equipmentId().orElseThrow());
        assertEquals(q("001990.002", "kWh"), t.energyImport(1).orElseThrow());
        assertEquals(q("000000.000", "kWh"), t.energyImport(2).orElseThrow());
        assertEquals(q("000000.000", "kWh"), t.energyExport(1).orElseThrow());
        assertEquals(q("000000.000", "kWh"), t.energyExport(2).orElseThrow());
        assertEquals(q("1990.002", "kWh"), t.energyImportTotal().orElseThrow());
        assertEquals("0001", t.tariffIndicator().orElseThrow());
        assertEquals(q("00.000", "kW"), t.powerImport().orElseThrow());
        assertEquals(q("00.000", "kW"), t.powerExport().orElseThrow());
        assertEquals(q("999.9", "kW"), obis(t, "0-0:17.0.0"));
        assertEquals("1", t.switchPosition().orElseThrow());
        assertEquals(23, t.powerFailures().getAsLong());
        assertEquals(0, t.longPowerFailures().getAsLong());
        assertEquals(List.of(), t.powerFailureLog());
        assertEquals(0, t.voltageSags(Phase.L1).getAsLong());
        assertEquals(0, t.voltageSwells(Phase.L1).getAsLong());
        assertTrue(t.voltageSags(Phase.L2).isEmpty(), "single-phase meter");
        assertTrue(t.voltage(Phase.L1).isEmpty() && t.current(Phase.L1).isEmpty());
        assertTrue(t.textMessage().isEmpty() && t.textMessageCode().isEmpty());
        assertEquals(19, t.lines().size());
        assertTrue(t.problems().isEmpty(), t.problems().toString());
        assertTrue(t.unknownLines().isEmpty(), t.unknownLines().toString());
    }

    /** A Landis+Gyr {@code /XMX5} meter of unknown model: no CRC, no timestamp; its id is not hex ASCII. */
    @Test
    void landisGyrUnknownModelWithoutCrc() throws Exception {
        P1Telegram t = parseWithoutCrc("landisgyr-xmx-unknown-no-crc.txt");
        assertEquals("XMX", t.header().manufacturer());
        assertEquals("XMXABCE000012345", t.header().identification());
        assertEquals(P1Version.DSMR_2_OR_3, t.version());
        assertEquals("0123456789ABCDEF", t.equipmentId().orElseThrow(), "0x01 is no printable character: kept as written");
        assertEquals(q("11667.440", "kWh"), t.energyImport(1).orElseThrow());
        assertEquals(q("11781.558", "kWh"), t.energyImport(2).orElseThrow());
        assertEquals(q("00000.000", "kWh"), t.energyExport(1).orElseThrow());
        assertEquals(q("00000.000", "kWh"), t.energyExport(2).orElseThrow());
        assertEquals(q("23448.998", "kWh"), t.energyImportTotal().orElseThrow());
        assertEquals("0001", t.tariffIndicator().orElseThrow());
        assertEquals(q("0000.55", "kW"), t.powerImport().orElseThrow());
        assertEquals(q("0000.00", "kW"), t.powerExport().orElseThrow());
        assertTrue(t.textMessage().isEmpty() && t.textMessageCode().isEmpty());
        assertEquals(10, t.lines().size());
        assertTrue(t.problems().isEmpty(), t.problems().toString());
    }

    // ---------------------------------------------------------------- Iskra without '!'

    /**
     * An Iskra MT382 telegram as athombv stores it: it has no closing {@code !} at all, and its
     * text message is plain text containing a {@code /} (DSMR writes 96.13.0 as hex, where no
     * {@code /} can occur). The framer takes that {@code /} for the next header: both parts are
     * dropped as truncated, nothing is delivered; the parser rejects the text for its missing end.
     */
    @Test
    void iskraWithoutEndIsNeverDelivered() throws Exception {
        String name = "iskra-mt382-no-end-plain-text-message.txt";
        String text = Telegrams.text(name);
        List<P1FramerEvent> events = frame(name);
        assertEquals(2, events.size(), events.toString());
        Dropped first = assertInstanceOf(Dropped.class, events.get(0));
        assertEquals(Dropped.Reason.TRUNCATED, first.reason());
        assertEquals(0, first.offset());
        int slash = text.indexOf("-/-") + 1;
        assertTrue(first.detail().contains("found a new '/' header at offset " + slash), first.detail());
        Dropped second = assertInstanceOf(Dropped.class, events.get(1));
        assertEquals(Dropped.Reason.TRUNCATED, second.reason());
        assertEquals(slash, second.offset());
        assertEquals(text.length() - slash, second.length());

        P1FormatException e = assertThrows(P1FormatException.class, () -> P1Parser.parse(text));
        assertTrue(e.getMessage().contains("expected a line starting with '!'"), e.getMessage());

        // With the missing end added here (not in the file), every line reads.
        P1Telegram t = P1Parser.parse(text + "!\r\n");
        assertEquals(P1Version.DSMR_2_OR_3, t.version());
        assertEquals("\\2MT382-1003", t.header().identification());
        assertEquals("00112233445566778899aabbccddeeff", t.equipmentId().orElseThrow());
        assertEquals(q("39837.604", "kWh"), t.energyImport(1).orElseThrow());
        assertEquals(q("30477.225", "kWh"), t.energyImport(2).orElseThrow());
        assertEquals(q("05174.479", "kWh"), t.energyExport(1).orElseThrow());
        assertEquals(q("11772.946", "kWh"), t.energyExport(2).orElseThrow());
        assertEquals("0002", t.tariffIndicator().orElseThrow());
        assertEquals(q("0000.00", "kW"), t.powerImport().orElseThrow());
        assertEquals(q("0000.14", "kW"), t.powerExport().orElseThrow());
        assertEquals(q("0999.00", "kW"), obis(t, "0-0:17.0.0"));
        assertEquals("test-/-test", t.textMessage().orElseThrow());
        assertTrue(t.textMessageCode().isEmpty());
        MBusChannel gas = t.mbusChannel(1).orElseThrow();
        assertChannel(gas, MBusChannel.GAS, "0011223344556677889900112233445566", at(2025, 4, 23, 9, 0, 0), DstFlag.NONE,
                q("13032.850", "m3"), "0-1:24.3.0");
        assertEquals("1", gas.valvePosition().orElseThrow());
        assertTrue(t.problems().isEmpty(), t.problems().toString());
    }
}
