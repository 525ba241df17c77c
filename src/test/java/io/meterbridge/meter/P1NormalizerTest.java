package io.meterbridge.meter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meterbridge.p1.P1Parser;
import io.meterbridge.p1.P1Telegram;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * P1 telegrams (real ones from src/test/resources/p1, see ATTRIBUTION.md there) into
 * {@link ElectricityReading}: every field checked against the telegram's own lines.
 */
class P1NormalizerTest {

    private static final Instant READ_AT = Instant.parse("2026-11-21T03:00:00Z");
    private final P1Normalizer normalizer = new P1Normalizer();

    static P1Telegram telegram(String name) throws Exception {
        try (InputStream in = P1NormalizerTest.class.getResourceAsStream("/p1/" + name)) {
            if (in == null) {
                throw new IOException("no test telegram " + name);
            }
            return P1Parser.parse(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
        }
    }

    private ElectricityReading reading(String name) throws Exception {
        return normalizer.normalize(telegram(name), READ_AT);
    }

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @Test
    void dsmr5WithTwoMbusChannelsGivesEveryFieldAndSkipsTheEmptyChannel() throws Exception {
        ElectricityReading r = reading("dsmr5-iskra-am550-two-mbus.txt");
        MeterIdentity id = r.meter();
        assertEquals("ISK", id.manufacturer());
        assertEquals("Iskra", id.manufacturerName());
        assertEquals("M550T-1012 (DSMR 5.0)", id.model());
        assertEquals("E0044007382246019", id.id());
        assertEquals(0x02, id.medium());
        assertNull(id.primaryAddress());
        assertEquals("isk_e0044007382246019", id.stableKey());
        assertEquals(READ_AT, r.readAt());
        assertEquals(LocalDateTime.of(2020, 4, 26, 22, 33, 25), r.meterClock());
        assertEquals(d("002130.115"), r.importKwhByTariff().get(1));
        assertEquals(d("000245.467"), r.importKwhByTariff().get(2));
        assertEquals(d("000000.000"), r.exportKwhByTariff().get(1));
        // no 1.8.0 line: the total is the exact sum of the tariff registers
        assertEquals(d("2375.582"), r.importKwh());
        assertEquals(0, d("0").compareTo(r.exportKwh()));
        assertEquals(1, r.tariff());
        assertEquals(d("00.111"), r.powerImportKw());
        assertEquals(d("00.000"), r.powerExportKw());
        assertEquals(3, r.phases().size());
        PhaseValues l1 = r.phases().get(0);
        assertEquals(new PhaseValues(1, d("229.9"), d("000"), d("00.056"), d("00.000"), 1L, 1L), l1);
        PhaseValues l3 = r.phases().get(2);
        assertEquals(new PhaseValues(3, d("222.9"), d("001"), d("00.055"), d("00.000"), 192L, 1L), l3);
        assertEquals(5L, r.powerFailures());
        assertEquals(3L, r.longPowerFailures());
        assertNull(r.textMessage());
        // channel 1 is an empty slot (no unit): left out; the gas meter is on channel 2
        assertEquals(1, r.channels().size());
        ChannelValue gas = r.gas();
        assertEquals(new ChannelValue(2, 3, "G0039001936990619", d("00246.138"), "m³",
                LocalDateTime.of(2020, 4, 26, 22, 30, 1)), gas);
        Map<String, Object> m = r.toMap();
        assertEquals("electricity", m.get(ReadingKeys.TYPE));
        assertEquals(d("2375.582"), m.get(ReadingKeys.IMPORT_KWH));
        assertEquals(d("2130.115"), m.get("import_t1_kwh"));
        assertEquals(d("246.138"), m.get(ReadingKeys.GAS_M3));
        assertEquals("2020-04-26T22:30:01", m.get(ReadingKeys.GAS_TIME));
        assertEquals(d("229.9"), m.get("l1_voltage_v"));
        assertEquals(192L, m.get("l3_voltage_sags"));
    }

    @Test
    void rawRecordsKeepEveryLineInOrderWithTariffAndChannel() throws Exception {
        P1Telegram t = telegram("dsmr5-iskra-am550-two-mbus.txt");
        ElectricityReading r = normalizer.normalize(t, READ_AT);
        assertEquals(t.lines().size(), r.records().size());
        RawRecord t2 = r.records().stream().filter(x -> x.code().equals("1-0:1.8.2")).findFirst().orElseThrow();
        assertEquals(2, t2.tariff());
        assertEquals("energy_import_tariff_2", t2.quantity());
        assertEquals("kWh", t2.unit());
        assertEquals(d("000245.467"), t2.number());
        RawRecord gasId = r.records().stream().filter(x -> x.code().equals("0-2:96.1.0")).findFirst().orElseThrow();
        assertEquals(2, gasId.subunit());
        assertEquals("G0039001936990619", gasId.text());
        RawRecord version = r.records().get(0);
        assertEquals("1-3:0.2.8", version.code());
        assertEquals("50", version.text());
        RawRecord log = r.records().stream().filter(x -> x.code().equals("1-0:99.97.0")).findFirst().orElseThrow();
        assertEquals("(1)(0-0:96.7.19)(190326095015W)(0000002014*s)", log.text());
    }

    @Test
    void dsmr3GasOnItsContinuationLineWithoutTimestampOrCrc() throws Exception {
        ElectricityReading r = reading("dsmr3-kamstrup-162.txt");
        assertEquals("KMP", r.meter().manufacturer());
        assertEquals("Kamstrup", r.meter().manufacturerName());
        assertEquals("KA6U001585654321 (DSMR 2.2/3)", r.meter().model());
        assertNull(r.meterClock());
        assertEquals(d("000180.670"), r.importKwhByTariff().get(1));
        assertEquals(d("272.560"), r.importKwh());
        assertEquals(d("196.600"), r.exportKwh());
        assertEquals(2, r.tariff());
        assertEquals(d("212.33"), r.powerImportKw());
        assertTrue(r.phases().isEmpty());
        assertNull(r.powerFailures());
        assertEquals(4, r.channels().size());
        assertEquals(List.of(1, 2, 3, 4), r.channels().stream().map(ChannelValue::channel).toList());
        assertEquals(d("00100.006"), r.gas().value());
        assertEquals(LocalDateTime.of(2014, 1, 1, 0, 41), r.gas().capturedAt());
        assertEquals(d("00300.006"), r.channels().get(2).value());
    }

    @Test
    void belgianEmucsUncorrectedGasAndWaterChannel() throws Exception {
        ElectricityReading r = reading("belgium-emucs-fluvius.txt");
        assertEquals("Fluvius", r.meter().manufacturerName());
        assertEquals("53769484_A (e-MUCS)", r.meter().model());
        assertEquals("1SAG3101021605", r.meter().id());
        assertEquals(d("15.792"), r.importKwh());
        assertEquals(d("0.011"), r.exportKwh());
        assertEquals(d("234.7"), r.phases().get(1).voltageV());
        assertEquals(d("000.00"), r.phases().get(1).currentA());
        ChannelValue gas = r.gas();
        assertEquals(d("00112.384"), gas.value());
        assertEquals(1, gas.channel());
        ChannelValue water = r.channels().get(1);
        assertEquals(7, water.deviceType());
        assertFalse(water.isGas());
        assertEquals(d("00872.234"), water.value());
        assertEquals("m³", water.unit());
        assertEquals(d("872.234"), r.toMap().get("mbus2_value"));
    }

    @Test
    void nordicTotalsOnlyWithoutTariffs() throws Exception {
        ElectricityReading r = reading("sweden-sagemcom-s211.txt");
        assertEquals("Sagemcom", r.meter().manufacturerName());
        assertEquals("53833635_A (ESMR 5 HAN)", r.meter().model());
        // no equipment identifier in the telegram: the identification line (after the "\\2" mode mark) identifies it
        assertEquals("53833635_A", r.meter().id());
        assertEquals(d("00006678.394"), r.importKwh());
        assertEquals(d("00000000.000"), r.exportKwh());
        assertTrue(r.importKwhByTariff().isEmpty());
        assertNull(r.tariff());
        assertEquals(d("0001.727"), r.powerImportKw());
        assertEquals(new PhaseValues(1, d("240.3"), d("004.2"), d("0001.023"), d("0000.000"), null, null),
                r.phases().get(0));
        assertTrue(r.channels().isEmpty());
        assertNull(r.gas());
    }

    @Test
    void wattMetersAreScaledToKilowattsExactly() throws Exception {
        ElectricityReading r = reading("easymeter-q3d.txt");
        assertEquals("EasyMeter", r.meter().manufacturerName());
        assertEquals(d("00032549.5061662"), r.importKwh());
        assertEquals(d("1.68821"), r.powerImportKw());
        assertEquals(d("0.55729"), r.phases().get(0).powerImportKw());
        assertNull(r.phases().get(0).voltageV());
    }

    @Test
    void smartyAndHungarianTotalsAreTheMetersOwnRegisters() throws Exception {
        ElectricityReading smarty = reading("sagemcom-t210-d-r.txt");
        assertNotNull(smarty.importKwh());
        ElectricityReading hu = reading("sagemcom-eon-hungary.txt");
        // 1.8.0 is sent, and wins over the sum of 1.8.1..4 (which here happens to be equal)
        assertEquals(d("000173.640"), hu.importKwh());
        assertEquals(d("000627.177"), hu.exportKwh());
        assertEquals(d("000047.719"), hu.importKwhByTariff().get(1));
        assertEquals(4, hu.importKwhByTariff().size());
        assertEquals(d("02.601"), hu.powerExportKw());
        assertEquals("SAG", hu.meter().manufacturer());
    }

    @ParameterizedTest
    @ValueSource(strings = {"belgium-emucs-fluvius-empty-month.txt", "dsmr22-iskra-mt382.txt", "dsmr3-iskra-mt382.txt",
        "dsmr40-kaifa.txt", "dsmr42-kaifa.txt", "dsmr5-iskra-mt382.txt", "iskra-ie5.txt"})
    void everyOtherRealTelegramYieldsAReadingWithEnergyAndEveryLine(String name) throws Exception {
        P1Telegram t = telegram(name);
        ElectricityReading r = normalizer.normalize(t, READ_AT);
        assertNotNull(r.importKwh(), name);
        assertEquals(t.lines().size(), r.records().size(), name);
        assertEquals(t.equipmentId().orElse(r.meter().id()), r.meter().id(), name);
        assertTrue(r.toMap().containsKey(ReadingKeys.IMPORT_KWH), name);
    }

    @Test
    void tariffIndicatorThatIsNoNumberIsLeftOut() {
        assertEquals(2, P1Normalizer.tariffNumber("0002"));
        assertNull(P1Normalizer.tariffNumber("T2"));
        assertNull(P1Normalizer.tariffNumber(""));
    }
}
