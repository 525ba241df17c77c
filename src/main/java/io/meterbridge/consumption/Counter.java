package io.meterbridge.consumption;

import io.meterbridge.meter.KeyUnits;
import io.meterbridge.meter.ReadingKeys;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * A register whose increase is consumption: heat energy (in kWh and, as the same register, in
 * GJ), the heat meter's volume, an electricity meter's import and export. Each is read from its
 * key in a reading's flat form ({@link ReadingKeys}).
 *
 * <p>{@link #noise()} is the largest decrease that is rounding rather than a counter reset: one
 * step of the coarsest register resolution meters of that kind use (a GJ register with two
 * decimals steps by 2.8 kWh, so heat energy allows 3 kWh; 0.1 m³ for volume; 1 kWh for
 * electricity meters that count whole kWh). kWh and GJ allow the same energy (3 kWh = 0.0108 GJ),
 * so the two views of one register always agree on what is a reset.
 */
public enum Counter {
    HEAT_ENERGY_KWH(ReadingKeys.HEAT_ENERGY_KWH, 3, "3"),
    HEAT_ENERGY_GJ(ReadingKeys.HEAT_ENERGY_GJ, 6, "0.0108"),
    VOLUME_M3(ReadingKeys.VOLUME_M3, 3, "0.1"),
    IMPORT_KWH(ReadingKeys.IMPORT_KWH, 3, "1"),
    EXPORT_KWH(ReadingKeys.EXPORT_KWH, 3, "1");

    private final String key;
    private final String unit;
    private final int scale;
    private final BigDecimal noise;

    Counter(String key, int scale, String noise) {
        this.key = key;
        // the key's suffix writes the unit (KeyUnits reads it), as for every value of a reading
        this.unit = KeyUnits.of(key, Map.of());
        this.scale = scale;
        this.noise = new BigDecimal(noise);
    }

    /** The key of the register in a reading's flat form, e.g. {@code heat_energy_kwh}. */
    public String key() {
        return key;
    }

    /** The unit of the register and of its consumption: {@code kWh}, {@code GJ}, {@code m³}. */
    public String unit() {
        return unit;
    }

    /**
     * The decimals of an interval's amount: Wh for kWh, kJ for GJ (finer than the kWh, so a GJ
     * amount is never coarser than its kWh twin), litres for m³.
     */
    public int scale() {
        return scale;
    }

    /** The largest decrease between readings that is rounding, not a reset (see the class comment). */
    public BigDecimal noise() {
        return noise;
    }

    /** The counter read from {@code key}, if it is one. */
    public static Optional<Counter> ofKey(String key) {
        for (Counter c : values()) {
            if (c.key.equals(key)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
