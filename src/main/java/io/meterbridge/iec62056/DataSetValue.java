package io.meterbridge.iec62056;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One value of a data set with its unit: {@code 0328.871*GJ} gives text {@code 0328.871} and unit
 * {@code GJ}; {@code 2022-05-19} gives that text and no unit. Units are kept as the meter writes
 * them: a Landis+Gyr Ultraheat writes {@code C} for °C, {@code m} for minutes, {@code m3ph} for m³/h.
 *
 * @param text the characters before {@code *}
 * @param unit the characters after {@code *}, empty when there is none
 */
public record DataSetValue(String text, String unit) {

    public DataSetValue {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(unit, "unit");
    }

    /** Reads {@code value[*unit]}, splitting at the first {@code *}. */
    static DataSetValue of(String part) {
        int star = part.indexOf('*');
        return star < 0 ? new DataSetValue(part, "") : new DataSetValue(part.substring(0, star), part.substring(star + 1));
    }

    /** Whether the text is a decimal number: an optional sign, digits, at most one {@code .}. */
    public boolean isNumber() {
        int digits = 0;
        int dots = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '.') {
                dots++;
            } else if (!(i == 0 && (c == '-' || c == '+'))) {
                return false;
            }
        }
        return digits > 0 && dots <= 1;
    }

    /**
     * The text as the exact number it is: {@code 0328.871} is 328.871 with scale 3 (leading zeros
     * dropped, trailing ones kept), never rounded through a double.
     *
     * @throws NumberFormatException saying what was found, for dates, serial numbers with letters,
     *                               empty values
     */
    public BigDecimal decimal() {
        if (!isNumber()) {
            throw new NumberFormatException("expected a decimal number, found " + (text.isEmpty() ? "an empty value" : "'" + text + "'"));
        }
        return new BigDecimal(text);
    }

    @Override
    public String toString() {
        return unit.isEmpty() ? text : text + "*" + unit;
    }
}
