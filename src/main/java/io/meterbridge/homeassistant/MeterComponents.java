package io.meterbridge.homeassistant;

import io.meterbridge.meter.ElectricityReading;
import io.meterbridge.meter.EnergyUnit;
import io.meterbridge.meter.GenericReading;
import io.meterbridge.meter.HeatReading;
import io.meterbridge.meter.RawRecord;
import io.meterbridge.meter.Reading;
import io.meterbridge.meter.ReadingKeys;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The entities of a meter, chosen from what its reading holds: a sensor for every value the
 * profile understood, none for values the meter does not send (so a meter of unknown model still
 * gets every quantity the generic profile mapped). Device classes, units and state classes are
 * Home Assistant's exact strings (sensor/const.py {@code DEVICE_CLASS_UNITS},
 * {@code DEVICE_CLASS_STATE_CLASSES}).
 */
final class MeterComponents {

    private MeterComponents() {
    }

    /**
     * The components for {@code reading}, plus those for keys of {@code knownState} (earlier
     * states of the same meter) that this reading lacks, so that a value missing from one
     * telegram does not remove its entity from Home Assistant.
     */
    static List<Component> of(Reading reading, String stateTopic, Map<String, Object> knownState) {
        List<Component> out = new ArrayList<>();
        Map<String, Object> state = new LinkedHashMap<>(knownState);
        state.putAll(reading.toMap());
        Adder add = new Adder(out, stateTopic, state);
        if (reading instanceof HeatReading) {
            heat(add);
        } else if (reading instanceof ElectricityReading) {
            electricity(add);
        } else if (reading instanceof GenericReading g) {
            generic(g, add);
        }
        add.sensor("last_reading", "Last reading", "timestamp", null, null, null, true, ReadingKeys.READ_AT, false);
        return out;
    }

    private static void heat(Adder add) {
        energy(add, "heat_energy", "Heat energy", ReadingKeys.HEAT_ENERGY, ReadingKeys.HEAT_ENERGY_UNIT,
                ReadingKeys.HEAT_ENERGY_KWH, ReadingKeys.HEAT_ENERGY_GJ);
        energy(add, "cooling_energy", "Cooling energy", ReadingKeys.COOLING_ENERGY, ReadingKeys.COOLING_ENERGY_UNIT,
                ReadingKeys.COOLING_ENERGY_KWH, ReadingKeys.COOLING_ENERGY_GJ);
        add.sensor("volume", "Volume", "water", "m³", "total_increasing", 2, false, ReadingKeys.VOLUME_M3, true);
        add.sensor("flow_temperature", "Flow temperature", "temperature", "°C", "measurement", 1, false,
                ReadingKeys.FLOW_TEMPERATURE_C, true);
        add.sensor("return_temperature", "Return temperature", "temperature", "°C", "measurement", 1, false,
                ReadingKeys.RETURN_TEMPERATURE_C, true);
        add.sensor("temperature_difference", "Temperature difference", "temperature_delta", "K", "measurement", 2,
                false, ReadingKeys.TEMPERATURE_DIFFERENCE_K, true);
        add.sensor("power", "Power", "power", "kW", "measurement", 1, false, ReadingKeys.POWER_KW, true);
        add.sensor("max_power", "Maximum power", "power", "kW", "measurement", 1, true, ReadingKeys.MAX_POWER_KW,
                true);
        add.sensor("volume_flow", "Volume flow", "volume_flow_rate", "m³/h", "measurement", 3, false,
                ReadingKeys.VOLUME_FLOW_M3H, true);
        add.sensor("max_volume_flow", "Maximum volume flow", "volume_flow_rate", "m³/h", "measurement", 3, true,
                ReadingKeys.MAX_VOLUME_FLOW_M3H, true);
        add.sensor("operating_hours", "Operating hours", "duration", "h", "total_increasing", 0, true,
                ReadingKeys.OPERATING_HOURS, true);
        add.sensor("error_hours", "Error hours", "duration", "h", "total_increasing", 0, true,
                ReadingKeys.ERROR_HOURS, true);
        if (add.state.containsKey(ReadingKeys.INFO_CODE)) {
            Map<String, Object> attrs = new LinkedHashMap<>();
            attrs.put("json_attributes_topic", add.stateTopic);
            attrs.put("json_attributes_template", "{{ {'info_code': value_json.get('info_code'), "
                    + "'alarms': value_json.get('info_alarms', '').split(',') | reject('eq', '') | list} | tojson }}");
            attrs.put("icon", "mdi:information-outline");
            add.out.add(new Component("info_code", "sensor", "Info code", null, null, null, null, true,
                    add.stateTopic,
                    "{% set t = value_json.get('info_text') %}{{ 'None' if t is none else t[:255] }}", true, attrs));
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("payload_on", "ON");
            problem.put("payload_off", "OFF");
            add.out.add(new Component("problem", "binary_sensor", "Problem", "problem", null, null, null, false,
                    add.stateTopic,
                    "{% set p = value_json.get('problem') %}{{ 'None' if p is none else ('ON' if p else 'OFF') }}", true,
                    problem));
        }
        add.sensor("target_date", "Target date", "date", null, null, null, true, ReadingKeys.TARGET_DATE, true);
        add.sensor("target_heat_energy", "Heat energy at target date", "energy", "kWh", null, 0, true,
                ReadingKeys.TARGET_HEAT_ENERGY_KWH, true);
        add.sensor("target_cooling_energy", "Cooling energy at target date", "energy", "kWh", null, 0, true,
                ReadingKeys.TARGET_COOLING_ENERGY_KWH, true);
        add.sensor("target_volume", "Volume at target date", "water", "m³", null, 2, true,
                ReadingKeys.TARGET_VOLUME_M3, true);
        add.sensor("gas_equivalent", "Gas equivalent (estimate)", "gas", "m³", "total_increasing", 3, false,
                ReadingKeys.GAS_EQUIVALENT_M3_ESTIMATE, true);
    }

    /**
     * The energy in the meter's own unit (from the state's {@code *_unit} key), and the same in
     * kWh and in GJ where those differ from it.
     */
    private static void energy(Adder add, String key, String name, String nativeKey, String unitKey, String kwhKey,
            String gjKey) {
        Object symbol = add.state.get(unitKey);
        EnergyUnit unit = null;
        for (EnergyUnit u : EnergyUnit.values()) {
            if (u.symbol().equals(symbol)) {
                unit = u;
            }
        }
        if (unit != null) {
            add.sensor(key, name, "energy", unit.symbol(), "total_increasing", precision(unit), false, nativeKey,
                    true);
        }
        if (unit != EnergyUnit.KWH) {
            add.sensor(key + "_kwh", name + " (kWh)", "energy", "kWh", "total_increasing", 0, false, kwhKey, true);
        }
        if (unit != EnergyUnit.GJ) {
            add.sensor(key + "_gj", name + " (GJ)", "energy", "GJ", "total_increasing", 3, false, gjKey, true);
        }
    }

    private static int precision(EnergyUnit unit) {
        return switch (unit) {
            case GJ, MWH -> 3;
            case MJ, KJ, J, KWH, WH -> 0;
        };
    }

    private static final Pattern TARIFF = Pattern.compile("(import|export)_t(\\d+)_kwh");
    private static final Pattern PHASE = Pattern.compile("l([123])_voltage_v|l([123])_current_a|l([123])_power_(?:im|ex)port_kw|l([123])_voltage_s(?:ags|wells)");

    private static void electricity(Adder add) {
        add.sensor("energy_import", "Energy import", "energy", "kWh", "total_increasing", 3, false,
                ReadingKeys.IMPORT_KWH, true);
        add.sensor("energy_export", "Energy export", "energy", "kWh", "total_increasing", 3, false,
                ReadingKeys.EXPORT_KWH, true);
        TreeSet<String> tariffs = new TreeSet<>();
        TreeSet<Integer> phases = new TreeSet<>();
        for (String k : add.state.keySet()) {
            Matcher t = TARIFF.matcher(k);
            if (t.matches()) {
                tariffs.add(t.group(1) + ":" + t.group(2));
            }
            Matcher p = PHASE.matcher(k);
            if (p.matches()) {
                for (int g = 1; g <= p.groupCount(); g++) {
                    if (p.group(g) != null) {
                        phases.add(Integer.parseInt(p.group(g)));
                    }
                }
            }
        }
        for (String t : tariffs) {
            String direction = t.substring(0, t.indexOf(':'));
            int n = Integer.parseInt(t.substring(t.indexOf(':') + 1));
            String prefix = direction.equals("import") ? ReadingKeys.IMPORT_TARIFF_PREFIX
                    : ReadingKeys.EXPORT_TARIFF_PREFIX;
            add.sensor("energy_" + direction + "_t" + n, "Energy " + direction + " tariff " + n, "energy", "kWh",
                    "total_increasing", 3, false, ReadingKeys.tariffKey(prefix, n), true);
        }
        add.sensor("power_import", "Power import", "power", "kW", "measurement", 3, false,
                ReadingKeys.POWER_IMPORT_KW, true);
        add.sensor("power_export", "Power export", "power", "kW", "measurement", 3, false,
                ReadingKeys.POWER_EXPORT_KW, true);
        add.sensor("tariff", "Tariff", null, null, null, null, false, ReadingKeys.TARIFF, true);
        for (int phase : phases) {
            String l = ReadingKeys.PHASE_PREFIX + phase + "_";
            String n = "L" + phase + " ";
            add.sensor(l + "voltage", n + "voltage", "voltage", "V", "measurement", 1, false, l + "voltage_v", true);
            add.sensor(l + "current", n + "current", "current", "A", "measurement", 0, false, l + "current_a", true);
            add.sensor(l + "power_import", n + "power import", "power", "kW", "measurement", 3, false,
                    l + "power_import_kw", true);
            add.sensor(l + "power_export", n + "power export", "power", "kW", "measurement", 3, false,
                    l + "power_export_kw", true);
            add.sensor(l + "voltage_sags", n + "voltage sags", null, null, "total_increasing", 0, true,
                    l + "voltage_sags", true);
            add.sensor(l + "voltage_swells", n + "voltage swells", null, null, "total_increasing", 0, true,
                    l + "voltage_swells", true);
        }
        add.sensor("power_failures", "Power failures", null, null, "total_increasing", 0, true,
                ReadingKeys.POWER_FAILURES, true);
        add.sensor("long_power_failures", "Long power failures", null, null, "total_increasing", 0, true,
                ReadingKeys.LONG_POWER_FAILURES, true);
        add.sensor("text_message", "Text message", null, null, null, null, true, ReadingKeys.TEXT_MESSAGE, true);
        add.sensor("gas", "Gas", "gas", "m³", "total_increasing", 3, false, ReadingKeys.GAS_M3, true);
    }

    /**
     * A meter no profile knows: one sensor per numeric record, with the device class its unit
     * implies (energy, volume, temperature, power, flow, voltage, current, duration), none otherwise.
     */
    private static void generic(GenericReading g, Adder add) {
        Set<String> seen = new HashSet<>();
        for (RawRecord r : g.records()) {
            if (r.number() == null) {
                continue;
            }
            String jsonKey = GenericReading.recordKey(r);
            String key = jsonKey.replaceAll("[^a-zA-Z0-9_-]", "_");
            if (!seen.add(key) || key.equals("last_reading")) {
                continue;
            }
            boolean current = r.storage() == 0 && "instantaneous".equals(r.function());
            String name = words(jsonKey);
            String unit = r.unit().isEmpty() ? null : r.unit();
            String[] cls = classify(unit, g.meter().medium(), current);
            add.sensor(key, name, cls[0], unit, cls[1], null, !current, jsonKey, true);
        }
    }

    /** {device class, state class} for a unit; both may be null. */
    static String[] classify(String unit, int medium, boolean current) {
        if (unit == null) {
            return new String[] {null, current ? "measurement" : null};
        }
        String total = current ? "total_increasing" : null;
        String measurement = current ? "measurement" : null;
        return switch (unit) {
            case "Wh", "kWh", "MWh", "J", "kJ", "MJ", "GJ" -> new String[] {"energy", total};
            case "m³" -> new String[] {switch (medium) {
                case 0x03 -> "gas";
                case 0x06, 0x07, 0x15, 0x16, 0x17, 0x28 -> "water";
                default -> "volume";
            }, total};
            case "°C" -> new String[] {"temperature", measurement};
            case "K" -> new String[] {"temperature_delta", measurement};
            case "W", "kW", "MW" -> new String[] {"power", measurement};
            case "m³/h" -> new String[] {"volume_flow_rate", measurement};
            case "V" -> new String[] {"voltage", measurement};
            case "A" -> new String[] {"current", measurement};
            case "s", "min", "h", "d" -> new String[] {"duration", total};
            // kg, bar, %, … : Home Assistant classes exist for some, but M-Bus units are not always
            // theirs (mass flow kg/h has none), so no class: the unit is still shown.
            default -> new String[] {null, measurement};
        };
    }

    private static String words(String key) {
        String s = key.replace('_', ' ');
        return s.isEmpty() ? key : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    /** Adds sensors only for keys present in the reading's map (or announced before). */
    private static final class Adder {
        final List<Component> out;
        final String stateTopic;
        final Map<String, Object> state;

        Adder(List<Component> out, String stateTopic, Map<String, Object> state) {
            this.out = out;
            this.stateTopic = stateTopic;
            this.state = state;
        }

        void sensor(String key, String name, String deviceClass, String unit, String stateClass, Integer precision,
                boolean diagnostic, String jsonKey, boolean expires) {
            if (!state.containsKey(jsonKey)) {
                return;
            }
            out.add(new Component(key, "sensor", name, deviceClass, unit, stateClass, precision, diagnostic,
                    stateTopic, Component.template(jsonKey), expires, Map.of()));
        }
    }
}
