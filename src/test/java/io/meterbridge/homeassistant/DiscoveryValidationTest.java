package io.meterbridge.homeassistant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meterbridge.meter.ChannelValue;
import io.meterbridge.meter.ElectricityReading;
import io.meterbridge.meter.Energy;
import io.meterbridge.meter.EnergyUnit;
import io.meterbridge.meter.GenericReading;
import io.meterbridge.meter.HeatReading;
import io.meterbridge.meter.InfoCode;
import io.meterbridge.meter.KamstrupExpected;
import io.meterbridge.meter.MeterIdentity;
import io.meterbridge.meter.PhaseValues;
import io.meterbridge.meter.RawRecord;
import io.meterbridge.meter.Reading;
import io.meterbridge.telegram.SecondaryAddress;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every discovery payload meterbridge generates, held against {@link HomeAssistantRules}. */
class DiscoveryValidationTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final DeviceDiscovery DISCOVERY = new DeviceDiscovery(DiscoveryConfig.defaults("1.2.3"));
    static final Instant AT = KamstrupExpected.READ_AT;

    /** A heat meter of a brand without profile: the generic heat profile's values, GJ energy, error flags. */
    static HeatReading unknownHeatMeter() {
        MeterIdentity id = new MeterIdentity("LUG", "Landis+Gyr", "Landis+Gyr heat meter, version 0x07", "12345678",
                7, SecondaryAddress.parse("1234567827A40704"), 0x04, 0x07);
        return HeatReading.builder(id, AT).heatEnergy(new Energy(new BigDecimal("12.345"), EnergyUnit.GJ))
                .volumeM3(new BigDecimal("1021.5")).powerKw(new BigDecimal("3.2"))
                .infoCode(InfoCode.errorFlags(0)).build();
    }

    /** A water meter: only records. */
    static GenericReading waterMeter() {
        MeterIdentity id = new MeterIdentity("ACW", "Itron", "Itron water meter, version 0x14", "10492411", 1,
                null, 0x07, 0x14);
        return new GenericReading(id, AT, null, 0, List.of(
                new RawRecord("0C 13", 0, 0, 0, "instantaneous", "volume", "Volume", "m³", new BigDecimal("0.123"),
                        null, null),
                new RawRecord("4C 13", 1, 0, 0, "instantaneous", "volume", "Volume", "m³", new BigDecimal("0.1"),
                        null, null),
                new RawRecord("0B 3B", 0, 0, 0, "instantaneous", "volume_flow", "Volume flow", "m³/h",
                        new BigDecimal("0"), null, null),
                new RawRecord("02 FD 74", 0, 0, 0, "instantaneous", "remaining_battery_life", "Battery", "d",
                        new BigDecimal("4000"), null, null),
                new RawRecord("0F", 0, 0, 0, "manufacturer", "manufacturer_data", "Manufacturer data", "", null,
                        "0102", null)));
    }

    static ElectricityReading electricityMeter() {
        MeterIdentity id = new MeterIdentity("ISK", "Iskra", "AM550", "E0025000012345678", null, null, 0x02, null);
        return ElectricityReading.builder(id, AT)
                .importKwh(1, new BigDecimal("1234.567")).importKwh(2, new BigDecimal("2345.678"))
                .exportKwh(1, new BigDecimal("12.3")).exportKwh(2, new BigDecimal("4.5"))
                .powerImportKw(new BigDecimal("0.512")).powerExportKw(BigDecimal.ZERO).tariff(2)
                .phase(new PhaseValues(1, new BigDecimal("231.2"), new BigDecimal("2"), new BigDecimal("0.512"),
                        BigDecimal.ZERO, 3L, 0L))
                .powerFailures(4L).longPowerFailures(1L)
                .channel(new ChannelValue(1, 0x03, "4730303339303031", new BigDecimal("3456.789"), "m³",
                        java.time.LocalDateTime.of(2026, 11, 21, 3, 0)))
                .build();
    }

    static Stream<Reading> readings() {
        return Stream.of(KamstrupExpected.multical303Heat(), KamstrupExpected.multical303HeatCooling(),
                KamstrupExpected.multical403Heat(), KamstrupExpected.multical303Heat().withGasEquivalent(
                        new BigDecimal("35.17")), unknownHeatMeter(), waterMeter(), electricityMeter());
    }

    /** The same discovery for the newest Home Assistant whose device classes were checked. */
    static final DeviceDiscovery NEWEST = new DeviceDiscovery(DiscoveryConfig.defaults("1.2.3")
            .forHomeAssistant(HomeAssistantRules.NEWEST));

    static Stream<org.junit.jupiter.params.provider.Arguments> readingsForEachRelease() {
        return Stream.of(HomeAssistantRules.OLDEST, HomeAssistantRules.NEWEST)
                .flatMap(v -> readings().map(r -> org.junit.jupiter.params.provider.Arguments.of(v, r)));
    }

    @ParameterizedTest(name = "Home Assistant {0}: {1}")
    @MethodSource("readingsForEachRelease")
    void meterConfigPassesTheRulesOfTheReleaseItIsFor(HomeAssistantVersion ha, Reading reading) {
        DeviceDiscovery d = new DeviceDiscovery(DiscoveryConfig.defaults("1.2.3").forHomeAssistant(ha));
        Publication p = d.meterConfig(reading, null);
        assertEquals(List.of(), HomeAssistantRules.violations(p, ha), p.payload());
        Publication bridge = d.bridgeConfig();
        assertEquals(List.of(), HomeAssistantRules.violations(bridge, ha), bridge.payload());
    }

    /**
     * The bug report: Home Assistant 2025.10 refused the whole temperature_difference component,
     * because {@code temperature_delta} arrived in 2025.11. For 2024.11 (the default) the sensor
     * keeps its unit, state class and value, without the class; for 2025.11 it has the class.
     */
    @Test
    void theTemperatureDifferenceIsATemperatureDeltaOnlyForHomeAssistant2025_11AndLater() throws Exception {
        HeatReading r = KamstrupExpected.multical303HeatCooling();
        JsonNode old = JSON.readTree(DISCOVERY.meterConfig(r, null).payload()).get("cmps").get("temperature_difference");
        assertFalse(old.has("device_class"), old.toString());
        assertEquals("K", old.get("unit_of_measurement").asText());
        assertEquals("measurement", old.get("state_class").asText());
        assertEquals("{{ value_json.get('temperature_difference_k') }}", old.get("value_template").asText());
        JsonNode oct = JSON.readTree(new DeviceDiscovery(DiscoveryConfig.defaults("1.2.3")
                .forHomeAssistant(HomeAssistantVersion.parse("2025.10.3"))).meterConfig(r, null).payload())
                .get("cmps").get("temperature_difference");
        assertFalse(oct.has("device_class"), "2025.10 does not know temperature_delta: " + oct);
        sensor(JSON.readTree(NEWEST.meterConfig(r, null).payload()).get("cmps"), "temperature_difference",
                "temperature_delta", "K", "measurement");
        // the other heat-meter classes are older than device discovery: the same for every release
        sensor(JSON.readTree(DISCOVERY.meterConfig(r, null).payload()).get("cmps"), "volume_flow",
                "volume_flow_rate", "m³/h", "measurement");
    }

    /** The rules themselves: the payload for 2025.11 is what 2025.10 and 2024.11 refuse. */
    @Test
    void rulesRefuseTemperatureDeltaForReleasesBefore2025_11() {
        Publication forNewest = NEWEST.meterConfig(KamstrupExpected.multical303HeatCooling(), null);
        assertEquals(List.of(), HomeAssistantRules.violations(forNewest, HomeAssistantRules.NEWEST));
        for (String older : List.of("2024.11", "2025.10")) {
            List<String> v = HomeAssistantRules.violations(forNewest, HomeAssistantVersion.parse(older));
            assertEquals(1, v.size(), v.toString());
            assertTrue(v.get(0).startsWith("cmps.temperature_difference: Home Assistant " + older
                    + " does not know sensor device_class temperature_delta"), v.get(0));
        }
    }

    /** Megawatts came to the power class in 2024.12 (core #130089): a generic meter in MW gets it from then on. */
    @Test
    void aGenericMeterInMegawattsIsAPowerSensorFromHomeAssistant2024_12() throws Exception {
        MeterIdentity id = new MeterIdentity("ABB", "ABB", "ABB electricity meter", "33445566", 3, null, 0x02, 0x01);
        GenericReading r = new GenericReading(id, AT, null, 0, List.of(
                new RawRecord("0B 2D", 0, 0, 0, "instantaneous", "power", "Power", "MW", new BigDecimal("1.25"),
                        null, null)));
        JsonNode old = JSON.readTree(DISCOVERY.meterConfig(r, null).payload()).get("cmps").get("power");
        assertFalse(old.has("device_class"), old.toString());
        assertEquals("MW", old.get("unit_of_measurement").asText());
        assertEquals("measurement", old.get("state_class").asText());
        HomeAssistantVersion december = HomeAssistantVersion.parse("2024.12");
        Publication p = new DeviceDiscovery(DiscoveryConfig.defaults("1.2.3").forHomeAssistant(december))
                .meterConfig(r, null);
        sensor(JSON.readTree(p.payload()).get("cmps"), "power", "power", "MW", "measurement");
        assertEquals(List.of(), HomeAssistantRules.violations(p, december));
        assertFalse(HomeAssistantRules.violations(p, HomeAssistantRules.OLDEST).isEmpty());
    }

    /**
     * What discovery announces never runs ahead of the sourced history
     * (device-class-history.csv): for every row and release, a class and unit discovery would
     * announce is one the history says that release accepts.
     */
    @Test
    void discoveryNeverAnnouncesAClassBeforeTheHistorySaysHomeAssistantHasIt() {
        List<HomeAssistantVersion> releases = List.of(HomeAssistantRules.OLDEST, HomeAssistantVersion.parse("2024.12"),
                HomeAssistantVersion.parse("2025.10"), HomeAssistantRules.NEWEST);
        int accepted = 0;
        for (HomeAssistantRules.Accepted a : HomeAssistantRules.HISTORY) {
            for (HomeAssistantVersion v : releases) {
                if (DeviceClasses.accepted(v, a.platform(), a.deviceClass(), a.unit().isEmpty() ? null : a.unit())) {
                    assertTrue(v.atLeast(a.since()), a + " announced for " + v);
                    accepted++;
                }
            }
        }
        assertTrue(accepted > 60, accepted + " accepted pairs");
        assertFalse(DeviceClasses.accepted(HomeAssistantRules.NEWEST, "sensor", "temperature", "K"),
                "K is a temperature difference here, never an absolute temperature");
    }

    @Test
    void releasesAreReadAsHomeAssistantWritesThem() {
        assertEquals(new HomeAssistantVersion(2025, 10), HomeAssistantVersion.parse(" 2025.10.3 "));
        assertEquals("2024.11", HomeAssistantVersion.DEVICE_DISCOVERY.toString());
        assertTrue(HomeAssistantVersion.parse("2025.11").atLeast(HomeAssistantVersion.parse("2025.9")));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> HomeAssistantVersion.parse("2024.10"));
        assertTrue(e.getMessage().contains("2024.11 or later"), e.getMessage());
        e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> HomeAssistantVersion.parse("latest"));
        assertTrue(e.getMessage().contains("\"latest\""), e.getMessage());
    }

    @ParameterizedTest
    @MethodSource("readings")
    void everyTemplateReadsAKeyOfTheStatePayload(Reading reading) throws Exception {
        JsonNode config = JSON.readTree(DISCOVERY.meterConfig(reading, null).payload());
        Publication state = DISCOVERY.state(reading);
        JsonNode values = JSON.readTree(state.payload());
        Pattern get = Pattern.compile("value_json\\.get\\('([a-z0-9_]+)'");
        int checked = 0;
        for (Map.Entry<String, JsonNode> entry : config.get("cmps").properties()) {
            JsonNode c = entry.getValue();
            assertEquals(state.topic(), c.get("state_topic").asText());
            Matcher m = get.matcher(c.get("value_template").asText());
            assertTrue(m.find(), c.toString());
            assertTrue(values.has(m.group(1)), "state lacks " + m.group(1) + " read by " + c);
            if (values.get(m.group(1)).isNumber() || c.has("unit_of_measurement")) {
                assertTrue(values.get(m.group(1)).isNumber(), m.group(1) + " with a unit must be a JSON number");
            }
            checked++;
        }
        assertTrue(checked >= 3);
    }

    @Test
    void bridgeConfigPassesHomeAssistantRules() throws Exception {
        Publication p = DISCOVERY.bridgeConfig();
        assertEquals(List.of(), HomeAssistantRules.violations(p), p.payload());
        JsonNode root = JSON.readTree(p.payload());
        assertEquals("homeassistant/device/meterbridge_bridge/config", p.topic());
        assertEquals("meterbridge_bridge", root.get("dev").get("identifiers").get(0).asText());
        JsonNode status = root.get("cmps").get("status");
        assertEquals("connectivity", status.get("device_class").asText());
        assertEquals("meterbridge/bridge/status", status.get("state_topic").asText());
        assertFalse(status.has("availability_topic"), "the status sensor shows disconnected, not unavailable");
        assertEquals("diagnostic", root.get("cmps").get("failed_polls").get("entity_category").asText());
        assertEquals("total_increasing", root.get("cmps").get("timeouts").get("state_class").asText());
        // bridge info payload carries every key the bridge sensors read
        JsonNode info = JSON.readTree(DISCOVERY.bridgeInfo(new BridgeInfo("1.2.3", AT, 10, 1, 9, 1, 0, 2, 2, 2))
                .payload());
        for (Map.Entry<String, JsonNode> entry : root.get("cmps").properties()) {
            JsonNode c = entry.getValue();
            Matcher m = Pattern.compile("get\\('([a-z_]+)'").matcher(c.get("value_template").asText());
            if (m.find()) {
                assertTrue(info.has(m.group(1)), m.group(1));
            }
        }
    }

    @Test
    void uniqueIdsAreUniqueAcrossAllPayloads() throws Exception {
        Set<String> ids = new HashSet<>();
        List<Publication> all = new ArrayList<>(readings().map(r -> DISCOVERY.meterConfig(r, null)).toList());
        all.remove(3); // the gas-equivalent variant is the same meter as #0
        all.add(DISCOVERY.bridgeConfig());
        for (Publication p : all) {
            for (Iterator<JsonNode> it = JSON.readTree(p.payload()).get("cmps").elements(); it.hasNext(); ) {
                String id = it.next().get("unique_id").asText();
                assertTrue(ids.add(id), "duplicate unique_id " + id);
            }
        }
        assertTrue(ids.size() > 40);
    }

    /**
     * Meters shared by several bridges (cluster.zookeeper): each bridge's config of a meter is the
     * same payload, whatever the bridge's id and status topic, and passes Home Assistant's rules.
     */
    @ParameterizedTest(name = "Home Assistant {0}: {1}")
    @MethodSource("readingsForEachRelease")
    void aSharedMeterIsTheSameConfigFromEveryBridgeAndNamesNone(HomeAssistantVersion ha, Reading reading) throws Exception {
        DeviceDiscovery a = new DeviceDiscovery(new DiscoveryConfig("homeassistant", "meterbridge", "boiler-1", "Boiler 1",
                "1.2.3", Duration.ofMinutes(5), 3, "meterbridge/boiler-1/status", ha, true));
        DeviceDiscovery b = new DeviceDiscovery(new DiscoveryConfig("homeassistant", "meterbridge", "boiler-2", "Boiler 2",
                "1.2.3", Duration.ofMinutes(5), 3, "meterbridge/boiler-2/status", ha, true));
        Publication p = a.meterConfig(reading, null);
        assertEquals(List.of(), HomeAssistantRules.violations(p, ha), p.payload());
        assertEquals(p, b.meterConfig(reading, null));
        JsonNode root = JSON.readTree(p.payload());
        assertFalse(root.get("dev").has("via_device"), p.payload());
        assertEquals(1, root.get("availability").size(), p.payload());
        assertEquals("meterbridge/" + reading.meter().stableKey() + "/availability",
                root.get("availability").get(0).get("topic").asText());
    }

    @Test
    void multical403DeviceAndSensorsUseHomeAssistantsExactStrings() throws Exception {
        JsonNode root = JSON.readTree(DISCOVERY.meterConfig(KamstrupExpected.multical403Heat(), "Heat flat 3")
                .payload());
        JsonNode dev = root.get("dev");
        assertEquals("meterbridge_kam_77447744", dev.get("identifiers").get(0).asText());
        assertEquals("Heat flat 3", dev.get("name").asText());
        assertEquals("Kamstrup", dev.get("manufacturer").asText());
        assertEquals("MULTICAL 403", dev.get("model").asText());
        assertEquals("77447744", dev.get("serial_number").asText());
        assertEquals("meterbridge_bridge", dev.get("via_device").asText());
        assertEquals("meterbridge", root.get("o").get("name").asText());
        assertEquals("1.2.3", root.get("o").get("sw_version").asText());
        assertEquals("all", root.get("availability_mode").asText());
        assertEquals("meterbridge/bridge/status", root.get("availability").get(0).get("topic").asText());
        assertEquals("meterbridge/kam_77447744/availability", root.get("availability").get(1).get("topic").asText());

        JsonNode cmps = root.get("cmps");
        sensor(cmps, "heat_energy", "energy", "kWh", "total_increasing");
        sensor(cmps, "heat_energy_gj", "energy", "GJ", "total_increasing");
        assertFalse(cmps.has("heat_energy_kwh"), "the meter counts in kWh: no second kWh sensor");
        sensor(cmps, "volume", "water", "m³", "total_increasing");
        sensor(cmps, "flow_temperature", "temperature", "°C", "measurement");
        sensor(cmps, "return_temperature", "temperature", "°C", "measurement");
        sensor(cmps, "volume_flow", "volume_flow_rate", "m³/h", "measurement");
        sensor(cmps, "operating_hours", "duration", "h", "total_increasing");
        assertEquals("diagnostic", cmps.get("operating_hours").get("entity_category").asText());
        assertEquals("diagnostic", cmps.get("info_code").get("entity_category").asText());
        assertEquals("binary_sensor", cmps.get("problem").get("p").asText());
        assertEquals("problem", cmps.get("problem").get("device_class").asText());
        assertEquals("timestamp", cmps.get("last_reading").get("device_class").asText());
        // the 403 datagram has no temperature difference, power or target-date block: no sensors for them
        assertFalse(cmps.has("temperature_difference"));
        assertFalse(cmps.has("power"));
        assertFalse(cmps.has("target_date"));
        // 5-minute polls, 3 polls + 1 minute
        assertEquals(960, cmps.get("flow_temperature").get("expire_after").asInt());
        assertEquals(1, cmps.get("flow_temperature").get("suggested_display_precision").asInt());
        assertEquals(3, cmps.get("volume_flow").get("suggested_display_precision").asInt());
    }

    @Test
    void multical303SensorsIncludeDifferencePowerCoolingAndTargetDate() throws Exception {
        JsonNode cmps = JSON.readTree(DISCOVERY.meterConfig(KamstrupExpected.multical303HeatCooling(), null)
                .payload()).get("cmps");
        assertEquals("K", cmps.get("temperature_difference").get("unit_of_measurement").asText());
        sensor(cmps, "power", "power", "kW", "measurement");
        sensor(cmps, "cooling_energy", "energy", "kWh", "total_increasing");
        sensor(cmps, "cooling_energy_gj", "energy", "GJ", "total_increasing");
        sensor(cmps, "error_hours", "duration", "h", "total_increasing");
        assertEquals("diagnostic", cmps.get("max_power").get("entity_category").asText());
        assertTrue(cmps.has("target_heat_energy"));
        assertFalse(cmps.has("target_date"), "this meter has not reached its first target date");
        JsonNode heatOnly = JSON.readTree(DISCOVERY.meterConfig(KamstrupExpected.multical303Heat(), null).payload())
                .get("cmps");
        assertFalse(heatOnly.has("cooling_energy"));
        assertEquals("date", heatOnly.get("target_date").get("device_class").asText());
    }

    /**
     * Issue 6: a P1 meter's entities are what the Energy dashboard asks for — grid consumption
     * (import) and return to grid (export) per tariff in kWh with {@code total_increasing}, power
     * in kW, voltage in V, current in A, and the gas meter behind it as {@code gas} in m³.
     */
    @Test
    void electricityMeterHasTheEnergyDashboardsSensors() throws Exception {
        JsonNode root = JSON.readTree(DISCOVERY.meterConfig(electricityMeter(), null).payload());
        JsonNode cmps = root.get("cmps");
        for (String direction : List.of("import", "export")) {
            for (int tariff = 1; tariff <= 2; tariff++) {
                String key = "energy_" + direction + "_t" + tariff;
                sensor(cmps, key, "energy", "kWh", "total_increasing");
                assertEquals("{{ value_json.get('" + direction + "_t" + tariff + "_kwh') }}",
                        cmps.get(key).get("value_template").asText(), key);
            }
        }
        assertFalse(cmps.has("energy_import"), "no total sensor when the meter sends only tariffs");
        sensor(cmps, "power_import", "power", "kW", "measurement");
        sensor(cmps, "power_export", "power", "kW", "measurement");
        sensor(cmps, "l1_voltage", "voltage", "V", "measurement");
        sensor(cmps, "l1_current", "current", "A", "measurement");
        sensor(cmps, "l1_power_import", "power", "kW", "measurement");
        sensor(cmps, "gas", "gas", "m³", "total_increasing");
        assertFalse(cmps.has("l2_voltage"), "only the phases the meter reports");
        assertEquals("diagnostic", cmps.get("power_failures").get("entity_category").asText());
        assertEquals("AM550", root.get("dev").get("model").asText());
        assertEquals("E0025000012345678", root.get("dev").get("serial_number").asText());
        // the same availability as a heat meter: the bridge and the meter itself
        assertEquals(2, root.get("availability").size());
        assertEquals("all", root.get("availability_mode").asText());
        assertEquals(960, cmps.get("gas").get("expire_after").asInt());
    }

    @Test
    void gjMeterGetsItsOwnUnitAndKwh() throws Exception {
        JsonNode cmps = JSON.readTree(DISCOVERY.meterConfig(unknownHeatMeter(), null).payload()).get("cmps");
        sensor(cmps, "heat_energy", "energy", "GJ", "total_increasing");
        sensor(cmps, "heat_energy_kwh", "energy", "kWh", "total_increasing");
        assertFalse(cmps.has("heat_energy_gj"));
        assertEquals("Landis+Gyr", JSON.readTree(DISCOVERY.meterConfig(unknownHeatMeter(), null).payload())
                .get("dev").get("manufacturer").asText());
    }

    @Test
    void gasEquivalentIsLabelledAnEstimate() throws Exception {
        JsonNode cmps = JSON.readTree(DISCOVERY.meterConfig(
                KamstrupExpected.multical303Heat().withGasEquivalent(new BigDecimal("35.17")), null).payload())
                .get("cmps");
        sensor(cmps, "gas_equivalent", "gas", "m³", "total_increasing");
        assertTrue(cmps.get("gas_equivalent").get("name").asText().contains("estimate"));
    }

    @Test
    void genericMeterGetsASensorPerNumericRecord() throws Exception {
        JsonNode cmps = JSON.readTree(DISCOVERY.meterConfig(waterMeter(), null).payload()).get("cmps");
        sensor(cmps, "volume", "water", "m³", "total_increasing");
        assertEquals("water", cmps.get("volume_s1").get("device_class").asText());
        assertFalse(cmps.get("volume_s1").has("state_class"), "a stored value is no running total");
        sensor(cmps, "volume_flow", "volume_flow_rate", "m³/h", "measurement");
        sensor(cmps, "remaining_battery_life", "duration", "d", "total_increasing");
        assertFalse(cmps.has("manufacturer_data"));
    }

    @Test
    void idsSurviveRenamesAndReaddressing() {
        HeatReading r = KamstrupExpected.multical303Heat();
        MeterIdentity moved = new MeterIdentity("KAM", "Kamstrup", "MULTICAL 303", "82937133", 1,
                r.meter().secondaryAddress(), 0x04, 0x40);
        HeatReading atOtherAddress = r.toBuilder().build();
        Publication a = DISCOVERY.meterConfig(r, "Kitchen");
        Publication b = DISCOVERY.meterConfig(new HeatReading(moved, AT, null, null, r.heatEnergy(), null,
                r.volumeM3(), r.flowTemperatureC(), r.returnTemperatureC(), r.temperatureDifferenceK(), r.powerKw(),
                r.maxPowerKw(), r.volumeFlowM3h(), r.maxVolumeFlowM3h(), r.operatingHours(), r.errorHours(),
                r.infoCode(), r.targetDate(), null, List.of()), "Basement");
        assertEquals(a.topic(), b.topic());
        assertEquals(uniqueIds(a), uniqueIds(b));
        assertEquals(a.payload(), DISCOVERY.meterConfig(atOtherAddress, "Kitchen").payload(), "deterministic");
    }

    @Test
    void aValueMissingFromOneTelegramKeepsItsEntityWhenTheKnownStateIsPassed() throws Exception {
        HeatReading full = KamstrupExpected.multical303Heat();
        HeatReading partial = full.toBuilder().flowTemperatureC(null).heatEnergy(null).infoCode(null).build();
        JsonNode without = JSON.readTree(DISCOVERY.meterConfig(partial, null).payload()).get("cmps");
        assertFalse(without.has("flow_temperature"));
        assertFalse(without.has("heat_energy"));
        assertFalse(without.has("problem"));
        Publication kept = DISCOVERY.meterConfig(partial, null, full.toMap());
        assertEquals(DISCOVERY.meterConfig(full, null).payload(), kept.payload(),
                "the same entities as with the full reading");
        assertEquals(List.of(), HomeAssistantRules.violations(kept));
    }

    @Test
    void removalIsAnEmptyRetainedConfig() {
        Publication r = DISCOVERY.meterRemoval("kam_82937133");
        assertEquals("homeassistant/device/meterbridge_kam_82937133/config", r.topic());
        assertEquals("", r.payload());
        assertTrue(r.retain());
        assertEquals(List.of("homeassistant/device/meterbridge_kam_82937133/config",
                "meterbridge/kam_82937133/availability"),
                DISCOVERY.meterCleanup("kam_82937133").stream().map(Publication::topic).toList());
    }

    @Test
    void availabilityAndLastWill() {
        assertEquals(new Publication("meterbridge/bridge/status", "offline", true, 1), DISCOVERY.lastWill());
        assertEquals(new Publication("meterbridge/bridge/status", "online", true, 1),
                DISCOVERY.bridgeAvailability(true));
        assertEquals(new Publication("meterbridge/kam_82937133/availability", "offline", true, 1),
                DISCOVERY.meterAvailability("kam_82937133", false));
        assertEquals("homeassistant/status", DISCOVERY.topics().homeAssistantStatus());
    }

    @Test
    void configurablePrefixAndPollInterval() throws Exception {
        DeviceDiscovery d = new DeviceDiscovery(new DiscoveryConfig("ha", "home/meters", "cellar-1", "Cellar bridge",
                "1.0", Duration.ofSeconds(10), 3));
        Publication p = d.meterConfig(KamstrupExpected.multical403Heat(), null);
        assertEquals("ha/device/meterbridge_kam_77447744/config", p.topic());
        assertEquals(List.of(), HomeAssistantRules.violations(p));
        JsonNode root = JSON.readTree(p.payload());
        assertEquals(90, root.get("cmps").get("volume").get("expire_after").asInt());
        assertEquals("meterbridge_cellar-1", root.get("dev").get("via_device").asText());
        assertEquals("home/meters/kam_77447744/state", root.get("cmps").get("volume").get("state_topic").asText());
    }

    @Test
    void badSettingsAreRejectedWithTheReason() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new DiscoveryConfig("homeassistant", "meter/#", "b", "b", "1", Duration.ofMinutes(1), 3));
        assertTrue(e.getMessage().contains("meter/#"), e.getMessage());
        e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new DiscoveryConfig("homeassistant", "m", "my bridge", "b", "1", Duration.ofMinutes(1), 3));
        assertTrue(e.getMessage().contains("my bridge"), e.getMessage());
    }

    // --- the validator itself must catch what Home Assistant rejects ---

    @Test
    void rulesRejectWrongUnitsStateClassesIdsAndMissingKeys() {
        String ok = DISCOVERY.meterConfig(KamstrupExpected.multical303Heat(), null).payload();
        String topic = "homeassistant/device/meterbridge_kam_82937133/config";
        assertFalse(HomeAssistantRules.violations(new Publication(topic,
                ok.replace("\"unit_of_measurement\":\"°C\"", "\"unit_of_measurement\":\"℃\""), true, 1)).isEmpty());
        assertFalse(HomeAssistantRules.violations(new Publication(topic,
                ok.replace("\"state_class\":\"total_increasing\"", "\"state_class\":\"measurement\""), true, 1))
                .isEmpty(), "energy with state_class measurement");
        assertFalse(HomeAssistantRules.violations(new Publication(topic,
                ok.replace("\"unit_of_measurement\":\"m³/h\"", "\"unit_of_measurement\":\"m3/h\""), true, 1))
                .isEmpty());
        assertFalse(HomeAssistantRules.violations(new Publication(topic,
                ok.replace("\"unique_id\":\"meterbridge_kam_82937133_volume\",", ""), true, 1)).isEmpty());
        assertFalse(HomeAssistantRules.violations(new Publication(topic,
                ok.replace("\"entity_category\":\"diagnostic\"", "\"entity_category\":\"config\""), true, 1))
                .isEmpty());
        assertFalse(HomeAssistantRules.violations(new Publication(topic, ok.replace("\"o\":", "\"x\":"), true, 1))
                .isEmpty());
        assertFalse(HomeAssistantRules.violations(new Publication(
                "homeassistant/device/meterbridge kam/config", ok, true, 1)).isEmpty());
        assertFalse(HomeAssistantRules.violations(new Publication(topic, ok, false, 1)).isEmpty());
        assertFalse(HomeAssistantRules.violations(new Publication(topic,
                ok.replace("\"device_class\":\"timestamp\"", "\"device_class\":\"timestamp\",\"state_class\":\"measurement\""),
                true, 1)).isEmpty());
    }

    private static void sensor(JsonNode cmps, String key, String deviceClass, String unit, String stateClass) {
        JsonNode c = cmps.get(key);
        assertTrue(c != null, "no component " + key + " in " + cmps);
        assertEquals("sensor", c.get("p").asText());
        assertEquals(deviceClass, c.get("device_class").asText(), key);
        assertEquals(unit, c.get("unit_of_measurement").asText(), key);
        assertEquals(stateClass, c.get("state_class").asText(), key);
    }

    private static Set<String> uniqueIds(Publication p) {
        Set<String> ids = new HashSet<>();
        try {
            JSON.readTree(p.payload()).get("cmps").elements().forEachRemaining(c -> ids.add(c.get("unique_id").asText()));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return ids;
    }
}
