package io.meterbridge.iec62056;

import java.util.Optional;
import java.util.Set;

/**
 * What the data sets of a Landis+Gyr ULTRAHEAT UH50 / T550 readout are. Each address is named as two
 * independent readers of real meters name it and matched against four published readouts (see
 * {@code src/test/resources/iec62056/README.md}): ultraheat-api's {@code RESPONSE_CONFIG} (the library of
 * Home Assistant's {@code landisgyr_heat_meter} integration, whose documentation lists the same sensors)
 * and berrydenhartog/ultraheat50's {@code UHResponse}; psvanstrom/esphome-uh50reader confirms 6.8 and 6.26.
 * Of Landis+Gyr's own documents only the opening pages could be read here (catalogue sheet UH 506-101a,
 * technical description 32 19 101 001 a): they say the optical interface follows EN 62056-21 and list
 * no readout addresses there; the addresses are not confirmed by the manufacturer.
 *
 * <p>The energy unit is the meter's configuration: {@code GJ} (UH50 {@code /LUGCUH50} in ultraheat-api and
 * ultraheat50), {@code MWh} (T550 in ultraheat-api, esphome-uh50reader's readout) or {@code kWh} (a UH50 in
 * home-assistant/core#97406). {@code C} is °C, {@code m} minutes, {@code m3ph} m³/h.
 *
 * <p>Addresses no source names are not here and are kept as they come: {@code 9.22} ({@code R}),
 * {@code 9.6}, {@code 9.7}, {@code 9.2}, {@code 9.17}–{@code 9.19}, {@code 9.25}, {@code 9.29},
 * {@code 9.0.1}, {@code 9.0.2}, {@code 9.34.1}, {@code 9.34.2}, {@code 8.26.1}, {@code 8.26.2} (in m3),
 * the tariff registers {@code 6.8.1}–{@code 6.8.5} and {@code 6.26.1}–{@code 6.26.5} (empty in every
 * readout seen), and {@code 6.36.1}–{@code 6.36.5} (dates; "time point" in ultraheat50, no more).
 */
public enum LandisGyrUltraheat {
    ENERGY("6.8", Set.of("GJ", "MWh", "kWh"), "heat energy, the meter's register"),
    VOLUME("6.26", Set.of("m3"), "volume"),
    OWNERSHIP_NUMBER("9.21", Set.of(), "ownership number (set by the owner; may equal the device number)"),
    ENERGY_PREVIOUS_YEAR("6.8*01", Set.of("GJ", "MWh", "kWh"), "heat energy at the last yearly set day"),
    VOLUME_PREVIOUS_YEAR("6.26*01", Set.of("m3"), "volume at the last yearly set day"),
    ERROR_NUMBER("F", Set.of(), "error number, 0 without error"),
    DEVICE_NUMBER("9.20", Set.of(), "device number"),
    MEASUREMENT_PERIOD("6.35", Set.of("m"), "measurement period of the maxima, minutes"),
    POWER_MAX("6.6", Set.of("kW"), "highest power"),
    POWER_MAX_PREVIOUS_YEAR("6.6*01", Set.of("kW"), "highest power until the last yearly set day"),
    FLOW_RATE_MAX("6.33", Set.of("m3ph"), "highest flow rate, m³/h"),
    FLOW_RATE_MAX_PREVIOUS_YEAR("6.33*01", Set.of("m3ph"), "highest flow rate until the last yearly set day"),
    TEMPERATURES_MAX("9.4", Set.of("C"), "highest flow temperature & highest return temperature, °C (two values)"),
    TEMPERATURES_MAX_PREVIOUS_YEAR("9.4*01", Set.of("C"),
            "highest flow & return temperatures until the last yearly set day, °C (two values)"),
    OPERATING_HOURS("6.31", Set.of("h"), "operating hours"),
    FAULT_HOURS("6.32", Set.of("h"), "hours with a fault"),
    FAULT_HOURS_PREVIOUS_YEAR("6.32*01", Set.of("h"), "hours with a fault until the last yearly set day"),
    YEARLY_SET_DAY("6.36", Set.of(), "yearly set day, MM-DD & hh:mm"),
    MONTHLY_SET_DAY("6.36*02", Set.of(), "monthly set day, DD & hh:mm"),
    METER_DATE_TIME("9.36", Set.of(), "the meter's date & time, YYYY-MM-DD & hh:mm:ss"),
    MEASURING_RANGE("9.24", Set.of("m3ph"), "measuring range (nominal flow qp), m³/h"),
    SETTINGS_AND_FIRMWARE("9.1", Set.of(), "settings and firmware, &-separated (firmware version among them)"),
    FLOW_HOURS("9.31", Set.of("h"), "hours with flow"),
    HEAT_EQUIPMENT_ID("0.0", Set.of(), "heat equipment identification (ultraheat50 only)");

    private final String address;
    private final Set<String> units;
    private final String description;

    LandisGyrUltraheat(String address, Set<String> units, String description) {
        this.address = address;
        this.units = units;
        this.description = description;
    }

    /** The data set address, storage index included, as the meter writes it. */
    public String address() {
        return address;
    }

    /** The units the meter has been seen to write here; empty for values without a unit. */
    public Set<String> units() {
        return units;
    }

    public String description() {
        return description;
    }

    /** This data set in {@code block}. */
    public Optional<DataSet> in(DataBlock block) {
        return block.dataSet(address);
    }

    /** The entry for a data set address, empty for the addresses no source names. */
    public static Optional<LandisGyrUltraheat> of(DataSetAddress address) {
        for (LandisGyrUltraheat f : values()) {
            if (f.address.equals(address.text())) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
