package io.meterbridge.iec62056;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * The address of a data set, the text before its {@code (}: an OBIS-like code ({@code C.D} or
 * {@code C.D.E}, e.g. {@code 6.8}, {@code 9.0.1}; sometimes a single letter, {@code F} being the
 * error register) and an optional storage index after {@code *} ({@code 6.8*01}: on a Landis+Gyr
 * Ultraheat, the value at the last yearly set day).
 *
 * @param text    the address as sent
 * @param code    the part before {@code *}
 * @param storage the number after {@code *}, empty when there is none
 */
public record DataSetAddress(String text, String code, OptionalInt storage) {

    public DataSetAddress {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(storage, "storage");
    }

    /**
     * Reads an address. Returns null, for {@link DataBlockParser} to report with its position,
     * when a {@code *} is not followed by one to three digits.
     */
    static DataSetAddress tryParse(String text) {
        int star = text.indexOf('*');
        if (star < 0) {
            return new DataSetAddress(text, text, OptionalInt.empty());
        }
        String digits = text.substring(star + 1);
        if (star == 0 || digits.isEmpty() || digits.length() > 3 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        return new DataSetAddress(text, text.substring(0, star), OptionalInt.of(Integer.parseInt(digits)));
    }

    /**
     * An address from its text.
     *
     * @throws IllegalArgumentException when a {@code *} is not followed by one to three digits
     */
    public static DataSetAddress of(String text) {
        DataSetAddress address = tryParse(text);
        if (address == null) {
            throw new IllegalArgumentException("expected an address C.D[.E][*F], found '" + text + "'");
        }
        return address;
    }

    @Override
    public String toString() {
        return text;
    }
}
