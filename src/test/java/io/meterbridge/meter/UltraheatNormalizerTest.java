package io.meterbridge.meter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meterbridge.homeassistant.DeviceDiscovery;
import io.meterbridge.homeassistant.DiscoveryConfig;
import io.meterbridge.iec62056.Bcc;
import io.meterbridge.iec62056.DataBlockParser;
import io.meterbridge.iec62056.Identification;
import io.meterbridge.iec62056.Readout;
import io.meterbridge.sim.UltraheatMeter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Landis+Gyr ULTRAHEAT readouts to {@link HeatReading}s: the published readouts of
 * {@code src/test/resources/iec62056/} and the simulated UH50's data blocks.
 */
class UltraheatNormalizerTest {

    static final Instant AT = Instant.parse("2024-03-01T12:00:00Z");
    static final UltraheatNormalizer NORMALIZER = new UltraheatNormalizer();

    /**
     * A published readout: its data lines between STX and {@code !} CR LF ETX, the BCC computed
     * here (only the ultraheat-api UH50 file has one published, and the iec62056 tests check it),
     * and its identification line, or {@code /LUGCUH50} for a file without one (see the README of
     * {@code src/test/resources/meter/}).
     */
    static Readout published(String file) throws Exception {
        String text = Frames.resource("iec62056/" + file);
        StringBuilder data = new StringBuilder();
        String ident = "/LUGCUH50";
        for (String line : text.split("\r\n")) {
            if (line.startsWith("/")) {
                ident = line;
            } else if (!line.isEmpty() && !line.equals("!")) {
                data.append(line).append("\r\n");
            }
        }
        byte[] body = (data + "!\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] block = new byte[body.length + 3];
        block[0] = 0x02;
        System.arraycopy(body, 0, block, 1, body.length);
        block[body.length + 1] = 0x03;
        block[body.length + 2] = (byte) Bcc.compute(block, 1, body.length + 2);
        return new Readout(Identification.parse(ident + "\r\n"), 2400, DataBlockParser.parse(block), 0);
    }

    /** What the simulated meter sends to the UH50 readers' wake-up and request: identification, then the block. */
    static Readout simulated(UltraheatMeter meter) throws Exception {
        byte[] request = new byte[40 + 5];
        System.arraycopy("/?!\r\n".getBytes(StandardCharsets.US_ASCII), 0, request, 40, 5);
        List<UltraheatMeter.Reply> replies = meter.receive(request, 300);
        assertEquals(2, replies.size(), replies::toString);
        byte[] ident = replies.get(0).bytes();
        return new Readout(Identification.parse(ident, 0, ident.length), replies.get(1).baudRate(),
                DataBlockParser.parse(replies.get(1).bytes()), 0);
    }

    @Test
    void publishedUh50InGj() throws Exception {
        // vpathuis/ultraheat tests/LUGCUH50_dummy_utf8.txt; the values are those its test_uh50.py asserts
        HeatReading r = NORMALIZER.normalize(published("uh50-lugcuh50-gj-ultraheat-api.txt"), AT);

        MeterIdentity id = r.meter();
        assertEquals("LUG", id.manufacturer());
        assertEquals("Landis+Gyr", id.manufacturerName());
        assertEquals("ULTRAHEAT UH50", id.model());
        assertEquals("66153690", id.id());
        assertEquals("lug_66153690", id.stableKey());
        assertEquals(0x04, id.medium());
        assertEquals(new Energy(new BigDecimal("328.871"), EnergyUnit.GJ), r.heatEnergy());
        assertEquals(new BigDecimal("3329.67"), r.volumeM3());
        assertEquals(new BigDecimal("107988"), r.operatingHours());
        assertEquals(new BigDecimal("5"), r.errorHours());
        assertEquals(new BigDecimal("22.4"), r.maxPowerKw());
        assertEquals(new BigDecimal("0.744"), r.maxVolumeFlowM3h());
        assertEquals(LocalDateTime.of(2022, 5, 19, 19, 41, 17), r.meterClock());
        assertEquals(new TargetDateValues(LocalDate.of(2022, 1, 1), new Energy(new BigDecimal("314.658"), EnergyUnit.GJ),
                null, new BigDecimal("3188.07"), new BigDecimal("22.4"), new BigDecimal("0.744")), r.targetDate());
        assertNull(r.powerKw(), "the readout has no current power");
        assertNull(r.flowTemperatureC());
        assertNull(r.infoCode(), "F is an error number, not a bit field");
        assertNull(r.status());
    }

    @Test
    void everyDataSetIsARecord() throws Exception {
        Readout readout = published("uh50-lugcuh50-gj-ultraheat-api.txt");
        HeatReading r = NORMALIZER.normalize(readout, AT);
        assertEquals(readout.dataBlock().dataSets().stream().map(d -> d.address().text()).toList(),
                r.records().stream().map(RawRecord::code).toList());

        RawRecord energy = record(r, "6.8");
        assertEquals(List.of("energy", "instantaneous", "GJ", 0L), List.of(energy.quantity(), energy.function(),
                energy.unit(), energy.storage()));
        assertEquals(new BigDecimal("328.871"), energy.number());
        RawRecord previous = record(r, "6.8*01");
        assertEquals(List.of("energy_previous_year", 1L), List.of(previous.quantity(), previous.storage()));
        RawRecord period = record(r, "6.35");
        assertEquals(List.of(new BigDecimal("60"), "min"), List.of(period.number(), period.unit()));
        RawRecord temperatures = record(r, "9.4");
        assertEquals(List.of("maximum", "098.5*C&096.1*C"), List.of(temperatures.function(), temperatures.text()));
        assertEquals("error", record(r, "6.32").function());
        RawRecord ownership = record(r, "9.21");
        assertEquals("66153690", ownership.text(), "an identifier keeps its digits as text");
        assertNull(ownership.number());
        RawRecord unnamed = record(r, "9.22");
        assertEquals(List.of("unknown", "not named by any published source", "R"),
                List.of(unnamed.quantity(), unnamed.description(), unnamed.text()));
        assertEquals("", record(r, "6.8.1").text(), "an empty data set");
    }

    static RawRecord record(HeatReading r, String code) {
        return r.records().stream().filter(x -> x.code().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void t550InMwhAndTheOwnershipNumberAsId() throws Exception {
        // vpathuis/ultraheat tests/LGUHT550_dummy_utf8.txt; its test_t550.py asserts 1173.8232 GJ
        HeatReading r = NORMALIZER.normalize(published("t550-mwh-ultraheat-api.txt"), AT);
        assertEquals(new Energy(new BigDecimal("326.062"), EnergyUnit.MWH), r.heatEnergy());
        assertEquals(new BigDecimal("1173.8232"), r.heatEnergy().gj());
        assertEquals(new BigDecimal("326062"), r.heatEnergy().kWh());
        assertEquals("00073600", r.meter().id(), "9.21, not the device number 66935074 of 9.20");
        assertEquals(new Energy(new BigDecimal("323.272"), EnergyUnit.MWH), r.targetDate().heatEnergy());
        assertEquals(LocalDate.of(2022, 1, 1), r.targetDate().date(), "set day 01-01 before 2022-06-08");

        HeatReading esphome = NORMALIZER.normalize(published("uh50-t550-mwh-esphome-uh50reader.txt"), AT);
        assertEquals(new Energy(new BigDecimal("71.873"), EnergyUnit.MWH), esphome.heatEnergy());
        assertEquals(new BigDecimal("1804.89"), esphome.volumeM3());
        assertEquals(LocalDate.of(2021, 1, 1), esphome.targetDate().date());
    }

    @Test
    void theSimulatedUh50() throws Exception {
        UltraheatMeter meter = UltraheatMeter.uh50(7, LocalDateTime.of(2024, 3, 1, 12, 0));
        BigDecimal energy = meter.energy();
        BigDecimal volume = meter.volume();
        HeatReading r = NORMALIZER.normalize(simulated(meter), AT);
        assertEquals(new Energy(energy, EnergyUnit.GJ), r.heatEnergy());
        assertEquals(volume, r.volumeM3());
        assertEquals("71234567", r.meter().id());
        assertEquals("ULTRAHEAT UH50", r.meter().model());
        assertEquals(LocalDateTime.of(2024, 3, 1, 12, 0), r.meterClock());
        assertEquals(LocalDate.of(2024, 1, 1), r.targetDate().date());
        assertEquals(new BigDecimal("107988"), r.operatingHours());
    }

    @Test
    void theYearlySetDayMovesTheTargetDateValues() throws Exception {
        UltraheatMeter meter = new UltraheatMeter(3, LocalDateTime.of(2024, 12, 31, 22, 0),
                UltraheatMeter.EnergyUnit.KWH, "68940118", "/LUGCUH50");
        HeatReading before = NORMALIZER.normalize(simulated(meter), AT);
        meter.advance(Duration.ofHours(2));
        BigDecimal atSetDay = meter.energy();
        meter.advance(Duration.ofHours(1));
        HeatReading after = NORMALIZER.normalize(simulated(meter), AT);

        assertEquals(LocalDate.of(2024, 1, 1), before.targetDate().date());
        assertEquals(LocalDate.of(2025, 1, 1), after.targetDate().date());
        assertEquals(EnergyUnit.KWH, after.heatEnergy().unit());
        assertEquals(atSetDay, after.targetDate().heatEnergy().value(), "taken at 01-01 00:00");
        assertTrue(after.heatEnergy().value().compareTo(atSetDay) > 0, "and counting on");
    }

    @Test
    void theLastSetDayIsAtOrBeforeTheClock() throws Exception {
        Readout r = published("uh50-lugcuh50-gj-ultraheat-api.txt");
        var setDay = io.meterbridge.iec62056.LandisGyrUltraheat.YEARLY_SET_DAY.in(r.dataBlock());
        assertEquals(LocalDate.of(2022, 1, 1), UltraheatNormalizer.lastSetDay(setDay, LocalDateTime.of(2022, 1, 1, 0, 0)));
        assertEquals(LocalDate.of(2021, 1, 1),
                UltraheatNormalizer.lastSetDay(setDay, LocalDateTime.of(2021, 12, 31, 23, 59, 59)));
        assertNull(UltraheatNormalizer.lastSetDay(setDay, null), "no clock, no date");
    }

    @Test
    void aReadoutWithoutANumberHasNoIdentity() throws Exception {
        byte[] body = "6.8(0328.871*GJ)\r\n!\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] block = new byte[body.length + 3];
        block[0] = 0x02;
        System.arraycopy(body, 0, block, 1, body.length);
        block[body.length + 1] = 0x03;
        block[body.length + 2] = (byte) Bcc.compute(block, 1, body.length + 2);
        Readout readout = new Readout(Identification.parse("/LUGCUH50\r\n"), 2400, DataBlockParser.parse(block), 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NORMALIZER.normalize(readout, AT));
        assertEquals("expected the ownership number (9.21) or the device number (9.20) in the readout of /LUGCUH50,"
                + " found neither", e.getMessage());
    }

    @Test
    void homeAssistantEntitiesOfAUh50() throws Exception {
        HeatReading r = NORMALIZER.normalize(published("uh50-lugcuh50-gj-ultraheat-api.txt"), AT);
        JsonNode config = new ObjectMapper().readTree(
                new DeviceDiscovery(DiscoveryConfig.defaults("1.0.0")).meterConfig(r, null).payload());
        assertEquals("ULTRAHEAT UH50", config.get("dev").get("model").asText());
        assertEquals("Landis+Gyr", config.get("dev").get("manufacturer").asText());
        List<String> entities = new ArrayList<>();
        config.get("cmps").fields().forEachRemaining(e -> entities.add(e.getValue().get("unique_id").asText() + " "
                + e.getValue().path("unit_of_measurement").asText("-")));
        assertEquals(Arrays.asList(
                "meterbridge_lug_66153690_heat_energy GJ",
                "meterbridge_lug_66153690_heat_energy_kwh kWh",
                "meterbridge_lug_66153690_volume m³",
                "meterbridge_lug_66153690_max_power kW",
                "meterbridge_lug_66153690_max_volume_flow m³/h",
                "meterbridge_lug_66153690_operating_hours h",
                "meterbridge_lug_66153690_error_hours h",
                "meterbridge_lug_66153690_target_date -",
                "meterbridge_lug_66153690_target_heat_energy kWh",
                "meterbridge_lug_66153690_target_volume m³",
                "meterbridge_lug_66153690_last_reading -"), entities);
    }
}
