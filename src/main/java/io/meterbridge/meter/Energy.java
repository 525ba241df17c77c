package io.meterbridge.meter;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;

/**
 * An amount of energy as the meter counts it (value in the meter's own unit, e.g. GJ on a meter
 * configured for GJ), convertible to kWh and GJ.
 *
 * <p>Conversions are exact when the result has a finite decimal expansion (kWh → GJ always
 * does: 1 kWh = 0.0036 GJ); joules to watt-hours need a division by 3600, which is rounded to
 * 16 significant digits ({@link MathContext#DECIMAL64}), far below any meter's resolution.
 *
 * @param value the amount, exactly as the meter sent it after its VIF scale
 * @param unit the meter's unit
 */
public record Energy(BigDecimal value, EnergyUnit unit) {

    public Energy {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(unit, "unit");
    }

    /** The amount in {@code target} units. */
    public BigDecimal in(EnergyUnit target) {
        if (target == unit) {
            return value;
        }
        BigDecimal joules = value.multiply(unit.joules());
        BigDecimal result;
        try {
            result = joules.divide(target.joules());
        } catch (ArithmeticException nonTerminating) {
            result = joules.divide(target.joules(), MathContext.DECIMAL64);
        }
        return plain(result);
    }

    /** The amount in kilowatt-hours. */
    public BigDecimal kWh() {
        return in(EnergyUnit.KWH);
    }

    /** The amount in gigajoules. */
    public BigDecimal gj() {
        return in(EnergyUnit.GJ);
    }

    /** The amount in megajoules (for the gas-equivalent estimate). */
    public BigDecimal mj() {
        return in(EnergyUnit.MJ);
    }

    /** Drops trailing zeros but keeps a non-negative scale, so 13000 stays 13000 rather than 1.3E+4. */
    static BigDecimal plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    @Override
    public String toString() {
        return value.toPlainString() + " " + unit.symbol();
    }
}
