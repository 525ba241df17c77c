package io.meterbridge.meter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meterbridge.p1.P1Frame;
import io.meterbridge.p1.P1Header;
import io.meterbridge.p1.P1Parser;
import io.meterbridge.p1.P1Telegram;
import io.meterbridge.p1.Quantity;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * The published telegrams of athombv/node-dsmr-parser (src/test/resources/p1, see ATTRIBUTION.md)
 * normalised into {@link ElectricityReading}s. Their CRCs are checked in
 * {@code io.meterbridge.p1.PublishedTelegramTest}; here the content is read with the CRC unchecked
 * (several carry a placeholder or anonymised CRC), and every field is compared with the telegram text.
 */
class PublishedTelegramNormalizationTest {

    private static final Instant READ_AT = Instant.parse("2026-11-21T03:00:00Z");
    private final P1Normalizer normalizer = new P1Normalizer();

    private static P1Telegram content(String name) throws Exception {
        try (InputStream in = PublishedTelegramNormalizationTest.class.getResourceAsStream("/p1/" + name)) {
            if (in == null) {
                throw new IOException("no test telegram " + name);
            }
            byte[] bytes = in.readAllBytes();
            // P1Parser.parse(P1Frame) trusts the framer's CRC check and does not repeat it.
            return P1Parser.parse(new P1Frame(bytes, 0, OptionalInt.empty()));
        }
    }

    private ElectricityReading reading(String name) throws Exception {
        return normalizer.normalize(content(name), READ_AT);
    }

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @Test
    void luxembourgSmartyTotalsOnlyAndTwoOfFourChannelsWithValues() throws Exception {
        ElectricityReading r = reading("luxembourg-smarty-spec-example.txt");
        assertEquals("LUX", r.meter().manufacturer());
        assertEquals("Creos (Smarty)", r.meter().manufacturerName());
        assertEquals("53694471_M (Smarty)", r.meter().model());
        assertEquals("SAG1030790002574", r.meter().id());
        assertEquals(LocalDateTime.of(2020, 7, 6, 10, 41, 57), r.meterClock());
        assertEquals(d("000025.653"), r.importKwh());
        assertEquals(d("000000.040"), r.exportKwh());
        assertTrue(r.importKwhByTariff().isEmpty() && r.exportKwhByTariff().isEmpty(), "totals only");
        assertNull(r.tariff());
        assertEquals(d("00.005"), r.powerImportKw());
        assertEquals(d("00.000"), r.powerExportKw());
        assertEquals(List.of(
                new PhaseValues(1, d("233.0"), d("000"), d("00.005"), d("00.000"), 40L, 0L),
                new PhaseValues(2, d("000.0"), d("000"), d("00.000"), d("00.000"), 3L, 0L),
                new PhaseValues(3, d("001.0"), d("000"), d("00.000"), d("00.000"), 2L, 0L)), r.phases());
        assertEquals(99L, r.powerFailures());
        assertNull(r.longPowerFailures());
        assertNull(r.textMessage());
        // Four M-Bus channels in the telegram; the two water meters (2, 3) have no valid value
        // (timestamp 632525252525S, no unit), so only the gas meters on 1 and 4 carry readings.
        assertEquals(List.of(
                new ChannelValue(1, 3, "FLO189900060355", d("00000.006"), "m³", LocalDateTime.of(2020, 7, 6, 10, 31, 40)),
                new ChannelValue(4, 3, "ELS353589980300", d("00028.103"), "m³", LocalDateTime.of(2020, 7, 6, 10, 29, 0))),
                r.channels());
        assertEquals(1, r.gas().channel());
        assertEquals(64, r.records().size(), "every OBIS line, the two problem lines included");
    }

    @Test
    void kamstrupKam5WithoutClockOrIdentifier() throws Exception {
        ElectricityReading r = reading("kamstrup-omnia-kam5.txt");
        assertEquals("KAM", r.meter().manufacturer());
        assertEquals("Kamstrup", r.meter().manufacturerName());
        assertEquals("P1 meter (ESMR 5 HAN)", r.meter().model());
        // no identification text and no equipment identifier: the identification line is the ID
        assertEquals("KAM5", r.meter().id());
        assertNull(r.meterClock(), "250000000000W is no date");
        assertEquals(d("00000123.321"), r.importKwh());
        assertEquals(d("00000456.654"), r.exportKwh());
        assertTrue(r.importKwhByTariff().isEmpty());
        assertNull(r.tariff());
        assertEquals(d("0002.424"), r.powerImportKw());
        assertEquals(d("0000.000"), r.powerExportKw());
        assertEquals(List.of(
                new PhaseValues(1, d("225.4"), d("003.4"), d("0000.682"), d("0000.000"), null, null),
                new PhaseValues(2, d("229.4"), d("003.9"), d("0000.750"), d("0000.000"), null, null),
                new PhaseValues(3, d("225.9"), d("004.6"), d("0000.992"), d("0000.000"), null, null)), r.phases());
        assertNull(r.powerFailures());
        assertTrue(r.channels().isEmpty());
        assertEquals(27, r.records().size());
    }

    @Test
    void dsmr30SpecExampleWithHourlyGas() throws Exception {
        ElectricityReading r = reading("dsmr30-spec-example.txt");
        assertEquals("Iskra", r.meter().manufacturerName());
        assertEquals("MT382-1000 (DSMR 2.2/3)", r.meter().model());
        assertEquals("K8EG004046395507", r.meter().id());
        assertNull(r.meterClock());
        assertEquals(d("24691.356"), r.importKwh());
        assertEquals(d("24691.356"), r.exportKwh());
        assertEquals(d("12345.678"), r.importKwhByTariff().get(2));
        assertEquals(2, r.tariff());
        assertEquals(d("001.19"), r.powerImportKw());
        assertTrue(r.phases().isEmpty());
        assertEquals("0123456789:;<=>?".repeat(5), r.textMessage());
        assertEquals(List.of(new ChannelValue(1, 3, "2222ABCD123456789", d("00000.000"), "m³",
                LocalDateTime.of(2009, 2, 12, 16, 0))), r.channels());
    }

    /** The normaliser bug this telegram showed: units in lower case gave no kWh, kW, V or A at all. */
    @Test
    void lowerCaseUnitsAreReadAsTheStandardUnits() throws Exception {
        ElectricityReading r = reading("dsmr50-spec-example-lowercase-units.txt");
        assertEquals("MT382-1000 (DSMR 5.0)", r.meter().model());
        assertEquals(LocalDateTime.of(2010, 12, 9, 11, 30, 20), r.meterClock());
        assertEquals(d("246913.578"), r.importKwh());
        assertEquals(d("246913.578"), r.exportKwh());
        assertEquals(d("123456.789"), r.importKwhByTariff().get(1));
        assertEquals(d("123456.789"), r.exportKwhByTariff().get(2));
        assertEquals(d("01.193"), r.powerImportKw());
        assertEquals(d("00.000"), r.powerExportKw());
        assertEquals(List.of(
                new PhaseValues(1, d("220.1"), d("001"), d("01.111"), d("04.444"), 2L, 0L),
                new PhaseValues(2, d("220.2"), d("002"), d("02.222"), d("05.555"), 1L, 3L),
                new PhaseValues(3, d("220.3"), d("003"), d("03.333"), d("06.666"), 0L, 0L)), r.phases());
        assertEquals(4L, r.powerFailures());
        assertEquals(2L, r.longPowerFailures());
        assertEquals("0123456789:;<=>?".repeat(5), r.textMessage());
        assertEquals(new ChannelValue(1, 3, "2222ABCD123456789", d("12785.123"), "m³",
                LocalDateTime.of(2010, 12, 9, 11, 25)), r.gas());
        // the same telegram with upper-case units reads the same
        ElectricityReading upper = reading("dsmr50-spec-example.txt");
        assertEquals(upper.importKwh(), r.importKwh());
        assertEquals(upper.phases(), r.phases());
        assertEquals(upper.gas(), r.gas());
    }

    @Test
    void canonicalUnitFoldsCaseOnlyWhereUnambiguous() {
        assertEquals(new Quantity(d("1.5"), "kWh"), P1Normalizer.canonicalUnit(new Quantity(d("1.5"), "KWH")));
        assertEquals(new Quantity(d("7"), "W"), P1Normalizer.canonicalUnit(new Quantity(d("7"), "w")));
        assertEquals(new Quantity(d("230"), "V"), P1Normalizer.canonicalUnit(new Quantity(d("230"), "v")));
        assertEquals(new Quantity(d("2"), "mwh"), P1Normalizer.canonicalUnit(new Quantity(d("2"), "mwh")), "milli or mega?");
        assertNull(P1Normalizer.kwh(new Quantity(d("2"), "mwh")));
        assertEquals(d("2000"), P1Normalizer.kwh(new Quantity(d("2"), "MWh")));
        assertEquals(d("0.007"), P1Normalizer.kw(new Quantity(d("7"), "w")));
    }

    @Test
    void emucs211ThreePhaseWithGasAndWater() throws Exception {
        ElectricityReading r = reading("belgium-emucs-2.1.1-spec-example-1.txt");
        assertEquals("Fluvius", r.meter().manufacturerName());
        assertEquals("53769484_A (e-MUCS)", r.meter().model());
        assertEquals("1SAG3101021605", r.meter().id());
        assertEquals(LocalDateTime.of(2020, 5, 12, 13, 54, 9), r.meterClock());
        assertEquals(d("15.792"), r.importKwh());
        assertEquals(d("0.011"), r.exportKwh());
        assertEquals(d("000000.034"), r.importKwhByTariff().get(1));
        assertEquals(d("000015.758"), r.importKwhByTariff().get(2));
        assertEquals(1, r.tariff());
        assertEquals(3, r.phases().size());
        assertEquals(new PhaseValues(2, d("234.7"), d("000.00"), d("00.000"), d("00.000"), null, null), r.phases().get(1));
        assertEquals(List.of(
                new ChannelValue(1, 3, "7FLO2119033733", d("00112.384"), "m³", LocalDateTime.of(2020, 5, 12, 13, 45, 58)),
                new ChannelValue(2, 7, "8SAG1234567890", d("00872.234"), "m³", LocalDateTime.of(2020, 5, 12, 13, 45, 58))),
                r.channels(), "channels 3 and 4 carry only a breaker line");
        RawRecord unknown = r.records().get(1);
        assertEquals("1-0:94.32.1", unknown.code());
        assertEquals("unknown", unknown.quantity());
        assertEquals("(400)", unknown.text());
    }

    @Test
    void emucs211SinglePhase() throws Exception {
        ElectricityReading r = reading("belgium-emucs-2.1.1-spec-example-2.txt");
        assertEquals("53770234_A (e-MUCS)", r.meter().model());
        assertEquals("1SAG1100000231", r.meter().id());
        assertEquals(d("2.870"), r.importKwh());
        assertEquals(d("0.030"), r.exportKwh());
        assertEquals(List.of(new PhaseValues(1, d("234.6"), d("000.00"), d("00.000"), d("00.000"), null, null)), r.phases());
        assertEquals(2, r.channels().size());
    }

    /** The XT211 writes its registers on measurement channel 1 ({@code 1-1:1.8.1}); they count. */
    @Test
    void sagemcomXt211RegistersOnMeasurementChannelOne() throws Exception {
        ElectricityReading r = reading("sagemcom-xt211.txt");
        assertEquals("GRE", r.meter().manufacturer());
        assertEquals("12341234_A (e-MUCS)", r.meter().model());
        assertEquals("12341234_A", r.meter().id());
        assertNull(r.meterClock(), "123412341234W is no date");
        assertEquals(d("6811.848"), r.importKwh());
        assertEquals(d("4482.686"), r.exportKwh());
        assertEquals(d("001595.070"), r.importKwhByTariff().get(1));
        assertEquals(d("005216.778"), r.importKwhByTariff().get(2));
        assertEquals(d("004478.038"), r.exportKwhByTariff().get(1));
        assertEquals(d("000004.648"), r.exportKwhByTariff().get(2));
        assertEquals(1, r.tariff());
        assertEquals(d("01.622"), r.powerImportKw());
        assertEquals(d("00.000"), r.powerExportKw());
        assertEquals(List.of(
                new PhaseValues(1, d("238.9"), d("005.15"), d("00.000"), d("01.175"), 2L, 0L),
                new PhaseValues(2, d("231.9"), d("017.19"), d("03.946"), d("00.000"), 1L, 0L),
                new PhaseValues(3, d("239.7"), d("005.02"), d("00.000"), d("01.148"), 1L, 0L)), r.phases());
        assertEquals(18L, r.powerFailures());
        assertEquals(4L, r.longPowerFailures());
        RawRecord t1 = r.records().stream().filter(x -> x.code().equals("1-1:1.8.1")).findFirst().orElseThrow();
        assertEquals("energy_import_tariff_1", t1.quantity());
        assertEquals(1, t1.tariff());
        assertEquals("kWh", t1.unit());
    }

    @Test
    void sagemcomEstWattHoursScaledExactly() throws Exception {
        ElectricityReading r = reading("sagemcom-est-dsmr5-wh-units.txt");
        assertEquals("Sagemcom", r.meter().manufacturerName());
        // backslash-1 reads as the IEC 62056-21 mode mark (backslash and digit), as backslash-2 does in real headers;
        // the publisher's anonymised identification "123456789_A" loses its first digit to it
        assertEquals("23456789_A (DSMR 5.0)", r.meter().model());
        assertEquals("23456789_A", r.meter().id());
        assertEquals(d("201.282"), r.importKwh());
        assertEquals(d("320.908"), r.exportKwh());
        assertEquals(d("134.904"), r.importKwhByTariff().get(1));
        assertEquals(d("66.378"), r.importKwhByTariff().get(2));
        assertEquals(d("317.131"), r.exportKwhByTariff().get(1));
        assertEquals(d("3.777"), r.exportKwhByTariff().get(2));
        assertEquals(d("0.000"), r.powerImportKw());
        assertEquals(d("3.996"), r.powerExportKw());
        assertTrue(r.phases().isEmpty());
        assertNull(r.tariff());
    }

    @Test
    void enexisT210dExportingWithoutGas() throws Exception {
        ElectricityReading r = reading("sagemcom-t210-d-enexis-esmr5.txt");
        assertEquals("ENE", r.meter().manufacturer());
        assertEquals("Sagemcom", r.meter().manufacturerName());
        assertEquals("T210-D ESMR5.0 (DSMR 5.0)", r.meter().model());
        assertEquals("serienummer", r.meter().id());
        assertEquals(d("23.687"), r.importKwh());
        assertEquals(d("7321.088"), r.exportKwh());
        assertEquals(2, r.tariff());
        assertEquals(d("00.566"), r.powerExportKw());
        assertEquals(new PhaseValues(3, d("226.0"), d("004"), d("00.000"), d("00.257"), 24L, 0L), r.phases().get(2));
        assertEquals(220L, r.powerFailures());
        assertEquals(34L, r.longPowerFailures());
        assertTrue(r.channels().isEmpty());
    }

    /** The normaliser bug this telegram showed: {@code \T210-D} lost its T as if it were a mode mark. */
    @Test
    void backslashFollowedByALetterIsNoModeMark() throws Exception {
        assertEquals("T210-D ESMR5.0", P1Normalizer.identification(new P1Header("Ene", '5', "\\T210-D ESMR5.0")));
        assertEquals("M550T-1012", P1Normalizer.identification(new P1Header("ISk", '5', "\\2M550T-1012")));
        assertEquals("12341234_A", P1Normalizer.identification(new P1Header("GRE", '5', "\\\\12341234_A")));
        assertEquals("KA6U001585654321", P1Normalizer.identification(new P1Header("KMP", '5', " KA6U001585654321")));
    }

    @Test
    void landisGyrDsmr40SinglePhaseOnlyCounters() throws Exception {
        ElectricityReading r = reading("landisgyr-xmx-dsmr40-single-phase.txt");
        assertEquals("Landis+Gyr", r.meter().manufacturerName());
        assertEquals("LGBBFFB231216240 (DSMR 4.0)", r.meter().model());
        assertEquals("E0004001591092214", r.meter().id());
        assertEquals(LocalDateTime.of(2000, 1, 1, 1, 0), r.meterClock());
        assertEquals(d("1990.002"), r.importKwh());
        assertEquals(d("0.000"), r.exportKwh());
        assertEquals(1, r.tariff());
        assertEquals(List.of(new PhaseValues(1, null, null, null, null, 0L, 0L)), r.phases());
        assertEquals(23L, r.powerFailures());
        assertEquals(0L, r.longPowerFailures());
    }

    @Test
    void landisGyrUnknownModelWithoutCrc() throws Exception {
        ElectricityReading r = reading("landisgyr-xmx-unknown-no-crc.txt");
        assertEquals("XMXABCE000012345 (DSMR 2.2/3)", r.meter().model());
        assertEquals("0123456789ABCDEF", r.meter().id());
        assertEquals(d("23448.998"), r.importKwh());
        assertEquals(d("0.000"), r.exportKwh());
        assertEquals(d("0000.55"), r.powerImportKw());
        assertEquals(1, r.tariff());
        assertNull(r.textMessage());
    }
}
