package io.meterbridge.meter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meterbridge.telegram.SecondaryAddress;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReadingModelTest {

    static final MeterIdentity KAM = new MeterIdentity("KAM", "Kamstrup", "MULTICAL 303", "82937133", 0x85,
            SecondaryAddress.parse("829371332D2C4004"), 0x04, 0x40);

    @Test
    void energyConvertsExactlyBetweenKwhAndGj() {
        Energy e = new Energy(new BigDecimal("13"), EnergyUnit.KWH);
        assertEquals(new BigDecimal("0.0468"), e.gj());
        assertEquals(new BigDecimal("46.8"), e.mj());
        assertEquals(new BigDecimal("13000"), e.in(EnergyUnit.WH));
        Energy gj = new Energy(new BigDecimal("1.8"), EnergyUnit.GJ);
        assertEquals(new BigDecimal("500"), gj.kWh());
        // 1 GJ = 277.77… kWh: rounded to 16 significant digits
        assertEquals(new BigDecimal("277.7777777777778"), new Energy(BigDecimal.ONE, EnergyUnit.GJ).kWh());
    }

    @Test
    void kamstrupInfoCodeDecodesBits() {
        InfoCode c = InfoCode.kamstrup(256 + 2 + 1024);
        assertEquals(List.of("low_battery", "air_in_flow_sensor", "bit_10"), c.alarms().stream().map(Alarm::key).toList());
        assertEquals("low_battery,air_in_flow_sensor,bit_10", c.keys());
        assertTrue(c.problem());
        InfoCode ok = InfoCode.kamstrup(0);
        assertFalse(ok.problem());
        assertEquals("OK", ok.text());
        assertThrows(IllegalArgumentException.class, () -> InfoCode.kamstrup(-1));
    }

    @Test
    void gasEquivalentIsEnergyOverCalorificValue() {
        // 10 GJ = 10 000 MJ; / 35.17 MJ/m³ = 284.333 m³
        GasEquivalent g = GasEquivalent.of(new Energy(BigDecimal.TEN, EnergyUnit.GJ), new BigDecimal("35.17"));
        assertEquals(new BigDecimal("284.333"), g.volumeM3());
        assertThrows(IllegalArgumentException.class,
                () -> GasEquivalent.of(new Energy(BigDecimal.TEN, EnergyUnit.GJ), BigDecimal.ZERO));
    }

    @Test
    void heatReadingFlattensWithUnitsInKeysAndLeavesOutAbsentValues() {
        HeatReading r = HeatReading.builder(KAM, Instant.parse("2026-11-21T03:00:00Z"))
                .heatEnergy(new Energy(new BigDecimal("13"), EnergyUnit.KWH))
                .volumeM3(new BigDecimal("3.07"))
                .flowTemperatureC(new BigDecimal("23.76"))
                .infoCode(InfoCode.kamstrup(256))
                .targetDate(new TargetDateValues(LocalDate.of(2024, 6, 1), new Energy(BigDecimal.ZERO, EnergyUnit.KWH),
                        null, BigDecimal.ZERO, null, null))
                .build()
                .withGasEquivalent(new BigDecimal("35.17"));
        Map<String, Object> m = r.toMap();
        assertEquals("heat", m.get("type"));
        assertEquals("kam_82937133", m.get("meter_key"));
        assertEquals("829371332D2C4004", m.get("secondary_address"));
        assertEquals("0x40", m.get("version"));
        assertEquals(133, m.get("primary_address"));
        assertEquals(new BigDecimal("13"), m.get("heat_energy"));
        assertEquals("kWh", m.get("heat_energy_unit"));
        assertEquals(new BigDecimal("0.0468"), m.get("heat_energy_gj"));
        assertEquals(new BigDecimal("3.07"), m.get("volume_m3"));
        assertEquals(256L, m.get("info_code"));
        assertEquals("air_in_flow_sensor", m.get("info_alarms"));
        assertEquals(Boolean.TRUE, m.get("problem"));
        assertEquals("2024-06-01", m.get("target_date"));
        assertEquals(new BigDecimal("1.331"), m.get("gas_equivalent_m3_estimate"));
        assertFalse(m.containsKey("return_temperature_c"));
        assertFalse(m.containsValue(null));
    }

    @Test
    void genericReadingKeysRecordsByQuantityWithoutClashingWithIdentity() {
        MeterIdentity id = new MeterIdentity("ACW", "Itron", "Itron water meter, version 0x14", "10492411", 1, null,
                0x07, 0x14);
        GenericReading g = new GenericReading(id, Instant.parse("2026-11-21T03:00:00Z"), null, 0, List.of(
                new RawRecord("0C 13", 0, 0, 0, "instantaneous", "volume", "Volume", "m³", new BigDecimal("1.5"), null,
                        null),
                new RawRecord("0C 13", 0, 0, 0, "instantaneous", "volume", "Volume again", "m³", BigDecimal.TEN, null,
                        null),
                new RawRecord("9C 10 13", 1, 1, 0, "maximum", "volume", "Volume", "m³", BigDecimal.ONE, null, null),
                new RawRecord("01 FD 09", 0, 0, 0, "instantaneous", "medium", "Medium", "", new BigDecimal("7"), null,
                        null),
                new RawRecord("0F", 0, 0, 0, "manufacturer", "manufacturer_data", "Data", "", null, "0102", null)));
        Map<String, Object> m = g.toMap();
        assertEquals(new BigDecimal("1.5"), m.get("volume"), "the first record with a key wins");
        assertEquals(BigDecimal.ONE, m.get("volume_maximum_s1_t1"));
        assertEquals(new BigDecimal("7"), m.get("record_medium"));
        assertEquals("water", m.get("medium"));
        assertFalse(m.containsKey("manufacturer_data"));
    }

    @Test
    void electricityReadingFlattensTariffsPhasesAndGas() {
        MeterIdentity p1 = new MeterIdentity("ISK", "Iskra", "AM550", "E0025000000000000", null, null, 0x02, null);
        ElectricityReading r = ElectricityReading.builder(p1, Instant.parse("2026-11-21T03:00:00Z"))
                .importKwh(1, new BigDecimal("123.456")).importKwh(2, new BigDecimal("654.321"))
                .exportKwh(1, BigDecimal.ZERO)
                .powerImportKw(new BigDecimal("0.345")).tariff(2)
                .phase(new PhaseValues(1, new BigDecimal("229.0"), new BigDecimal("1"), new BigDecimal("0.345"), null,
                        2L, null))
                .channel(new ChannelValue(1, 0x03, "G001", new BigDecimal("1234.567"), "m³",
                        java.time.LocalDateTime.of(2026, 11, 21, 3, 55)))
                .build();
        Map<String, Object> m = r.toMap();
        assertEquals(new BigDecimal("123.456"), m.get("import_t1_kwh"));
        assertEquals(new BigDecimal("0"), m.get("export_t1_kwh"));
        assertEquals(new BigDecimal("229"), m.get("l1_voltage_v"));
        assertEquals(2L, m.get("l1_voltage_sags"));
        assertEquals(new BigDecimal("1234.567"), m.get("gas_m3"));
        assertEquals("2026-11-21T03:55", m.get("gas_time"));
        assertEquals("e0025000000000000".length() + 4, r.meter().stableKey().length());
    }
}
