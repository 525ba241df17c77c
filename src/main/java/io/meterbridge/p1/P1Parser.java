package io.meterbridge.p1;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Reads a framed telegram into a {@link P1Telegram}: header, every OBIS line with its values and
 * units, the DSMR 2.2/3 gas value on its continuation line, and the dialect ({@link P1Version}).
 *
 * <p>Unknown OBIS codes are kept ({@link P1Telegram#unknownLines()}), not errors. A known line whose
 * values do not fit its catalogue entry, or a line that is no OBIS line at all, is reported in
 * {@link P1Telegram#problems()} with its line number and left out of the typed accessors; the rest
 * of the telegram is still delivered. Only a telegram without header or without {@code !} fails.
 */
public final class P1Parser {

    private P1Parser() {
    }

    /** Parses a frame from {@link P1Framer}, whose CRC has already been checked. */
    public static P1Telegram parse(P1Frame frame) throws P1FormatException {
        return parse(frame.text(), false);
    }

    /**
     * Parses a whole telegram given as text ({@code /} … {@code !CRC}, trailing CR LF optional),
     * checking its CRC when it carries one.
     *
     * @throws P1CrcException    when the CRC does not match
     * @throws P1FormatException when there is no header or no {@code !}
     */
    public static P1Telegram parse(String telegram) throws P1FormatException {
        return parse(telegram, true);
    }

    private static final class LineBuilder {
        final ObisCode obis;
        final List<CosemValue> values = new ArrayList<>(2);
        final int lineNumber;
        final StringBuilder text;

        LineBuilder(ObisCode obis, int lineNumber, String text) {
            this.obis = obis;
            this.lineNumber = lineNumber;
            this.text = new StringBuilder(text);
        }
    }

    private static P1Telegram parse(String text, boolean verifyCrc) throws P1FormatException {
        int start = text.indexOf('/');
        if (start != 0) {
            throw new P1FormatException("expected the telegram to start with '/', found "
                    + (text.isEmpty() ? "nothing" : "'" + abbreviate(text) + "'"), 1);
        }
        List<String> rawLines = splitLines(text);
        String headerLine = rawLines.get(0);
        if (headerLine.length() < 5) {
            throw new P1FormatException("expected a header '/XXXZ<identification>' of at least 5 characters, found '"
                    + headerLine + "'", 1);
        }
        P1Header header = new P1Header(headerLine.substring(1, 4), headerLine.charAt(4), headerLine.substring(5));

        int endLine = -1;
        for (int i = rawLines.size() - 1; i > 0; i--) {
            if (rawLines.get(i).startsWith("!")) {
                endLine = i;
                break;
            }
        }
        if (endLine < 0) {
            throw new P1FormatException("expected a line starting with '!' ending the telegram, found none", rawLines.size());
        }
        String crcText = rawLines.get(endLine).substring(1).trim();
        OptionalInt crc;
        if (crcText.isEmpty()) {
            crc = OptionalInt.empty();
        } else if (crcText.length() == 4 && crcText.chars().allMatch(P1Parser::isHex)) {
            crc = OptionalInt.of(Integer.parseInt(crcText, 16));
        } else {
            throw new P1FormatException("expected 4 hex CRC digits or nothing after '!', found '" + crcText + "'", endLine + 1);
        }
        if (verifyCrc && crc.isPresent()) {
            int bang = text.lastIndexOf('!');
            byte[] bytes = text.substring(0, bang + 1).getBytes(StandardCharsets.ISO_8859_1);
            int expected = Crc16.compute(bytes, 0, bytes.length);
            if (expected != crc.getAsInt()) {
                throw new P1CrcException(expected, crc.getAsInt(), endLine + 1);
            }
        }

        List<P1Problem> problems = new ArrayList<>();
        List<LineBuilder> builders = new ArrayList<>();
        for (int i = 1; i < endLine; i++) {
            String line = rawLines.get(i);
            int lineNumber = i + 1;
            if (line.isBlank()) {
                continue;
            }
            if (line.charAt(0) == '(') {
                // DSMR 2.2/3: the gas value of 0-n:24.3.0 stands alone on the next line.
                if (builders.isEmpty()) {
                    problems.add(new P1Problem(lineNumber, line, "expected an OBIS code before the value line, found none"));
                    continue;
                }
                LineBuilder previous = builders.get(builders.size() - 1);
                String error = parseGroups(line, 0, previous.values);
                if (error != null) {
                    problems.add(new P1Problem(lineNumber, line, error));
                } else {
                    previous.text.append(line);
                }
                continue;
            }
            int open = line.indexOf('(');
            ObisCode obis = open > 0 ? ObisCode.tryParse(line, 0, open) : null;
            if (obis == null) {
                problems.add(new P1Problem(lineNumber, line, "expected an OBIS code A-B:C.D.E followed by '(', found '"
                        + abbreviate(open > 0 ? line.substring(0, open) : line) + "'"));
                continue;
            }
            LineBuilder b = new LineBuilder(obis, lineNumber, line);
            String error = parseGroups(line, open, b.values);
            if (error != null) {
                problems.add(new P1Problem(lineNumber, line, error));
                continue;
            }
            builders.add(b);
        }

        List<P1Line> lines = new ArrayList<>(builders.size());
        Set<Integer> invalid = new HashSet<>();
        for (LineBuilder b : builders) {
            Optional<ObisCatalogue.Entry> entry = ObisCatalogue.lookup(b.obis);
            P1Line line = new P1Line(b.obis, b.values, b.lineNumber, b.text.toString(), entry);
            lines.add(line);
            if (entry.isPresent()) {
                String error = validate(line, entry.get().kind());
                if (error != null) {
                    problems.add(new P1Problem(line.lineNumber(), line.text(), entry.get().name() + ": " + error));
                    invalid.add(line.lineNumber());
                }
            }
        }
        problems.sort((x, y) -> Integer.compare(x.lineNumber(), y.lineNumber()));
        P1Version version = detectVersion(header, lines, crc.isPresent());
        return new P1Telegram(header, version, lines, crc, problems, invalid);
    }

    private static List<String> splitLines(String text) {
        List<String> lines = new ArrayList<>(48);
        int from = 0;
        int n = text.length();
        while (from <= n) {
            int nl = text.indexOf('\n', from);
            int to = nl < 0 ? n : nl;
            int end = to > from && text.charAt(to - 1) == '\r' ? to - 1 : to;
            lines.add(text.substring(from, end));
            if (nl < 0) {
                break;
            }
            from = nl + 1;
        }
        return lines;
    }

    /** Reads {@code (value*unit)} groups from {@code pos}; returns an error message or null. */
    private static String parseGroups(String line, int pos, List<CosemValue> into) {
        int n = line.length();
        int i = pos;
        while (i < n) {
            char c = line.charAt(i);
            if (c == ' ') {
                i++;
                continue;
            }
            if (c != '(') {
                return "expected '(' at column " + (i + 1) + ", found '" + c + "'";
            }
            int close = line.indexOf(')', i + 1);
            if (close < 0) {
                return "expected ')' closing the group opened at column " + (i + 1) + ", found end of line";
            }
            int star = line.lastIndexOf('*', close);
            if (star > i) {
                into.add(new CosemValue(line.substring(i + 1, star), line.substring(star + 1, close)));
            } else {
                into.add(new CosemValue(line.substring(i + 1, close), ""));
            }
            i = close + 1;
        }
        if (into.isEmpty()) {
            return "expected at least one (value) group, found none";
        }
        return null;
    }

    /** Checks the values against the catalogue kind; returns an error message or null. */
    static String validate(P1Line line, ValueKind kind) {
        List<CosemValue> v = line.values();
        try {
            switch (kind) {
                case NUMBER -> line.first().decimal();
                case COUNT -> {
                    if (!isInteger(line.first().text()) || line.first().text().length() > 9) {
                        return "expected a whole number, found '" + line.first().text() + "'";
                    }
                }
                case TIMESTAMP -> line.first().timestamp();
                case TIMESTAMPED_NUMBER -> {
                    if (v.size() != 2) {
                        return "expected (timestamp)(value), found " + v.size() + " groups";
                    }
                    v.get(0).timestamp();
                    v.get(1).decimal();
                }
                case LEGACY_GAS -> {
                    if (v.size() != 7) {
                        return "expected (timestamp)(status)(period)(count)(obis)(unit) and a (value) line, found "
                                + v.size() + " groups";
                    }
                    v.get(0).timestamp();
                    v.get(6).decimal();
                }
                case EVENT_LOG -> {
                    int count = Integer.parseInt(v.get(0).text());
                    if (v.size() != 2 + 2 * count) {
                        return "expected (" + count + ")(obis) and " + count + " (end)(duration) pairs, found "
                                + v.size() + " groups";
                    }
                    for (int k = 0; k < count; k++) {
                        v.get(2 + 2 * k).timestamp();
                        String seconds = v.get(3 + 2 * k).text();
                        if (!isInteger(seconds) || seconds.length() > 18) {
                            return "expected a duration in whole seconds, found '" + seconds + "'";
                        }
                    }
                }
                case PEAK_HISTORY -> {
                    // Only the e-MUCS form (count)(obis)(obis) + triples is typed; other meters
                    // (e.g. Hungarian billing values) use 0-0:98.1.0 differently and are kept raw.
                    if (isInteger(v.get(0).text())) {
                        int count = Integer.parseInt(v.get(0).text());
                        if (v.size() != 3 + 3 * count) {
                            return "expected (" + count + ")(obis)(obis) and " + count + " (month)(time)(value) triples, found "
                                    + v.size() + " groups";
                        }
                        for (int k = 0; k < count; k++) {
                            v.get(3 + 3 * k).timestamp();
                            v.get(4 + 3 * k).timestamp();
                            v.get(5 + 3 * k).decimal();
                        }
                    }
                }
                case TEXT, OCTET_STRING, RAW -> {
                    // any text
                }
                default -> throw new IllegalStateException(kind.toString());
            }
        } catch (IllegalArgumentException e) { // NumberFormatException is one too
            return e.getMessage();
        }
        return null;
    }

    private static P1Version detectVersion(P1Header header, List<P1Line> lines, boolean hasCrc) {
        Set<ObisCode> codes = new HashSet<>();
        String version = null;
        for (P1Line l : lines) {
            codes.add(l.obis().withoutF());
            if (l.obis().equals(ObisCode.of(1, 3, 0, 2, 8))) {
                version = l.first().text();
            }
        }
        if (codes.contains(ObisCode.of(0, 0, 96, 1, 4))) {
            return P1Version.BELGIUM_E_MUCS;
        }
        boolean totalsOnly = codes.contains(ObisCode.of(1, 0, 1, 8, 0)) && !codes.contains(ObisCode.of(1, 0, 1, 8, 1));
        if (hasCrc && ("Lux".equals(header.manufacturer())
                || (totalsOnly && codes.contains(ObisCode.of(0, 0, 42, 0, 0)) && version != null))) {
            return P1Version.LUXEMBOURG_SMARTY;
        }
        if (version != null && hasCrc) {
            if (version.startsWith("5")) {
                return P1Version.DSMR_5;
            }
            if (version.startsWith("4")) {
                return P1Version.DSMR_4;
            }
        }
        if (!hasCrc) {
            if (version != null) {
                // A DSMR 4/5 version line without the CRC those versions require (e.g. a copy whose
                // CRC was cut off): not DSMR 2.2/3, which has no version line.
                return P1Version.OTHER_WITHOUT_CRC;
            }
            boolean dsmr = codes.contains(ObisCode.of(0, 0, 96, 14, 0)) || codes.contains(ObisCode.of(0, 0, 96, 1, 1));
            return dsmr ? P1Version.DSMR_2_OR_3 : P1Version.OTHER_WITHOUT_CRC;
        }
        return totalsOnly ? P1Version.NORDIC_ESMR5 : P1Version.OTHER_WITH_CRC;
    }

    private static boolean isInteger(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHex(int c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
