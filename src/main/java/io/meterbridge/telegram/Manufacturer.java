package io.meterbridge.telegram;

/**
 * The three-letter manufacturer code (EN 13757-3 clause 6.3; the FLAG association's list):
 * each letter minus 64 in five bits, {@code ((c1·32)+c2)·32+c3}, sent LSB first.
 * {@code KAM} is 0x2C2D, on the wire {@code 2D 2C}.
 */
public final class Manufacturer {

    private Manufacturer() {
    }

    /** Letters of a 16-bit code; a letter outside A–Z (only from a corrupt or wildcard code) is '?'. */
    public static String decode(int code) {
        char[] letters = new char[3];
        for (int i = 2; i >= 0; i--) {
            int v = code & 0x1F;
            letters[i] = v >= 1 && v <= 26 ? (char) ('@' + v) : '?';
            code >>= 5;
        }
        return new String(letters);
    }

    /**
     * The 16-bit code of three letters A–Z.
     *
     * @throws IllegalArgumentException if the text is not three letters A–Z
     */
    public static int encode(String letters) {
        if (letters.length() != 3) {
            throw new IllegalArgumentException("expected a three-letter manufacturer code, found \"" + letters + "\"");
        }
        int code = 0;
        for (int i = 0; i < 3; i++) {
            char c = Character.toUpperCase(letters.charAt(i));
            if (c < 'A' || c > 'Z') {
                throw new IllegalArgumentException("expected letters A–Z in manufacturer code, found \"" + letters + "\"");
            }
            code = code * 32 + (c - '@');
        }
        return code;
    }
}
