package io.meterbridge.p1;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real Landis+Gyr telegrams (toreamun/amshan, MIT; see src/test/resources/p1/ATTRIBUTION.md):
 * two from an E360 in Sweden ({@code /LGF5E360}, ESMR 5-style totals only) and one from a Dutch
 * {@code /XMX5LG…} DSMR 4.2 meter with gas. Every field is checked against the file.
 */
class LandisGyrTelegramTest {

    private static Quantity q(String value, String unit) {
        return new Quantity(new BigDecimal(value), unit);
    }

    private static Quantity obis(P1Telegram t, String code) {
        return t.quantity(ObisCode.parse(code)).orElseThrow(() -> new AssertionError("no " + code));
    }

    /** The CRC over '/' … '!' computed here, independent of the parser's own check. */
    private static int crcOf(String name) {
        byte[] bytes = Telegrams.bytes(name);
        int end = new String(bytes, StandardCharsets.ISO_8859_1).indexOf('!');
        return Crc16.compute(bytes, 0, end + 1);
    }

    @Test
    void e360aEveryValueAndCrc() throws Exception {
        String name = "landisgyr-e360-a.txt";
        P1Telegram t = Telegrams.parse(name);
        assertEquals("LGF", t.header().manufacturer());
        assertEquals('5', t.header().baudRateId());
        assertEquals("E360", t.header().identification());
        assertEquals(P1Version.NORDIC_ESMR5, t.version());
        assertEquals(0xA077, t.crc().getAsInt());
        assertEquals(0xA077, crcOf(name));
        assertEquals(LocalDateTime.of(2021, 2, 22, 16, 19, 0), t.timestamp().orElseThrow().local());
        assertEquals(DstFlag.WINTER, t.timestamp().orElseThrow().dst());
        assertEquals(q("00000896.020", "kWh"), t.energyImportTotal().orElseThrow());
        assertEquals(q("00000048.792", "kWh"), t.energyExportTotal().orElseThrow());
        assertTrue(t.energyImport(1).isEmpty(), "totals only, no tariffs");
        assertTrue(t.tariffIndicator().isEmpty());
        assertEquals(q("00000518.309", "kVArh"), obis(t, "1-0:3.8.0"));
        assertEquals(q("00000023.732", "kVArh"), obis(t, "1-0:4.8.0"));
        assertEquals(q("0000.000", "kW"), t.powerImport().orElseThrow());
        assertEquals(q("0000.020", "kW"), t.powerExport().orElseThrow());
        assertEquals(q("0000.000", "kVAr"), obis(t, "1-0:3.7.0"));
        assertEquals(q("0000.308", "kVAr"), obis(t, "1-0:4.7.0"));
        assertEquals(q("0000.000", "kW"), t.powerImport(Phase.L1).orElseThrow());
        assertEquals(q("0000.012", "kW"), t.powerExport(Phase.L1).orElseThrow());
        assertEquals(q("0000.000", "kW"), t.powerImport(Phase.L2).orElseThrow());
        assertEquals(q("0000.071", "kW"), t.powerExport(Phase.L2).orElseThrow());
        assertEquals(q("0000.063", "kW"), t.powerImport(Phase.L3).orElseThrow());
        assertEquals(q("0000.000", "kW"), t.powerExport(Phase.L3).orElseThrow());
        assertEquals(q("0000.000", "kVAr"), obis(t, "1-0:23.7.0"));
        assertEquals(q("0000.146", "kVAr"), obis(t, "1-0:24.7.0"));
        assertEquals(q("0000.000", "kVAr"), obis(t, "1-0:43.7.0"));
        assertEquals(q("0000.135", "kVAr"), obis(t, "1-0:44.7.0"));
        assertEquals(q("0000.000", "kVAr"), obis(t, "1-0:63.7.0"));
        assertEquals(q("0000.026", "kVAr"), obis(t, "1-0:64.7.0"));
        assertEquals(q("230.1", "V"), t.voltage(Phase.L1).orElseThrow());
        assertEquals(q("232.2", "V"), t.voltage(Phase.L2).orElseThrow());
        assertEquals(q("230.4", "V"), t.voltage(Phase.L3).orElseThrow());
        assertEquals(q("000.6", "A"), t.current(Phase.L1).orElseThrow());
        assertEquals(q("000.6", "A"), t.current(Phase.L2).orElseThrow());
        assertEquals(q("000.3", "A"), t.current(Phase.L3).orElseThrow());
        assertEquals(27, t.lines().size(), "timestamp and 26 values");
        assertEquals(List.of(), t.mbusChannels());
        assertTrue(t.unknownLines().isEmpty(), t.unknownLines().toString());
        assertTrue(t.problems().isEmpty(), t.problems().toString());
    }

    @Test
    void e360dEveryValueAndCrc() throws Exception {
        String name = "landisgyr-e360-d.txt";
        P1Telegram t = Telegrams.parse(name);
        assertEquals("E360", t.header().identification());
        assertEquals(P1Version.NORDIC_ESMR5, t.version());
        assertEquals(0x8012, t.crc().getAsInt());
        assertEquals(0x8012, crcOf(name));
        assertEquals(LocalDateTime.of(2022, 2, 4, 11, 6, 50), t.timestamp().orElseThrow().local());
        assertEquals(q("00010501.076", "kWh"), t.energyImportTotal().orElseThrow());
        assertEquals(q("00000000.000", "kWh"), t.energyExportTotal().orElseThrow());
        assertEquals(q("00001761.087", "kVArh"), obis(t, "1-0:3.8.0"));
        assertEquals(q("00000008.391", "kVArh"), obis(t, "1-0:4.8.0"));
        assertEquals(q("0002.301", "kW"), t.powerImport().orElseThrow());
        assertEquals(q("0000.000", "kW"), t.powerExport().orElseThrow());
        assertEquals(q("0000.135", "kVAr"), obis(t, "1-0:3.7.0"));
        assertEquals(q("0000.000", "kVAr"), obis(t, "1-0:4.7.0"));
        assertEquals(q("0000.622", "kW"), t.powerImport(Phase.L1).orElseThrow());
        assertEquals(q("0000.667", "kW"), t.powerImport(Phase.L2).orElseThrow());
        assertEquals(q("0001.011", "kW"), t.powerImport(Phase.L3).orElseThrow());
        assertEquals(q("0000.000", "kW"), t.powerExport(Phase.L1).orElseThrow());
        assertEquals(q("0000.000", "kW"), t.powerExport(Phase.L2).orElseThrow());
        assertEquals(q("0000.000", "kW"), t.powerExport(Phase.L3).orElseThrow());
        assertEquals(q("0000.000", "kVAr"), obis(t, "1-0:23.7.0"));
        assertEquals(q("0000.208", "kVAr"), obis(t, "1-0:24.7.0"));
        assertEquals(q("0000.000", "kVAr"), obis(t, "1-0:43.7.0"));
        assertEquals(q("0000.142", "kVAr"), obis(t, "1-0:44.7.0"));
        assertEquals(q("0000.486", "kVAr"), obis(t, "1-0:63.7.0"));
        assertEquals(q("0000.000", "kVAr"), obis(t, "1-0:64.7.0"));
        assertEquals(q("232.1", "V"), t.voltage(Phase.L1).orElseThrow());
        assertEquals(q("233.1", "V"), t.voltage(Phase.L2).orElseThrow());
        assertEquals(q("231.9", "V"), t.voltage(Phase.L3).orElseThrow());
        assertEquals(q("002.8", "A"), t.current(Phase.L1).orElseThrow());
        assertEquals(q("002.9", "A"), t.current(Phase.L2).orElseThrow());
        assertEquals(q("004.8", "A"), t.current(Phase.L3).orElseThrow());
        assertEquals(27, t.lines().size());
        assertTrue(t.problems().isEmpty(), t.problems().toString());
    }

    @Test
    void e360WithOneChangedDigitFailsItsCrc() {
        String bad = Telegrams.text("landisgyr-e360-d.txt").replace("1-0:1.7.0(0002.301*kW)", "1-0:1.7.0(0002.302*kW)");
        P1CrcException e = assertThrows(P1CrcException.class, () -> P1Parser.parse(bad));
        assertEquals(0x8012, e.found(), "the CRC the telegram carries");
        byte[] badBytes = bad.getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(Crc16.compute(badBytes, 0, bad.indexOf('!') + 1), e.expected(), "the CRC of the changed text");
        assertTrue(e.expected() != 0x8012);
    }

    /**
     * The DSMR 4.2 telegram as published ends with a bare {@code !}: the source removed its CRC, so
     * there is none to check; every value is.
     */
    @Test
    void xmx5lgDsmr42EveryValueWithGas() throws Exception {
        P1Telegram t = Telegrams.parse("landisgyr-xmx5lg-dsmr42-no-crc.txt");
        assertEquals("XMX", t.header().manufacturer());
        assertEquals("LGBBFFB231314239", t.header().identification());
        assertEquals(P1Version.OTHER_WITHOUT_CRC, t.version(), "a 4.2 version line but no CRC: not DSMR 2.2/3");
        assertTrue(t.crc().isEmpty());
        assertEquals("42", t.versionInformation().orElseThrow());
        assertEquals(LocalDateTime.of(2018, 9, 24, 13, 21, 32), t.timestamp().orElseThrow().local());
        assertEquals(DstFlag.SUMMER, t.timestamp().orElseThrow().dst());
        assertEquals("E2206017647934515", t.equipmentId().orElseThrow());
        assertEquals(q("011522.839", "kWh"), t.energyImport(1).orElseThrow());
        assertEquals(q("010310.991", "kWh"), t.energyImport(2).orElseThrow());
        assertEquals(q("000000.000", "kWh"), t.energyExport(1).orElseThrow());
        assertEquals(q("000000.000", "kWh"), t.energyExport(2).orElseThrow());
        assertEquals(q("021833.830", "kWh"), t.energyImportTotal().orElseThrow());
        assertEquals("0002", t.tariffIndicator().orElseThrow());
        assertEquals(q("00.503", "kW"), t.powerImport().orElseThrow());
        assertEquals(q("00.000", "kW"), t.powerExport().orElseThrow());
        assertEquals(15, t.powerFailures().getAsLong());
        assertEquals(5, t.longPowerFailures().getAsLong());
        // The log line says (5) entries but carries two: reported with its line number, not guessed.
        assertEquals(List.of(), t.powerFailureLog());
        assertEquals(1, t.problems().size(), t.problems().toString());
        assertEquals(15, t.problems().get(0).lineNumber());
        assertTrue(t.problems().get(0).cause().contains("expected (5)(obis) and 5 (end)(duration) pairs, found 6 groups"),
                t.problems().get(0).cause());
        for (Phase phase : Phase.values()) {
            assertEquals(2, t.voltageSags(phase).getAsLong(), phase.toString());
            assertEquals(0, t.voltageSwells(phase).getAsLong(), phase.toString());
            assertEquals(q("001", "A"), t.current(phase).orElseThrow(), phase.toString());
            assertEquals(q("00.000", "kW"), t.powerExport(phase).orElseThrow(), phase.toString());
            assertTrue(t.voltage(phase).isEmpty(), "this meter sends no voltage");
        }
        assertEquals(q("00.086", "kW"), t.powerImport(Phase.L1).orElseThrow());
        assertEquals(q("00.250", "kW"), t.powerImport(Phase.L2).orElseThrow());
        assertEquals(q("00.166", "kW"), t.powerImport(Phase.L3).orElseThrow());
        assertTrue(t.textMessage().isEmpty());
        assertTrue(t.textMessageCode().isEmpty());
        MBusChannel gas = t.mbusChannel(1).orElseThrow();
        assertEquals(MBusChannel.GAS, gas.deviceType().getAsInt());
        assertEquals("G1018340158872434", gas.equipmentId().orElseThrow());
        MBusReading reading = gas.reading().orElseThrow();
        assertEquals(q("04890.857", "m3"), reading.value());
        assertEquals(LocalDateTime.of(2018, 9, 24, 13, 0, 0), reading.capturedAt().local());
        assertEquals(ObisCode.parse("0-1:24.2.1"), reading.source());
        assertTrue(t.unknownLines().isEmpty(), t.unknownLines().toString());
    }
}
