package io.meterbridge.meter;

/**
 * The bits of a Kamstrup MULTICAL info code (MULTICAL 403 technical description, "Info codes";
 * the MULTICAL 303 is assumed to use the same bits, as its manual lists the same events).
 * Bit 10 (1024) has no documented meaning and is reported as {@code bit_10}.
 */
public enum KamstrupInfoBit {
    NO_SUPPLY(1, "no_supply", "No voltage supply"),
    LOW_BATTERY(2, "low_battery", "Low battery level"),
    EXTERNAL_ALARM(4, "external_alarm", "External alarm"),
    T1_ABOVE_RANGE(8, "t1_above_range", "Flow temperature sensor T1 above measuring range"),
    T1_BELOW_RANGE(16, "t1_below_range", "Flow temperature sensor T1 below measuring range"),
    T2_ABOVE_RANGE(32, "t2_above_range", "Return temperature sensor T2 above measuring range"),
    T2_BELOW_RANGE(64, "t2_below_range", "Return temperature sensor T2 below measuring range"),
    INVALID_TEMPERATURE_DIFFERENCE(128, "invalid_temperature_difference", "Invalid temperature difference (T1-T2)"),
    AIR_IN_FLOW_SENSOR(256, "air_in_flow_sensor", "Air in flow sensor"),
    WRONG_FLOW_DIRECTION(512, "wrong_flow_direction", "Wrong flow direction"),
    FLOW_ABOVE_LIMIT(2048, "flow_above_limit", "Flow above the meter's limit (qs)"),
    PULSE_INPUT_A_LEAKAGE(4096, "input_a_leakage", "Leakage at pulse input A"),
    PULSE_INPUT_A_EXTERNAL_ALARM(8192, "input_a_external_alarm", "External alarm at pulse input A"),
    PULSE_INPUT_B_LEAKAGE(16384, "input_b_leakage", "Leakage at pulse input B"),
    PULSE_INPUT_B_EXTERNAL_ALARM(32768, "input_b_external_alarm", "External alarm at pulse input B");

    private final long mask;
    private final String key;
    private final String text;

    KamstrupInfoBit(long mask, String key, String text) {
        this.mask = mask;
        this.key = key;
        this.text = text;
    }

    public long mask() {
        return mask;
    }

    /** This bit as an {@link Alarm}. */
    public Alarm alarm() {
        return new Alarm(mask, key, text);
    }

    /** The bit with this mask, or {@code null}. */
    static KamstrupInfoBit of(long mask) {
        for (KamstrupInfoBit b : values()) {
            if (b.mask == mask) {
                return b;
            }
        }
        return null;
    }
}
