package io.meterbridge.p1;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One parenthesised group of a P1 line: {@code (001581.123*kWh)} gives text {@code 001581.123}
 * and unit {@code kWh}; {@code (0-0:96.7.19)} gives that text and no unit.
 *
 * @param text the characters between the parentheses, before any {@code *}
 * @param unit the characters after the {@code *}, empty when absent
 */
public record CosemValue(String text, String unit) {

    public CosemValue {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(unit, "unit");
    }

    /**
     * The text as an exact number.
     *
     * @throws NumberFormatException saying what was found
     */
    public BigDecimal decimal() {
        if (text.isEmpty()) {
            throw new NumberFormatException("expected a number, found an empty value");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9') && c != '.' && !(i == 0 && (c == '-' || c == '+'))) {
                throw new NumberFormatException("expected a number, found '" + text + "'");
            }
        }
        return new BigDecimal(text);
    }

    /** The text as a number with its unit. */
    public Quantity quantity() {
        return new Quantity(decimal(), unit);
    }

    /** The text as a P1 timestamp. */
    public P1Timestamp timestamp() {
        return P1Timestamp.parse(text);
    }

    @Override
    public String toString() {
        return "(" + text + (unit.isEmpty() ? "" : "*" + unit) + ")";
    }
}
