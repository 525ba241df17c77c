package io.meterbridge.meter;

/**
 * The keys of {@link Reading#toMap()}. They are a published interface: JSON Lines and CSV
 * columns, MQTT state payloads and Home Assistant value templates use them, so they change only
 * with a major version.
 */
public final class ReadingKeys {

    private ReadingKeys() {
    }

    // every reading
    public static final String TYPE = "type";
    public static final String METER_KEY = "meter_key";
    public static final String MANUFACTURER = "manufacturer";
    public static final String MANUFACTURER_NAME = "manufacturer_name";
    public static final String MODEL = "model";
    public static final String METER_ID = "meter_id";
    public static final String PRIMARY_ADDRESS = "primary_address";
    public static final String SECONDARY_ADDRESS = "secondary_address";
    public static final String MEDIUM = "medium";
    public static final String MEDIUM_CODE = "medium_code";
    public static final String VERSION = "version";
    public static final String READ_AT = "read_at";
    public static final String METER_CLOCK = "meter_clock";
    public static final String STATUS = "status";

    // heat
    public static final String HEAT_ENERGY = "heat_energy";
    public static final String HEAT_ENERGY_UNIT = "heat_energy_unit";
    public static final String HEAT_ENERGY_KWH = "heat_energy_kwh";
    public static final String HEAT_ENERGY_GJ = "heat_energy_gj";
    public static final String COOLING_ENERGY = "cooling_energy";
    public static final String COOLING_ENERGY_UNIT = "cooling_energy_unit";
    public static final String COOLING_ENERGY_KWH = "cooling_energy_kwh";
    public static final String COOLING_ENERGY_GJ = "cooling_energy_gj";
    public static final String VOLUME_M3 = "volume_m3";
    public static final String FLOW_TEMPERATURE_C = "flow_temperature_c";
    public static final String RETURN_TEMPERATURE_C = "return_temperature_c";
    public static final String TEMPERATURE_DIFFERENCE_K = "temperature_difference_k";
    public static final String POWER_KW = "power_kw";
    public static final String MAX_POWER_KW = "max_power_kw";
    public static final String VOLUME_FLOW_M3H = "volume_flow_m3h";
    public static final String MAX_VOLUME_FLOW_M3H = "max_volume_flow_m3h";
    public static final String OPERATING_HOURS = "operating_hours";
    public static final String ERROR_HOURS = "error_hours";
    public static final String INFO_CODE = "info_code";
    public static final String INFO_ALARMS = "info_alarms";
    public static final String INFO_TEXT = "info_text";
    public static final String PROBLEM = "problem";
    public static final String TARGET_DATE = "target_date";
    public static final String TARGET_HEAT_ENERGY_KWH = "target_heat_energy_kwh";
    public static final String TARGET_HEAT_ENERGY_GJ = "target_heat_energy_gj";
    public static final String TARGET_COOLING_ENERGY_KWH = "target_cooling_energy_kwh";
    public static final String TARGET_COOLING_ENERGY_GJ = "target_cooling_energy_gj";
    public static final String TARGET_VOLUME_M3 = "target_volume_m3";
    public static final String TARGET_MAX_POWER_KW = "target_max_power_kw";
    public static final String TARGET_MAX_VOLUME_FLOW_M3H = "target_max_volume_flow_m3h";
    public static final String GAS_EQUIVALENT_M3_ESTIMATE = "gas_equivalent_m3_estimate";
    public static final String GAS_CALORIFIC_VALUE_MJ_M3 = "gas_calorific_value_mj_m3";

    // electricity
    public static final String IMPORT_KWH = "import_kwh";
    public static final String EXPORT_KWH = "export_kwh";
    /** Followed by the tariff number: {@code import_t1_kwh}. */
    public static final String IMPORT_TARIFF_PREFIX = "import_t";
    /** Followed by the tariff number: {@code export_t2_kwh}. */
    public static final String EXPORT_TARIFF_PREFIX = "export_t";
    public static final String POWER_IMPORT_KW = "power_import_kw";
    public static final String POWER_EXPORT_KW = "power_export_kw";
    public static final String TARIFF = "tariff";
    /** Followed by the phase number and a suffix: {@code l1_voltage_v}, {@code l2_current_a}. */
    public static final String PHASE_PREFIX = "l";
    public static final String POWER_FAILURES = "power_failures";
    public static final String LONG_POWER_FAILURES = "long_power_failures";
    public static final String TEXT_MESSAGE = "text_message";
    /** Followed by the channel number: {@code mbus1_value}, {@code mbus1_unit}, {@code mbus1_time}. */
    public static final String CHANNEL_PREFIX = "mbus";
    public static final String GAS_M3 = "gas_m3";
    public static final String GAS_TIME = "gas_time";

    /** The tariff key suffix for tariff {@code t} of a direction prefix, e.g. {@code import_t1_kwh}. */
    public static String tariffKey(String prefix, int tariff) {
        return prefix + tariff + "_kwh";
    }
}
