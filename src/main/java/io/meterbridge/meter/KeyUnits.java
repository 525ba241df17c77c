package io.meterbridge.meter;

import java.util.List;
import java.util.Map;

/**
 * The unit of a value in a reading's flat form ({@link Reading#toMap()}), read off its key: the
 * flat form's keys end in the fixed unit {@link Units} converts to ({@code heat_energy_kwh},
 * {@code volume_m3}, {@code flow_temperature_c}), so the suffix is the one place the unit is
 * written, and this reads it instead of keeping a second table of keys that could disagree. A value
 * in the meter's own unit carries the unit beside it: the native energy ({@code heat_energy} with
 * {@code heat_energy_unit}), a P1 meter's M-Bus channel ({@code mbus1_value} with
 * {@code mbus1_unit}). Counts and codes ({@code power_failures}, {@code tariff}, {@code info_code})
 * have no unit.
 */
public final class KeyUnits {

    /** Suffixes and their units, longest first where one ends another ({@code _m3h} before {@code _m3}). */
    private static final List<Map.Entry<String, String>> SUFFIXES = List.of(
            Map.entry("_mj_m3", "MJ/m³"),
            Map.entry("_m3_estimate", "m³"),
            Map.entry("_m3h", "m³/h"),
            Map.entry("_m3", "m³"),
            Map.entry("_kwh", "kWh"),
            Map.entry("_gj", "GJ"),
            Map.entry("_kw", "kW"),
            Map.entry("_c", "°C"),
            Map.entry("_k", "K"),
            Map.entry("_v", "V"),
            Map.entry("_a", "A"),
            Map.entry("_hours", "h"));

    private KeyUnits() {
    }

    /**
     * The unit of {@code key}'s value, or null for a count or code.
     *
     * @param reading the whole flat reading, where a unit written beside its value is found
     */
    public static String of(String key, Map<String, ?> reading) {
        Object beside = reading.get((key.endsWith("_value") ? key.substring(0, key.length() - "_value".length()) : key) + "_unit");
        if (beside != null) {
            return beside.toString();
        }
        Map.Entry<String, String> s = suffix(key);
        return s == null ? null : s.getValue();
    }

    /**
     * What {@code key} measures, without the unit its suffix writes ({@code heat_energy_kwh} →
     * {@code heat_energy}); the key itself when it has no unit suffix, and when the suffix is also
     * the quantity's word ({@code operating_hours}).
     */
    public static String quantity(String key) {
        Map.Entry<String, String> s = suffix(key);
        return s == null || s.getKey().equals("_hours") ? key : key.substring(0, key.length() - s.getKey().length());
    }

    private static Map.Entry<String, String> suffix(String key) {
        for (Map.Entry<String, String> s : SUFFIXES) {
            if (key.endsWith(s.getKey())) {
                return s;
            }
        }
        return null;
    }

    /**
     * Whether a number under {@code key} names the meter rather than measures anything (its primary
     * address, medium code, a channel's device type): such numbers are not values of the reading.
     */
    public static boolean identifies(String key) {
        return key.equals(ReadingKeys.PRIMARY_ADDRESS) || key.equals(ReadingKeys.MEDIUM_CODE)
                || (key.startsWith(ReadingKeys.CHANNEL_PREFIX) && key.endsWith("_device_type"));
    }
}
