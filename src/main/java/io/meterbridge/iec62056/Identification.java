package io.meterbridge.iec62056;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * The identification message a meter answers the request with: {@code / X X X Z [\W] Ident CR LF}
 * (IEC 62056-21), sent at 300 Bd, e.g. {@code /LUGCUH50} of a Landis+Gyr UH50.
 *
 * @param manufacturer  the three letters of the manufacturer, as sent: a lower-case third letter
 *                      announces a minimum reaction time of 20 ms instead of 200 ms (lvzon's notes).
 *                      Letters are accepted in either case anywhere: {@code /Els6} (Elster) and
 *                      DSMR's {@code /Ene5}, {@code /Lux5} have a lower-case second letter
 * @param baudCharacter {@code Z}: the protocol mode and the speed of the data block, see {@link ProtocolMode}
 * @param enhanced      {@code W} of the enhanced identification {@code \W}, empty when absent;
 *                      {@code '2'} says the binary mode (HDLC, mode E) is available, other values are
 *                      reserved (DLMS UA list of standard items, IEC 62056-21 clause 6.3.2 item 24)
 * @param ident         the device's own identification after {@code Z} (and after {@code \W}), at most
 *                      16 characters with {@code \W}
 */
public record Identification(String manufacturer, char baudCharacter, Optional<Character> enhanced, String ident) {

    /** Longest identification line: {@code /}, three letters, {@code Z}, 16 characters, CR LF. */
    public static final int MAX_LENGTH = 1 + 3 + 1 + 16 + 2;

    public Identification {
        Objects.requireNonNull(manufacturer, "manufacturer");
        Objects.requireNonNull(enhanced, "enhanced");
        Objects.requireNonNull(ident, "ident");
    }

    /** The protocol mode {@link #baudCharacter()} announces. */
    public ProtocolMode mode() {
        return ProtocolMode.of(baudCharacter);
    }

    /** The speed of the data block (mode B), or the highest one the meter offers (mode C), or 300 (mode A). */
    public int baudRate() {
        return mode().baudRate(baudCharacter);
    }

    /** Whether the meter announced a 20 ms minimum reaction time (lower-case third manufacturer letter). */
    public boolean shortReactionTime() {
        return Character.isLowerCase(manufacturer.charAt(2));
    }

    /** Whether the enhanced identification {@code \2} announces the binary mode (HDLC, mode E). */
    public boolean binaryModeAvailable() {
        return enhanced.isPresent() && enhanced.get() == '2';
    }

    /** The line as the meter sends it, without CR LF. */
    public String text() {
        return "/" + manufacturer + baudCharacter + enhanced.map(w -> "\\" + w).orElse("") + ident;
    }

    /** The line with CR LF, as bytes. */
    public byte[] bytes() {
        return (text() + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Parses one identification line, {@code /} through CR LF.
     *
     * @throws Iec62056FormatException naming what is wrong and its offset from the {@code /}
     */
    public static Identification parse(byte[] line, int from, int to) throws Iec62056FormatException {
        int n = to - from;
        if (n < 1 || line[from] != '/') {
            throw new Iec62056FormatException("expected '/' starting the identification, found "
                    + (n < 1 ? "nothing" : describe(line[from])), 0, 1);
        }
        if (n < 7) {
            throw new Iec62056FormatException("expected an identification '/XXXZ<ident>' CR LF of at least 7 bytes, found "
                    + n + " bytes '" + printable(line, from, to) + "'", n, 1);
        }
        for (int i = 1; i <= 3; i++) {
            int c = line[from + i] & 0xFF;
            if (!(c >= 'A' && c <= 'Z') && !(c >= 'a' && c <= 'z')) {
                throw new Iec62056FormatException("expected a letter of the manufacturer's three, found " + describe(line[from + i]), i, 1);
            }
        }
        char z = (char) (line[from + 4] & 0xFF);
        if (z == '/' || z == '!' || z < 0x21 || z > 0x7E) {
            throw new Iec62056FormatException("expected the baud rate character after the manufacturer, found "
                    + describe(line[from + 4]), 4, 1);
        }
        ProtocolMode mode = ProtocolMode.of(z);
        if (mode.reserved(z)) {
            throw new Iec62056FormatException("expected a baud rate character of mode " + mode + ", found '" + z
                    + "', which is reserved", 4, 1);
        }
        if (line[to - 2] != '\r' || line[to - 1] != '\n') {
            throw new Iec62056FormatException("expected CR LF ending the identification, found "
                    + describe(line[to - 2]) + " " + describe(line[to - 1]), n - 2, 1);
        }
        int identStart = 5;
        Optional<Character> enhanced = Optional.empty();
        if (n >= 9 && line[from + 5] == '\\') { // '/XXXZ\W' CR LF at least
            char w = (char) (line[from + 6] & 0xFF);
            if (!(w >= '0' && w <= '9')) {
                throw new Iec62056FormatException("expected the enhanced identification character (a digit) after '\\', found "
                        + describe(line[from + 6]), 6, 1);
            }
            enhanced = Optional.of(w);
            identStart = 7;
        }
        int identLength = n - 2 - 5;
        if (identLength > 16) {
            throw new Iec62056FormatException("expected at most 16 identification characters after '/XXXZ', found "
                    + identLength, 5 + 16, 1);
        }
        for (int i = identStart; i < n - 2; i++) {
            int c = line[from + i] & 0xFF;
            if (c < 0x20 || c > 0x7E || c == '/' || c == '!') {
                throw new Iec62056FormatException("expected a printable identification character other than '/' and '!', found "
                        + describe(line[from + i]), i, 1);
            }
        }
        String manufacturer = new String(line, from + 1, 3, StandardCharsets.US_ASCII);
        String ident = new String(line, from + identStart, n - 2 - identStart, StandardCharsets.US_ASCII);
        return new Identification(manufacturer, z, enhanced, ident);
    }

    /** Parses an identification given as text, CR LF included. */
    public static Identification parse(String line) throws Iec62056FormatException {
        byte[] bytes = line.getBytes(StandardCharsets.ISO_8859_1);
        return parse(bytes, 0, bytes.length);
    }

    static String describe(byte b) {
        int c = b & 0xFF;
        return switch (c) {
            case 0x00 -> "NUL";
            case 0x01 -> "SOH";
            case 0x02 -> "STX";
            case 0x03 -> "ETX";
            case 0x06 -> "ACK";
            case 0x0A -> "LF";
            case 0x0D -> "CR";
            default -> c >= 0x20 && c < 0x7F ? "'" + (char) c + "'" : String.format("0x%02X", c);
        };
    }

    static String printable(byte[] bytes, int from, int to) {
        StringBuilder s = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            int c = bytes[i] & 0xFF;
            if (c >= 0x20 && c < 0x7F) {
                s.append((char) c);
            } else {
                s.append(String.format("<%02X>", c));
            }
        }
        return s.toString();
    }
}
