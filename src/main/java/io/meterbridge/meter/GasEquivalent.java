package io.meterbridge.meter;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An ESTIMATE of how much natural gas would hold the same energy as a heat reading:
 * energy (MJ) ÷ calorific value (MJ/m³). It is not a measurement: boiler efficiency, the gas's
 * real calorific value and the heat network's losses all differ. Offered only for dashboards
 * that accept nothing but gas volumes.
 *
 * @param volumeM3 the estimated gas volume in m³, rounded to 0.001 m³ (one litre)
 * @param calorificValueMjPerM3 the calorific value used, MJ per m³ (e.g. 35.17 for Dutch
 *     Groningen gas, upper value)
 */
public record GasEquivalent(BigDecimal volumeM3, BigDecimal calorificValueMjPerM3) {

    public GasEquivalent {
        Objects.requireNonNull(volumeM3, "volumeM3");
        Objects.requireNonNull(calorificValueMjPerM3, "calorificValueMjPerM3");
        if (calorificValueMjPerM3.signum() <= 0) {
            throw new IllegalArgumentException("calorific value must be positive MJ/m³, found " + calorificValueMjPerM3);
        }
    }

    /** The estimate for {@code energy} at {@code calorificValueMjPerM3}. */
    public static GasEquivalent of(Energy energy, BigDecimal calorificValueMjPerM3) {
        if (calorificValueMjPerM3.signum() <= 0) {
            throw new IllegalArgumentException("calorific value must be positive MJ/m³, found " + calorificValueMjPerM3);
        }
        BigDecimal m3 = energy.mj().divide(calorificValueMjPerM3, 3, RoundingMode.HALF_EVEN);
        return new GasEquivalent(m3, calorificValueMjPerM3);
    }
}
