package io.meterbridge.p1;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An exact value with the unit the meter wrote ({@code kWh}, {@code kW}, {@code V}, {@code A},
 * {@code m3}, {@code s}, …; empty when the meter wrote none). Values keep the meter's scale, so
 * {@code 001581.123*kWh} is 1581.123 with scale 3.
 *
 * @param value the number, exactly as written
 * @param unit  the unit text, never null
 */
public record Quantity(BigDecimal value, String unit) {

    public Quantity {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(unit, "unit");
    }

    /**
     * The same quantity in kilo-units when the meter wrote base units: {@code Wh → kWh},
     * {@code W → kW}, {@code varh → kvarh}, {@code var → kvar}, {@code VA → kVA} (some Sagemcom
     * and EasyMeter meters report Wh and W). Other units are returned unchanged. Exact.
     */
    public Quantity inKiloUnits() {
        return switch (unit) {
            case "Wh", "W", "varh", "var", "VArh", "VAr", "VA" -> new Quantity(value.movePointLeft(3), "k" + unit);
            default -> this;
        };
    }

    @Override
    public String toString() {
        return unit.isEmpty() ? value.toPlainString() : value.toPlainString() + " " + unit;
    }
}
