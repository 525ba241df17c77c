package io.meterbridge.link;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A serial line's character framing: baud rate, data bits, parity, stop bits. M-Bus is 8E1 at
 * 2400 Bd (EN 13757-2 clause 4); an optical eye speaks its protocol's own: Kamstrup KMP
 * 1200 Bd 8N2, an IEC 62056-21 readout 300 Bd 7E1 and then the speed the meter announces, M-Bus
 * through the eye 8N1 for the wake-up and 8E1 after.
 *
 * @param baud 300 to 115200 Bd
 * @param dataBits 7 or 8
 * @param parity none, even or odd
 * @param stopBits 1 or 2
 */
public record Framing(int baud, int dataBits, Parity parity, int stopBits) {

    /** Kamstrup KMP on the optical eye (Kamstrup's KMP description; PyKMP, ESPHome {@code kamstrup_kmp}). */
    public static final Framing KMP = new Framing(1200, 8, Parity.NONE, 2);
    /** The start of an IEC 62056-21 exchange (clause 6.3.13: 300 Bd, 7 data bits, even parity, 1 stop bit). */
    public static final Framing IEC62056_INITIAL = new Framing(300, 7, Parity.EVEN, 1);

    private static final Pattern TEXT = Pattern.compile("(\\d+)(?:\\s*bd)?[\\s,/]+([78])([neo])([12])");

    public Framing {
        java.util.Objects.requireNonNull(parity, "parity");
        if (baud < 300 || baud > 115_200) {
            throw new IllegalArgumentException("expected a baud rate from 300 to 115200, found " + baud);
        }
        if (dataBits != 7 && dataBits != 8) {
            throw new IllegalArgumentException("expected 7 or 8 data bits, found " + dataBits);
        }
        if (stopBits != 1 && stopBits != 2) {
            throw new IllegalArgumentException("expected 1 or 2 stop bits, found " + stopBits);
        }
    }

    /** Parses {@code "1200 8N2"}, {@code "300 Bd 7E1"} or {@code "2400/8E1"}, case-insensitive. */
    public static Framing parse(String text) {
        Matcher m = TEXT.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("expected a framing such as \"1200 8N2\" or \"300 7E1\", found \"" + text + "\"");
        }
        return new Framing(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Parity.parse(m.group(3)),
                Integer.parseInt(m.group(4)));
    }

    /** The same framing at another speed (an IEC 62056-21 meter's announced baud rate). */
    public Framing withBaud(int b) {
        return new Framing(b, dataBits, parity, stopBits);
    }

    /** Bits on the wire per character: start bit, data bits, parity bit if any, stop bits. */
    public int bitsPerCharacter() {
        return 1 + dataBits + (parity == Parity.NONE ? 0 : 1) + stopBits;
    }

    /** Wire time of {@code characters} characters, in nanoseconds. */
    public long wireNanos(int characters) {
        return characters * (long) bitsPerCharacter() * 1_000_000_000L / baud;
    }

    /** {@code 8N2}: data bits, parity letter, stop bits. */
    public String shortName() {
        return "" + dataBits + parity.name().charAt(0) + stopBits;
    }

    /** {@code 1200 Bd 8N2}. */
    @Override
    public String toString() {
        return baud + " Bd " + shortName();
    }
}
