package io.meterbridge.p1;

/**
 * An OBIS reduced identifier {@code A-B:C.D.E} (IEC 62056-61) as written on a P1 line, e.g.
 * {@code 1-0:1.8.1} (active energy import, tariff 1) or {@code 0-1:24.2.1} (M-Bus channel 1 value).
 * Some meters append the F group ({@code 1-0:1.8.0*255}); it is kept in {@link #f()}, 255 when absent.
 *
 * @param a medium (0 abstract, 1 electricity)
 * @param b channel (0 the meter itself, 1..4 M-Bus channels)
 * @param c quantity
 * @param d processing
 * @param e tariff or classification
 * @param f historical value (255 = current)
 */
public record ObisCode(int a, int b, int c, int d, int e, int f) {

    /** A code without F group. */
    public static ObisCode of(int a, int b, int c, int d, int e) {
        return new ObisCode(a, b, c, d, e, 255);
    }

    /**
     * Parses {@code A-B:C.D.E} or {@code A-B:C.D.E*F}.
     *
     * @throws IllegalArgumentException naming the text when it is not an OBIS identifier
     */
    public static ObisCode parse(CharSequence text) {
        ObisCode code = tryParse(text, 0, text.length());
        if (code == null) {
            throw new IllegalArgumentException("expected an OBIS code A-B:C.D.E, found '" + text + "'");
        }
        return code;
    }

    /** Parses the region, or returns null when it is not an OBIS identifier. */
    static ObisCode tryParse(CharSequence s, int from, int to) {
        int[] groups = new int[6];
        groups[5] = 255;
        char[] separators = {'-', ':', '.', '.', '*'};
        int group = 0;
        int value = -1;
        for (int i = from; i < to; i++) {
            char ch = s.charAt(i);
            if (ch >= '0' && ch <= '9') {
                value = (value < 0 ? 0 : value) * 10 + (ch - '0');
                if (value > 255) {
                    return null;
                }
            } else if (group < separators.length && ch == separators[group] && value >= 0) {
                groups[group++] = value;
                value = -1;
            } else {
                return null;
            }
        }
        if (value < 0 || (group != 4 && group != 5)) {
            return null;
        }
        groups[group] = value;
        return new ObisCode(groups[0], groups[1], groups[2], groups[3], groups[4], groups[5]);
    }

    /** The same code on another channel (B group). */
    public ObisCode onChannel(int channel) {
        return new ObisCode(a, channel, c, d, e, f);
    }

    /** The same code without the F group, as catalogued. */
    public ObisCode withoutF() {
        return f == 255 ? this : new ObisCode(a, b, c, d, e, 255);
    }

    @Override
    public String toString() {
        String base = a + "-" + b + ":" + c + "." + d + "." + e;
        return f == 255 ? base : base + "*" + f;
    }
}
