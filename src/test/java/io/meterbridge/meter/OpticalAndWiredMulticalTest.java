package io.meterbridge.meter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meterbridge.homeassistant.DeviceDiscovery;
import io.meterbridge.homeassistant.DiscoveryConfig;
import io.meterbridge.kmp.KmpRegister;
import io.meterbridge.kmp.KmpRegisterValue;
import io.meterbridge.kmp.KmpUnit;
import io.meterbridge.link.LongFrame;
import io.meterbridge.sim.KmpMeter;
import io.meterbridge.sim.Multical403;
import io.meterbridge.sim.SimBus;
import io.meterbridge.sim.SimMeter;
import io.meterbridge.telegram.TelegramDecoder;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * One MULTICAL 403, the simulator's, read over wired M-Bus ({@link Multical403} through
 * {@link Normalizer}) and through its optical eye over KMP ({@link KmpMeter} through
 * {@link KmpNormalizer}), at the moment both simulators start from the same counters: the same
 * meter key, model and manufacturer, the same keys for the quantities both carry, and the same
 * Home Assistant entities for them.
 *
 * <p>The two simulators disagree on one thing a real meter has once: its energy unit. The wired
 * model copies a real telegram in kWh (VIF 06), the KMP one a real meter's MWh register (Tasmota
 * #38). {@link #sameEntitiesWhenTheMeterCountsInOneUnit} reads the KMP answer as the same meter
 * in kWh would send it; {@link #theNativeEnergyEntityFollowsTheMetersUnit} pins what the
 * disagreement does.
 */
class OpticalAndWiredMulticalTest {

    static final Instant AT = Instant.parse("2026-11-21T03:00:00Z");
    /** The simulator's wired MULTICAL 403 ID, 77447744 (BCD), as the serial number KMP sends (decimal). */
    static final long SERIAL = Long.parseLong(Integer.toHexString(SimBus.ID_403));

    /** The keys of {@link Reading#toMap()} that say who and when, not what was measured. */
    static final Set<String> IDENTITY = Set.of(ReadingKeys.TYPE, ReadingKeys.METER_KEY, ReadingKeys.MANUFACTURER,
            ReadingKeys.MANUFACTURER_NAME, ReadingKeys.MODEL, ReadingKeys.METER_ID, ReadingKeys.PRIMARY_ADDRESS,
            ReadingKeys.SECONDARY_ADDRESS, ReadingKeys.MEDIUM, ReadingKeys.MEDIUM_CODE, ReadingKeys.VERSION,
            ReadingKeys.READ_AT, ReadingKeys.METER_CLOCK, ReadingKeys.STATUS);

    static HeatReading wired() throws Exception {
        SimMeter meter = new SimMeter(Multical403.singleTelegram(), 89, SimBus.ID_403, Clock.fixed(AT, ZoneOffset.UTC));
        LongFrame f = meter.telegram(0, 1);
        Reading r = new Normalizer().normalize(List.of(TelegramDecoder.decode(f.ci(), f.data())), 89, AT);
        return assertInstanceOf(HeatReading.class, r);
    }

    static HeatReading optical() throws Exception {
        return KmpNormalizerTest.read(new KmpNormalizer("MULTICAL 403"), new KmpMeter(SERIAL, AT, ZoneId.of("UTC")),
                AT);
    }

    /** The KMP read with E1 and E3 as a meter configured for kWh answers them (unit 02, value × 1000). */
    static HeatReading opticalInKwh() throws Exception {
        HeatReading mwh = optical();
        List<KmpRegisterValue> values = new java.util.ArrayList<>();
        KmpMeter meter = new KmpMeter(SERIAL, AT, ZoneId.of("UTC"));
        for (KmpRegister register : KmpRegister.values()) {
            meter.register(register.id(), AT).ifPresent(v -> values.add(
                    register == KmpRegister.E1 || register == KmpRegister.E3
                            ? new KmpRegisterValue(v.registerId(), KmpUnit.KWH.code(), v.value().movePointRight(3), 4)
                            : v));
        }
        HeatReading kwh = new KmpNormalizer("MULTICAL 403").normalize(null, SERIAL, values, AT);
        assertEquals(mwh.heatEnergy().kWh(), kwh.heatEnergy().value(), "the same energy");
        return kwh;
    }

    static Set<String> quantityKeys(Reading r) {
        Set<String> keys = new TreeSet<>(r.toMap().keySet());
        keys.removeAll(IDENTITY);
        return keys;
    }

    @Test
    void sameMeterKeyModelAndManufacturer() throws Exception {
        MeterIdentity wired = wired().meter();
        MeterIdentity optical = optical().meter();
        assertEquals("kam_77447744", wired.stableKey());
        assertEquals(wired.stableKey(), optical.stableKey());
        assertEquals(wired.id(), optical.id());
        assertEquals("MULTICAL 403", wired.model());
        assertEquals(wired.model(), optical.model());
        assertEquals(wired.manufacturer(), optical.manufacturer());
        assertEquals(wired.manufacturerName(), optical.manufacturerName());
        assertEquals(wired.medium(), optical.medium());
    }

    @Test
    void theQuantitiesBothCarryHaveTheSameKeysAndValues() throws Exception {
        HeatReading wired = wired();
        HeatReading optical = optical();
        Set<String> both = new TreeSet<>(quantityKeys(wired));
        both.retainAll(quantityKeys(optical));
        assertEquals(new TreeSet<>(List.of("flow_temperature_c", "heat_energy", "heat_energy_gj", "heat_energy_kwh",
                "heat_energy_unit", "info_alarms", "info_code", "info_text", "operating_hours", "problem",
                "return_temperature_c", "volume_flow_m3h", "volume_m3")), both);
        assertEquals(quantityKeys(wired), both, "the optical read carries everything the wired one does");
        assertTrue(quantityKeys(optical).containsAll(List.of("temperature_difference_k", "power_kw", "error_hours")),
                "and what the wired telegram lacks");

        Map<String, Object> w = wired.toMap();
        Map<String, Object> o = optical.toMap();
        for (String key : List.of("heat_energy_kwh", "heat_energy_gj", "volume_m3", "flow_temperature_c",
                "return_temperature_c", "volume_flow_m3h")) {
            assertEquals(0, ((BigDecimal) w.get(key)).compareTo((BigDecimal) o.get(key)),
                    key + ": wired " + w.get(key) + ", optical " + o.get(key));
        }
        for (String key : List.of("info_code", "info_alarms", "info_text", "problem")) {
            assertEquals(w.get(key), o.get(key), key);
        }
        // minutes over M-Bus, the whole-hour counter over KMP
        assertEquals(new BigDecimal("43489.183333"), w.get("operating_hours"));
        assertEquals(new BigDecimal("43489"), o.get("operating_hours"));
    }

    @Test
    void sameEntitiesWhenTheMeterCountsInOneUnit() throws Exception {
        Map<String, String> wired = entities(wired());
        Map<String, String> optical = entities(opticalInKwh());
        Map<String, String> shared = new LinkedHashMap<>(optical);
        shared.keySet().retainAll(wired.keySet());
        assertEquals(wired, shared, "every wired entity, with the same unique id and unit");
        assertEquals(List.of("meterbridge_kam_77447744_heat_energy", "meterbridge_kam_77447744_heat_energy_gj",
                "meterbridge_kam_77447744_volume", "meterbridge_kam_77447744_flow_temperature",
                "meterbridge_kam_77447744_return_temperature", "meterbridge_kam_77447744_volume_flow",
                "meterbridge_kam_77447744_operating_hours", "meterbridge_kam_77447744_info_code",
                "meterbridge_kam_77447744_problem", "meterbridge_kam_77447744_last_reading"),
                List.copyOf(wired.keySet()));
        assertEquals("kWh", wired.get("meterbridge_kam_77447744_heat_energy"));
    }

    @Test
    void theNativeEnergyEntityFollowsTheMetersUnit() throws Exception {
        Map<String, String> wired = entities(wired());
        Map<String, String> optical = entities(optical());
        assertEquals("kWh", wired.get("meterbridge_kam_77447744_heat_energy"));
        assertEquals("MWh", optical.get("meterbridge_kam_77447744_heat_energy"));
        assertEquals("kWh", optical.get("meterbridge_kam_77447744_heat_energy_kwh"));
        assertEquals(wired.get("meterbridge_kam_77447744_heat_energy_gj"),
                optical.get("meterbridge_kam_77447744_heat_energy_gj"));
    }

    @Test
    void sameHomeAssistantDevice() throws Exception {
        JsonNode wired = device(wired());
        JsonNode optical = device(optical());
        for (String field : List.of("identifiers", "name", "manufacturer", "model", "serial_number")) {
            assertEquals(wired.get(field), optical.get(field), field);
        }
        assertEquals("[\"meterbridge_kam_77447744\"]", optical.get("identifiers").toString());
    }

    static JsonNode discovery(Reading r) throws Exception {
        return new ObjectMapper().readTree(new DeviceDiscovery(DiscoveryConfig.defaults("1.0.0")).meterConfig(r, null)
                .payload());
    }

    static JsonNode device(Reading r) throws Exception {
        return discovery(r).get("dev");
    }

    /** Unique id → unit ("-" for none) of every component of the discovery config. */
    static Map<String, String> entities(Reading r) throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        discovery(r).get("cmps").fields().forEachRemaining(e -> out.put(e.getValue().get("unique_id").asText(),
                e.getValue().path("unit_of_measurement").asText("-")));
        return out;
    }
}
