package io.meterbridge.telegram;

import java.util.HexFormat;

/** Hex text as people and libmbus write frames: two digits a byte, any white space between. */
public final class Hex {

    private static final HexFormat SPACED = HexFormat.ofDelimiter(" ").withUpperCase();

    private Hex() {
    }

    /** Upper-case hex, bytes separated by one space: {@code 68 03 03 68 …}. */
    public static String format(byte[] bytes) {
        return SPACED.formatHex(bytes);
    }

    /**
     * Parses hex text; white space of any kind anywhere is ignored, case is free.
     *
     * @throws IllegalArgumentException naming the first character that is not a hex digit, or an
     *     odd number of digits
     */
    public static byte[] parse(CharSequence text) {
        StringBuilder digits = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                continue;
            }
            if (Character.digit(c, 16) < 0) {
                throw new IllegalArgumentException("expected a hex digit at character " + i + ", found '" + c + "'");
            }
            digits.append(c);
        }
        if (digits.length() % 2 != 0) {
            throw new IllegalArgumentException("expected an even number of hex digits, found " + digits.length());
        }
        return HexFormat.of().parseHex(digits);
    }
}
