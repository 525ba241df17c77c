package io.meterbridge.p1;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The OBIS codes P1 meters send, table-driven: DSMR 2.2 – 5.0.2 P1 companion standards (tables in
 * clause 6), e-MUCS P1 1.7.1 (Belgium), Luxembourg Smarty P1 1.1 and the Swedish/Finnish ESMR5-style
 * HAN profile (totals, reactive energy, per-phase values). Codes on an M-Bus channel
 * ({@code 0-n:24.2.1} and friends) are catalogued once with channel 0 and match channels 1..4.
 */
public final class ObisCatalogue {

    /**
     * What a code means.
     *
     * @param name        a stable identifier, e.g. {@code ENERGY_IMPORT_TARIFF_1}
     * @param kind        how its values are read
     * @param description what the standard calls it
     */
    public record Entry(String name, ValueKind kind, String description) {
    }

    private static final Map<ObisCode, Entry> EXACT = new LinkedHashMap<>();
    private static final Map<ObisCode, Entry> PER_CHANNEL = new LinkedHashMap<>();

    static {
        // Identification and version (DSMR 5.0.2 table 6.12; e-MUCS 1.7.1 table 3; Smarty table 1).
        put("0-0:1.0.0", "TIMESTAMP", ValueKind.TIMESTAMP, "Date-time stamp of the P1 message");
        put("1-3:0.2.8", "VERSION", ValueKind.TEXT, "Version information for P1 output");
        put("0-0:96.1.4", "BELGIUM_VERSION", ValueKind.TEXT, "e-MUCS P1 version information");
        put("0-0:96.1.1", "EQUIPMENT_ID", ValueKind.OCTET_STRING, "Equipment identifier");
        put("0-0:96.1.0", "EQUIPMENT_SERIAL", ValueKind.TEXT, "Equipment serial number");
        put("0-0:42.0.0", "LOGICAL_DEVICE_NAME", ValueKind.OCTET_STRING, "COSEM logical device name");
        put("1-0:0.0.0", "METER_ID", ValueKind.TEXT, "Meter identification (IEC 62056-21)");
        put("1-0:96.1.0", "METER_SERIAL", ValueKind.TEXT, "Meter serial number");
        // Active energy, total and per tariff (1 = low/night, 2 = normal/day in NL and BE).
        put("1-0:1.8.0", "ENERGY_IMPORT_TOTAL", ValueKind.NUMBER, "Active energy import (+A), total");
        put("1-0:2.8.0", "ENERGY_EXPORT_TOTAL", ValueKind.NUMBER, "Active energy export (-A), total");
        for (int t = 1; t <= 4; t++) {
            put("1-0:1.8." + t, "ENERGY_IMPORT_TARIFF_" + t, ValueKind.NUMBER, "Active energy import (+A), tariff " + t);
            put("1-0:2.8." + t, "ENERGY_EXPORT_TARIFF_" + t, ValueKind.NUMBER, "Active energy export (-A), tariff " + t);
        }
        // Reactive energy (Smarty, Swedish/Finnish HAN, Hungarian meters).
        put("1-0:3.8.0", "REACTIVE_ENERGY_IMPORT_TOTAL", ValueKind.NUMBER, "Reactive energy import (+R), total");
        put("1-0:4.8.0", "REACTIVE_ENERGY_EXPORT_TOTAL", ValueKind.NUMBER, "Reactive energy export (-R), total");
        for (int t = 1; t <= 2; t++) {
            put("1-0:3.8." + t, "REACTIVE_ENERGY_IMPORT_TARIFF_" + t, ValueKind.NUMBER, "Reactive energy import (+R), tariff " + t);
            put("1-0:4.8." + t, "REACTIVE_ENERGY_EXPORT_TARIFF_" + t, ValueKind.NUMBER, "Reactive energy export (-R), tariff " + t);
        }
        for (int q = 1; q <= 4; q++) {
            put("1-0:" + (4 + q) + ".8.0", "REACTIVE_ENERGY_Q" + q, ValueKind.NUMBER, "Reactive energy, quadrant " + q);
            put("1-0:" + (4 + q) + ".7.0", "REACTIVE_POWER_Q" + q, ValueKind.NUMBER, "Instantaneous reactive power, quadrant " + q);
        }
        put("1-0:15.8.0", "ENERGY_ABSOLUTE_TOTAL", ValueKind.NUMBER, "Active energy |+A| + |-A|, total");
        // Tariff and instantaneous power.
        put("0-0:96.14.0", "TARIFF_INDICATOR", ValueKind.TEXT, "Tariff indicator electricity");
        put("1-0:1.7.0", "POWER_IMPORT", ValueKind.NUMBER, "Actual electricity power delivered (+P)");
        put("1-0:2.7.0", "POWER_EXPORT", ValueKind.NUMBER, "Actual electricity power received (-P)");
        put("1-0:3.7.0", "REACTIVE_POWER_IMPORT", ValueKind.NUMBER, "Actual reactive power (+Q)");
        put("1-0:4.7.0", "REACTIVE_POWER_EXPORT", ValueKind.NUMBER, "Actual reactive power (-Q)");
        put("1-0:9.7.0", "APPARENT_POWER_IMPORT", ValueKind.NUMBER, "Actual apparent power (+S)");
        put("1-0:10.7.0", "APPARENT_POWER_EXPORT", ValueKind.NUMBER, "Actual apparent power (-S)");
        put("1-0:16.7.0", "POWER_SUM", ValueKind.NUMBER, "Actual active power, sum of all phases");
        put("1-0:13.7.0", "POWER_FACTOR", ValueKind.NUMBER, "Instantaneous power factor");
        put("1-0:14.7.0", "FREQUENCY", ValueKind.NUMBER, "Supply frequency");
        put("0-0:17.0.0", "THRESHOLD", ValueKind.NUMBER, "Actual threshold electricity (limiter)");
        put("0-0:96.3.10", "SWITCH_POSITION", ValueKind.TEXT, "Switch position electricity (breaker)");
        // Power quality (DSMR 4/5).
        put("0-0:96.7.21", "POWER_FAILURES", ValueKind.COUNT, "Number of power failures in any phase");
        put("0-0:96.7.9", "LONG_POWER_FAILURES", ValueKind.COUNT, "Number of long power failures in any phase");
        put("1-0:99.97.0", "LONG_POWER_FAILURE_LOG", ValueKind.EVENT_LOG, "Power failure event log");
        // Text messages.
        put("0-0:96.13.1", "TEXT_MESSAGE_CODE", ValueKind.OCTET_STRING, "Text message codes (DSMR 2.2 - 4)");
        put("0-0:96.13.0", "TEXT_MESSAGE", ValueKind.OCTET_STRING, "Text message max 1024 characters");
        for (int m = 2; m <= 5; m++) {
            put("0-0:96.13." + m, "TEXT_MESSAGE_" + m, ValueKind.OCTET_STRING, "Text message " + m + " (Smarty)");
        }
        // Per phase: L1 = 20s, L2 = 40s, L3 = 60s (IEC 62056-61 C groups).
        for (Phase p : Phase.values()) {
            int base = p.base();
            put("1-0:" + (base + 12) + ".32.0", "VOLTAGE_SAGS_" + p, ValueKind.COUNT, "Number of voltage sags in phase " + p);
            put("1-0:" + (base + 12) + ".36.0", "VOLTAGE_SWELLS_" + p, ValueKind.COUNT, "Number of voltage swells in phase " + p);
            put("1-0:" + (base + 12) + ".7.0", "VOLTAGE_" + p, ValueKind.NUMBER, "Instantaneous voltage " + p);
            put("1-0:" + (base + 11) + ".7.0", "CURRENT_" + p, ValueKind.NUMBER, "Instantaneous current " + p);
            put("1-0:" + (base + 1) + ".7.0", "POWER_IMPORT_" + p, ValueKind.NUMBER, "Instantaneous active power " + p + " (+P)");
            put("1-0:" + (base + 2) + ".7.0", "POWER_EXPORT_" + p, ValueKind.NUMBER, "Instantaneous active power " + p + " (-P)");
            put("1-0:" + (base + 3) + ".7.0", "REACTIVE_POWER_IMPORT_" + p, ValueKind.NUMBER, "Instantaneous reactive power " + p + " (+Q)");
            put("1-0:" + (base + 4) + ".7.0", "REACTIVE_POWER_EXPORT_" + p, ValueKind.NUMBER, "Instantaneous reactive power " + p + " (-Q)");
            put("1-0:" + (base + 13) + ".7.0", "POWER_FACTOR_" + p, ValueKind.NUMBER, "Instantaneous power factor " + p);
            put("1-0:" + (base + 11) + ".4.0", "FUSE_THRESHOLD_" + p, ValueKind.NUMBER, "Fuse supervision threshold " + p);
        }
        // Belgian capacity tariff (e-MUCS 1.7.1 clause 7.3).
        put("1-0:1.4.0", "AVERAGE_DEMAND", ValueKind.NUMBER, "Current average demand, active energy import");
        put("1-0:1.6.0", "MAXIMUM_DEMAND_MONTH", ValueKind.TIMESTAMPED_NUMBER, "Maximum demand, running month");
        put("0-0:98.1.0", "MAXIMUM_DEMAND_HISTORY", ValueKind.PEAK_HISTORY, "Maximum demand, last 13 months");
        // Luxembourg Smarty current limit with import and export values.
        put("1-1:31.4.0", "CURRENT_LIMIT", ValueKind.RAW, "Current limitation (import)(export)");
        // EasyMeter / Logarex status words.
        put("1-0:96.5.5", "STATUS", ValueKind.TEXT, "Meter status");
        put("0-0:96.1.255", "MANUFACTURER_ID", ValueKind.TEXT, "Manufacturer-specific identification");
        // M-Bus channels 1..4 (DSMR 5.0.2 table 6.12 "M-Bus"; DSMR 3.0 gas; e-MUCS 24.2.3).
        channel("24.1.0", "MBUS_DEVICE_TYPE", ValueKind.COUNT, "M-Bus device type (EN 13757-3 medium)");
        channel("96.1.0", "MBUS_EQUIPMENT_ID", ValueKind.OCTET_STRING, "M-Bus equipment identifier");
        channel("96.1.1", "MBUS_EQUIPMENT_ID_BE", ValueKind.OCTET_STRING, "M-Bus equipment identifier (e-MUCS)");
        channel("24.2.1", "MBUS_VALUE", ValueKind.TIMESTAMPED_NUMBER, "M-Bus last value with capture time");
        channel("24.2.3", "MBUS_VALUE_UNCORRECTED", ValueKind.TIMESTAMPED_NUMBER, "M-Bus last value, not temperature corrected (e-MUCS)");
        channel("24.3.0", "MBUS_LEGACY_GAS", ValueKind.LEGACY_GAS, "Gas hourly value (DSMR 2.2/3), value on the next line");
        channel("24.4.0", "MBUS_VALVE_POSITION", ValueKind.TEXT, "Valve position");
        channel("96.3.10", "MBUS_SWITCH_POSITION", ValueKind.TEXT, "Breaker/valve position of the M-Bus device (Smarty)");
    }

    private ObisCatalogue() {
    }

    private static void put(String obis, String name, ValueKind kind, String description) {
        EXACT.put(ObisCode.parse(obis), new Entry(name, kind, description));
    }

    private static void channel(String cde, String name, ValueKind kind, String description) {
        PER_CHANNEL.put(ObisCode.parse("0-0:" + cde), new Entry(name, kind, description));
    }

    /**
     * The entry for a code; channel codes {@code 0-n:…} with n in 1..4 match their channel entry,
     * and electricity codes on measurement channel B ≥ 1 ({@code 1-1:1.8.1}, as the Sagemcom XT211
     * writes its energy and power registers) match the entry of channel 0 unless catalogued
     * themselves (Smarty {@code 1-1:31.4.0}). IEC 62056-61 clause 5.3: group B is the channel
     * number, 0 meaning "no channel specified"; the quantity is named by C.D.E alone.
     */
    public static Optional<Entry> lookup(ObisCode code) {
        ObisCode key = code.withoutF();
        Entry e = EXACT.get(key);
        if (e == null && key.a() == 0 && key.b() >= 1 && key.b() <= 4) {
            e = PER_CHANNEL.get(key.onChannel(0));
        }
        if (e == null && isMeasurementChannelAlias(key)) {
            e = EXACT.get(key.onChannel(0));
        }
        return Optional.ofNullable(e);
    }

    /**
     * Whether the code is an electricity code on measurement channel B ≥ 1 that is not catalogued
     * itself but is on channel 0: {@link P1Telegram} then also answers for it under its channel-0
     * code, when the telegram has no channel-0 line of its own.
     */
    static boolean isMeasurementChannelAlias(ObisCode code) {
        ObisCode key = code.withoutF();
        return key.a() == 1 && key.b() >= 1 && !EXACT.containsKey(key) && EXACT.containsKey(key.onChannel(0));
    }

}
