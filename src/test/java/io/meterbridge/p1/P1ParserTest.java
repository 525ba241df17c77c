package io.meterbridge.p1;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class P1ParserTest {

    private static Quantity q(String value, String unit) {
        return new Quantity(new BigDecimal(value), unit);
    }

    @Test
    void dsmr22IskraWithGasValueOnTheNextLine() throws Exception {
        P1Telegram t = Telegrams.parse("dsmr22-iskra-mt382.txt");
        assertEquals(P1Version.DSMR_2_OR_3, t.version());
        assertTrue(t.crc().isEmpty());
        assertEquals("ISk", t.header().manufacturer());
        assertEquals("\\2MT382-1004", t.header().identification());
        assertEquals(q("00001.001", "kWh"), t.energyImport(1).orElseThrow());
        assertEquals(q("0002.002", "kWh"), t.energyImportTotal().orElseThrow());
        assertEquals(q("0001.01", "kW"), t.powerImport().orElseThrow());
        assertEquals("0001", t.tariffIndicator().orElseThrow());
        MBusChannel gas = t.mbusChannel(1).orElseThrow();
        assertEquals(MBusChannel.GAS, gas.deviceType().getAsInt());
        MBusReading r = gas.reading().orElseThrow();
        assertEquals(q("00001.001", "m3"), r.value());
        assertEquals("2016-11-07T19:00", r.capturedAt().local().toString());
        assertEquals(DstFlag.NONE, r.capturedAt().dst());
        assertEquals("1", gas.valvePosition().orElseThrow());
        assertTrue(t.problems().isEmpty(), t.problems().toString());
        assertTrue(t.unknownLines().isEmpty());
    }

    @Test
    void dsmr3IskraDecodesTextMessages() throws Exception {
        P1Telegram t = Telegrams.parse("dsmr3-iskra-mt382.txt");
        assertEquals(P1Version.DSMR_2_OR_3, t.version());
        assertEquals("K8EG004046395507", t.equipmentId().orElseThrow());
        assertEquals("012345678", t.textMessageCode().orElseThrow());
        assertEquals("0123456789:;<=>?".repeat(5), t.textMessage().orElseThrow());
        assertEquals(q("016", "A"), t.quantity(ObisCode.parse("0-0:17.0.0")).orElseThrow());
        assertEquals(q("00001.001", "m3"), t.mbusChannel(1).orElseThrow().reading().orElseThrow().value());
        assertEquals("2222ABCD123456789", t.mbusChannel(1).orElseThrow().equipmentId().orElseThrow());
    }

    @Test
    void dsmr3KamstrupWithFourGasChannels() throws Exception {
        P1Telegram t = Telegrams.parse("dsmr3-kamstrup-162.txt");
        assertEquals(P1Version.DSMR_2_OR_3, t.version());
        assertEquals("KMP", t.header().manufacturer());
        assertEquals(" KA6U001585654321", t.header().identification());
        List<MBusChannel> channels = t.mbusChannels();
        assertEquals(List.of(1, 2, 3, 4), channels.stream().map(MBusChannel::channel).toList());
        for (MBusChannel c : channels) {
            assertEquals(q("00" + c.channel() + "00.006", "m3"), c.reading().orElseThrow().value());
            assertEquals("2014-01-01T00:41", c.reading().orElseThrow().capturedAt().local().toString());
        }
        assertEquals(q("212.33", "kW"), t.powerImport().orElseThrow());
    }

    @Test
    void dsmr40KaifaWithPowerFailureLog() throws Exception {
        P1Telegram t = Telegrams.parse("dsmr40-kaifa.txt");
        assertEquals(P1Version.DSMR_4, t.version());
        assertEquals(0x6F4A, t.crc().getAsInt());
        assertEquals("40", t.versionInformation().orElseThrow());
        assertEquals(8, t.powerFailures().getAsLong());
        assertEquals(7, t.longPowerFailures().getAsLong());
        List<PowerFailureEvent> log = t.powerFailureLog();
        assertEquals(1, log.size());
        assertEquals(Duration.ofSeconds(2147483647L), log.get(0).duration());
        assertEquals(q("00473.789", "m3"), t.mbusChannel(1).orElseThrow().reading().orElseThrow().value());
        assertEquals(q("001", "A"), t.current(Phase.L1).orElseThrow());
        assertTrue(t.current(Phase.L2).isEmpty());
    }

    @Test
    void dsmr42KaifaEveryValue() throws Exception {
        P1Telegram t = Telegrams.parse("dsmr42-kaifa.txt");
        assertEquals(P1Version.DSMR_4, t.version());
        assertEquals(OffsetDateTime.of(2016, 11, 13, 20, 57, 57, 0, ZoneOffset.ofHours(1)),
                t.timestamp().orElseThrow().toOffsetDateTime(P1Timestamp.CENTRAL_EUROPE));
        assertEquals(q("001581.123", "kWh"), t.energyImport(1).orElseThrow());
        assertEquals(q("001435.706", "kWh"), t.energyImport(2).orElseThrow());
        assertEquals(q("003016.829", "kWh"), t.energyImportTotal().orElseThrow());
        assertEquals(q("000000.000", "kWh"), t.energyExportTotal().orElseThrow());
        assertEquals(q("02.027", "kW"), t.powerImport().orElseThrow());
        assertEquals(15, t.powerFailures().getAsLong());
        assertEquals(3, t.powerFailureLog().size());
        assertEquals(Duration.ofSeconds(237126), t.powerFailureLog().get(0).duration());
        assertEquals("2000-01-04T18:03:20", t.powerFailureLog().get(0).end().local().toString());
        assertEquals(q("006", "A"), t.current(Phase.L2).orElseThrow());
        assertEquals(q("01.247", "kW"), t.powerImport(Phase.L2).orElseThrow());
        assertEquals(q("00.209", "kW"), t.powerImport(Phase.L3).orElseThrow());
        assertEquals(0, t.voltageSags(Phase.L1).getAsLong());
        assertTrue(t.voltage(Phase.L1).isEmpty(), "DSMR 4.2 Kaifa sends no voltage");
        MBusReading gas = t.mbusChannel(1).orElseThrow().reading().orElseThrow();
        assertEquals(q("00981.443", "m3"), gas.value());
        assertEquals(ObisCode.parse("0-1:24.2.1"), gas.source());
        assertTrue(t.problems().isEmpty(), t.problems().toString());
    }

    @Test
    void dsmr5IskraWithEmptySecondChannel() throws Exception {
        P1Telegram t = Telegrams.parse("dsmr5-iskra-mt382.txt");
        assertEquals(P1Version.DSMR_5, t.version());
        assertEquals(q("0230.0", "V"), t.voltage(Phase.L1).orElseThrow());
        assertEquals(q("0229.0", "V"), t.voltage(Phase.L3).orElseThrow());
        assertEquals(q("0.86", "A"), t.current(Phase.L3).orElseThrow());
        assertEquals(List.of(), t.powerFailureLog());
        assertEquals(0, t.longPowerFailures().getAsLong());
        MBusChannel second = t.mbusChannel(2).orElseThrow();
        assertEquals(3, second.deviceType().getAsInt());
        assertTrue(second.equipmentId().isEmpty());
        assertTrue(second.reading().isEmpty());
        assertTrue(t.textMessage().isEmpty());
    }

    @Test
    void dsmr5Am550TwoMbusChannelsSummerTime() throws Exception {
        P1Telegram t = Telegrams.parse("dsmr5-iskra-am550-two-mbus.txt");
        assertEquals(OffsetDateTime.of(2020, 4, 26, 22, 33, 25, 0, ZoneOffset.ofHours(2)),
                t.timestamp().orElseThrow().toOffsetDateTime(P1Timestamp.CENTRAL_EUROPE));
        assertEquals(192, t.voltageSags(Phase.L3).getAsLong());
        assertEquals(1, t.voltageSwells(Phase.L2).getAsLong());
        assertEquals(q("00246.138", "m3"), t.mbusChannel(2).orElseThrow().reading().orElseThrow().value());
        assertEquals("G0039001936990619", t.mbusChannel(2).orElseThrow().equipmentId().orElseThrow());
        assertEquals(Duration.ofSeconds(2014), t.powerFailureLog().get(0).duration());
    }

    @Test
    void belgianEmucsGasUncorrectedAndWaterAndPeaks() throws Exception {
        P1Telegram t = Telegrams.parse("belgium-emucs-fluvius.txt");
        assertEquals(P1Version.BELGIUM_E_MUCS, t.version());
        assertEquals("50217", t.versionInformation().orElseThrow());
        assertEquals("1SAG3101021605", t.equipmentId().orElseThrow());
        assertEquals(q("02.351", "kW"), t.averageDemand().orElseThrow());
        TimestampedQuantity max = t.maximumDemandMonth().orElseThrow();
        assertEquals(q("02.589", "kW"), max.value());
        assertEquals("2020-05-09T13:45:58", max.at().local().toString());
        List<PeakDemand> peaks = t.peakDemandHistory();
        assertEquals(3, peaks.size());
        assertEquals(q("05.980", "kW"), peaks.get(1).demand());
        assertEquals(DstFlag.WINTER, peaks.get(2).occurred().dst());
        assertEquals(q("000.00", "A"), t.current(Phase.L1).orElseThrow());
        assertEquals(q("999", "A"), t.quantity(ObisCode.parse("1-0:31.4.0")).orElseThrow());
        MBusChannel gas = t.mbusChannel(1).orElseThrow();
        assertEquals(ObisCode.parse("0-1:24.2.3"), gas.reading().orElseThrow().source());
        assertEquals(q("00112.384", "m3"), gas.reading().orElseThrow().value());
        assertEquals("7FLO2119033733", gas.equipmentId().orElseThrow());
        MBusChannel water = t.mbusChannel(2).orElseThrow();
        assertEquals(MBusChannel.WATER, water.deviceType().getAsInt());
        assertEquals(q("00872.234", "m3"), water.reading().orElseThrow().value());
        assertTrue(t.problems().isEmpty(), t.problems().toString());
    }

    @Test
    void belgianInvalidPeakTimestampIsAProblemNotAFailure() throws Exception {
        P1Telegram t = Telegrams.parse("belgium-emucs-fluvius-empty-month.txt");
        assertEquals(1, t.problems().size());
        P1Problem p = t.problems().get(0);
        assertEquals(13, p.lineNumber());
        assertTrue(p.cause().contains("632525252525W"), p.cause());
        assertTrue(p.cause().startsWith("MAXIMUM_DEMAND_HISTORY"), p.cause());
        assertEquals(List.of(), t.peakDemandHistory());
        assertEquals(q("000301.548", "kWh"), t.energyImport(1).orElseThrow());
        assertEquals(q("00008.579", "m3"), t.mbusChannel(2).orElseThrow().reading().orElseThrow().value());
    }

    @Test
    void swedishSagemcomTotalsOnly() throws Exception {
        P1Telegram t = Telegrams.parse("sweden-sagemcom-s211.txt");
        assertEquals(P1Version.NORDIC_ESMR5, t.version());
        assertEquals(q("00006678.394", "kWh"), t.energyImportTotal().orElseThrow());
        assertTrue(t.energyImport(1).isEmpty());
        assertTrue(t.tariffIndicator().isEmpty());
        assertEquals(q("00001020.971", "kvarh"), t.quantity(ObisCode.parse("1-0:4.8.0")).orElseThrow());
        assertEquals(q("0000.161", "kvar"), t.quantity(ObisCode.parse("1-0:44.7.0")).orElseThrow());
        assertEquals(q("004.2", "A"), t.current(Phase.L1).orElseThrow());
        assertEquals(q("241.3", "V"), t.voltage(Phase.L3).orElseThrow());
        assertTrue(t.unknownLines().isEmpty());
    }

    @Test
    void sagemcomWattHoursConvertExactly() throws Exception {
        P1Telegram t = Telegrams.parse("sagemcom-t210-d-r.txt");
        assertEquals(P1Version.DSMR_5, t.version());
        assertEquals(q("006545766", "Wh"), t.energyImportTotal().orElseThrow());
        assertEquals(q("6545.766", "kWh"), t.energyImportTotal().orElseThrow().inKiloUnits());
        assertEquals(q("0.286", "kW"), t.powerImport().orElseThrow().inKiloUnits());
    }

    @Test
    void iskraIrelandHeaderControlByteAndPlainSerial() throws Exception {
        P1Telegram t = Telegrams.parse("iskra-ie5.txt");
        assertEquals(P1Version.OTHER_WITH_CRC, t.version());
        assertEquals("\u0002MIE5T-200", t.header().identification());
        assertEquals("09610", t.equipmentId().orElseThrow());
        assertEquals(q("00.627", "kW"), t.powerExport(Phase.L3).orElseThrow());
        assertEquals(q("000020.363", "kWh"), t.energyImportTotal().orElseThrow());
    }

    @Test
    void hungarianUnknownLinesAreKeptAndReported() throws Exception {
        P1Telegram t = Telegrams.parse("sagemcom-eon-hungary.txt");
        assertEquals(P1Version.OTHER_WITH_CRC, t.version());
        assertEquals(q("000173.640", "kWh"), t.energyImportTotal().orElseThrow());
        assertEquals(q("000000.000", "kWh"), t.energyImport(4).orElseThrow());
        assertEquals(q("4.552", ""), t.quantity(ObisCode.parse("1-0:73.7.0")).orElseThrow());
        assertEquals(q("50.00", "Hz"), t.quantity(ObisCode.parse("1-0:14.7.0")).orElseThrow());
        assertTrue(t.problems().isEmpty(), t.problems().toString());
        assertEquals(List.of(), t.peakDemandHistory(), "the Hungarian 98.1.0 is not the e-MUCS peak form");
        assertEquals(20, t.line(ObisCode.parse("0-0:98.1.0")).orElseThrow().values().size());
    }

    @Test
    void easyMeterWithoutCrcAndFGroups() throws Exception {
        P1Telegram t = Telegrams.parse("easymeter-q3d.txt");
        assertEquals(P1Version.OTHER_WITHOUT_CRC, t.version());
        assertEquals(q("00032549.5061662", "kWh"), t.energyImportTotal().orElseThrow());
        assertEquals(q("001.68821", "kW"), t.powerImport().orElseThrow().inKiloUnits());
        assertEquals(ObisCode.parse("1-0:1.8.0*255"), t.lines().get(1).obis());
        assertEquals("1336001560", t.equipmentId().orElseThrow());
    }

    @Test
    void unknownObisLinesAreKept() throws Exception {
        String text = "/XMX5LGBBFFB231117741\r\n\r\n1-3:0.2.8(42)\r\n1-0:1.8.1(000001.000*kWh)\r\n"
                + "1-0:99.1.7(12.5*X)(ab)\r\n!";
        P1Telegram t = P1Parser.parse(text);
        assertEquals(1, t.unknownLines().size());
        P1Line u = t.unknownLines().get(0);
        assertEquals(ObisCode.parse("1-0:99.1.7"), u.obis());
        assertEquals(List.of(new CosemValue("12.5", "X"), new CosemValue("ab", "")), u.values());
        assertEquals(5, u.lineNumber());
    }

    @Test
    void malformedLinesAreReportedWithLineNumberAndCause() throws Exception {
        String text = "/ISk5\\2MT382-1000\r\n\r\n1-0:1.8.1(0001.x0*kWh)\r\ngarbage\r\n1-0:1.8.2(00012.000*kWh\r\n"
                + "0-0:1.0.0(171302192002W)\r\n!";
        P1Telegram t = P1Parser.parse(text);
        assertEquals(4, t.problems().size(), t.problems().toString());
        assertEquals(3, t.problems().get(0).lineNumber());
        assertTrue(t.problems().get(0).cause().contains("expected a number, found '0001.x0'"), t.problems().get(0).cause());
        assertTrue(t.problems().get(1).cause().contains("expected an OBIS code"), t.problems().get(1).cause());
        assertTrue(t.problems().get(2).cause().contains("expected ')'"), t.problems().get(2).cause());
        assertTrue(t.problems().get(3).cause().contains("MonthOfYear"), t.problems().get(3).cause());
        assertTrue(t.energyImport(1).isEmpty());
        assertTrue(t.timestamp().isEmpty());
    }

    @Test
    void textWithBadCrcIsRejectedWithExpectedAndFound() {
        String good = Telegrams.text("dsmr42-kaifa.txt");
        String bad = good.replace("1-0:1.8.1(001581.123*kWh)", "1-0:1.8.1(001581.124*kWh)");
        P1CrcException e = assertThrows(P1CrcException.class, () -> P1Parser.parse(bad));
        assertEquals(0x6796, e.found());
        assertFalse(e.expected() == 0x6796);
        assertTrue(e.getMessage().contains("found 6796"), e.getMessage());
    }

    @Test
    void missingHeaderOrEnd() {
        P1FormatException noHeader = assertThrows(P1FormatException.class, () -> P1Parser.parse("1-0:1.8.1(1*kWh)\r\n!"));
        assertEquals(1, noHeader.lineNumber());
        P1FormatException noEnd = assertThrows(P1FormatException.class, () -> P1Parser.parse("/ABC5 x\r\n\r\n1-0:1.8.1(1*kWh)\r\n"));
        assertTrue(noEnd.getMessage().contains("'!'"), noEnd.getMessage());
    }

    @Test
    void everyRealTelegramParsesFromTextWithItsCrc() throws Exception {
        for (String name : List.of("dsmr40-kaifa.txt", "dsmr42-kaifa.txt", "dsmr5-iskra-mt382.txt",
                "dsmr5-iskra-am550-two-mbus.txt", "belgium-emucs-fluvius.txt", "belgium-emucs-fluvius-empty-month.txt",
                "sagemcom-t210-d-r.txt", "iskra-ie5.txt", "sagemcom-eon-hungary.txt", "sweden-sagemcom-s211.txt",
                "landisgyr-e360-a.txt", "landisgyr-e360-d.txt")) {
            P1Telegram t = P1Parser.parse(Telegrams.text(name));
            assertTrue(t.crc().isPresent(), name);
            assertTrue(t.version().hasCrc(), name);
        }
    }
}
