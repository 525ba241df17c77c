package io.meterbridge.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every libmbus test frame decodes to the same function, storage number, tariff, sub-unit and
 * value (converted to libmbus' normalised unit) as libmbus' {@code .norm.xml}, except where
 * libmbus is wrong against EN 13757-3: those records are listed in {@link #CORRECTIONS} with the
 * right value and the clause.
 */
class LibmbusConformanceTest {

    private static final String DIR = "libmbus/test-frames/";
    private static final Pattern RECORD = Pattern.compile("<DataRecord id=\"(\\d+)\">(.*?)</DataRecord>", Pattern.DOTALL);
    private static final Pattern FIELD = Pattern.compile("<(\\w+)>(.*?)</\\1>", Pattern.DOTALL);

    /**
     * Records where libmbus' normalised output is wrong, keyed {@code frame#record id}, with the
     * value we assert instead (in libmbus' normalised unit; "null" for no valid value) and why.
     */
    static final Map<String, String[]> CORRECTIONS = new LinkedHashMap<>();

    private static void correct(String key, String value, String reason) {
        CORRECTIONS.put(key, new String[] {value, reason});
    }

    static {
        String typeG = "EN 13757-3 annex A type G: 00 00 is no date (\"not set\"); libmbus prints 2000-00-00";
        correct("ACW_Itron-BM-plus-m#2", "null", typeG);
        correct("itron_bm_+m#2", "null", typeG);
        correct("siemens_water#3", "null", typeG);
        correct("siemens_wfh21#3", "null", typeG);
        correct("REL-Relay-Padpuls2#1", "null",
                "EN 13757-3 annex A type F: bit 7 of the first byte (IV) set means the date/time is invalid; "
                        + "libmbus prints 1900-01-00T00:00:00");
        String bcd = "EN 13757-3 annex A type A: a BCD digit A–E is not a number (the meter signals an error "
                + "with it; DIF function 'value during error state'); libmbus adds the nibble as if it were a digit";
        correct("ELS_Elster-F96-Plus#4", "null", bcd);
        correct("ELS_Elster-F96-Plus#5", "null", bcd);
        correct("abb_f95#2", "null", bcd);
        correct("abb_f95#3", "null", bcd);
        correct("SEN_Pollustat#15", "46352",
                "EN 13757-3 table 10, VIF 0x7F (manufacturer specific): the data have no standard type; we read them as an "
                        + "unsigned register (type C), as bit fields such as Kamstrup's info code must be; "
                        + "libmbus reads every integer signed (-19184)");
        String limitDate = "EN 13757-3 table 15, combinable VIFE E110 1f1b (0x6F = last end): the record is the "
                + "date/time (type F) of the last end of the maximum, not a power/flow/temperature; libmbus ignores "
                + "the VIFE and scales the date bytes as a number";
        correct("landis+gyr_ultraheat_t230#19", "null", limitDate + " (00 00 00 00: not set)");
        correct("landis+gyr_ultraheat_t230#20", "null", limitDate + " (00 00 00 00: not set)");
        correct("landis+gyr_ultraheat_t230#21", "2011-08-26T20:50:00Z", limitDate);
        correct("landis+gyr_ultraheat_t230#22", "2011-08-09T11:43:00Z", limitDate);
    }

    static List<String> frames() {
        return Corpus.names("libmbus/test-frames");
    }

    @Test
    void corpusIsComplete() {
        assertEquals(76, frames().size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frames")
    void decodesLikeLibmbus(String name) throws Exception {
        Telegram t = Corpus.decodeLongFrame(Corpus.frame(DIR + name + ".hex"));
        String xml = Corpus.text(DIR + name + ".norm.xml");
        List<String> problems = new ArrayList<>();
        Matcher m = RECORD.matcher(xml);
        int ours = 0;
        boolean sawManufacturer = false;
        while (m.find()) {
            String id = m.group(1);
            Map<String, String> field = new LinkedHashMap<>();
            Matcher fm = FIELD.matcher(m.group(2));
            while (fm.find()) {
                field.put(fm.group(1), fm.group(2).trim());
            }
            String function = field.get("Function");
            String key = name + "#" + id;
            if (function == null) {
                // libmbus prints an empty record for VIF 0x7B without its extension VIFE (sen_pollutherm
                // 0C 7B …): the VIF announces table 0xFB but brings no VIFE; we keep it as reserved
                DataRecord r = t.records().get(ours++);
                assertEquals(Quantity.RESERVED, r.quantity(), key);
                continue;
            }
            if (function.equals("Manufacturer specific") || function.equals("More records follow")) {
                sawManufacturer = true;
                assertEquals(function.equals("More records follow"), t.moreRecordsFollow(), key + " more records follow");
                assertEquals(field.get("Value"), t.manufacturerData() == null ? null : Hex.format(t.manufacturerData()),
                        key + " manufacturer data");
                continue;
            }
            if (ours >= t.records().size()) {
                problems.add(key + ": libmbus has a record we do not");
                continue;
            }
            DataRecord r = t.records().get(ours++);
            if (t.kind() == Telegram.Kind.FIXED_DATA) {
                assertEquals("Actual value", function, key);
            } else {
                check(problems, key, "function", libmbusFunction(function), r.function());
                check(problems, key, "storage", Long.parseLong(field.get("StorageNumber")), r.storage());
                check(problems, key, "tariff", Integer.parseInt(field.getOrDefault("Tariff", "0")), r.tariff());
                check(problems, key, "subunit", Integer.parseInt(field.getOrDefault("Device", "0")), r.subunit());
            }
            String expected = field.get("Value");
            String[] correction = CORRECTIONS.get(key);
            if (correction != null) {
                expected = correction[0];
            }
            String actual = t.kind() == Telegram.Kind.FIXED_DATA ? fixedValue(r) : inLibmbusUnit(r, field.get("Unit"));
            if (!sameValue(expected, actual)) {
                problems.add(key + " " + r.dif() + " " + r.vif() + " (" + r.description() + "): libmbus "
                        + field.get("Value") + " " + field.get("Unit") + (correction != null ? " corrected " + expected : "")
                        + ", ours " + actual + " [" + r.value() + " " + r.unit() + "]");
            }
        }
        if (ours != t.records().size()) {
            problems.add(name + ": we decoded " + t.records().size() + " records, libmbus " + ours);
        }
        if (!sawManufacturer) {
            assertEquals(null, t.manufacturerData() == null ? null : Hex.format(t.manufacturerData()), name);
        }
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems));
        }
    }

    /** Each correction names an existing libmbus record whose value really differs, and says why. */
    @Test
    void everyCorrectionDiffersFromLibmbusAndCitesTheStandard() {
        for (Map.Entry<String, String[]> c : CORRECTIONS.entrySet()) {
            String key = c.getKey();
            String frame = key.substring(0, key.indexOf('#'));
            String id = key.substring(key.indexOf('#') + 1);
            assertTrue(frames().contains(frame), key);
            Matcher m = RECORD.matcher(Corpus.text(DIR + frame + ".norm.xml"));
            String libmbus = null;
            while (m.find()) {
                if (m.group(1).equals(id)) {
                    Matcher v = Pattern.compile("<Value>(.*?)</Value>").matcher(m.group(2));
                    assertTrue(v.find(), key);
                    libmbus = v.group(1).trim();
                }
            }
            assertTrue(libmbus != null, key + " exists in libmbus' output");
            assertTrue(!sameValue(libmbus, c.getValue()[0]), key + ": correction equals libmbus' value " + libmbus);
            assertTrue(c.getValue()[1].contains("EN 13757-3"), key + " cites the standard");
        }
    }

    private static void check(List<String> problems, String key, String what, Object expected, Object actual) {
        if (!expected.equals(actual)) {
            problems.add(key + " " + what + ": libmbus " + expected + ", ours " + actual);
        }
    }

    private static Function libmbusFunction(String text) {
        return switch (text) {
            case "Instantaneous value" -> Function.INSTANTANEOUS;
            case "Maximum value" -> Function.MAXIMUM;
            case "Minimum value" -> Function.MINIMUM;
            case "Value during error state" -> Function.ERROR;
            default -> throw new IllegalArgumentException(text);
        };
    }

    /** Factor from our unit to libmbus' normalised (SI base) unit. */
    static BigDecimal toSi(String unit) {
        return switch (unit) {
            case "kWh", "kW", "kJ", "kJ/h", "kvarh", "kvar", "kVA", "kVAh" -> new BigDecimal("1000");
            case "MWh", "MW", "MJ", "MJ/h" -> new BigDecimal("1000000");
            case "GWh", "GW", "GJ", "GJ/h" -> new BigDecimal("1000000000");
            case "L", "L/h" -> new BigDecimal("0.001");
            case "L/min" -> new BigDecimal("0.001");
            case "mL/s" -> new BigDecimal("0.000001");
            case "L/s" -> new BigDecimal("0.001");
            case "min" -> new BigDecimal("60");
            case "h" -> new BigDecimal("3600");
            case "d" -> new BigDecimal("86400");
            default -> BigDecimal.ONE;
        };
    }

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'");

    /** Our value as libmbus would print it in its normalised unit; "null" if invalid. */
    static String inLibmbusUnit(DataRecord r, String libmbusUnit) {
        Value v = r.value();
        if (v instanceof Value.Numeric n) {
            return n.number().multiply(toSi(r.unit())).toPlainString();
        }
        if (v instanceof Value.Date d) {
            return d.date().toString();
        }
        if (v instanceof Value.DateTime dt) {
            return dt.dateTime().format(DATE_TIME);
        }
        if (v instanceof Value.Text t) {
            return t.text().trim();
        }
        if (v instanceof Value.Bytes b) {
            return Hex.format(b.bytes());
        }
        if (v instanceof Value.None) {
            return "";
        }
        return "null";
    }

    /** libmbus prints fixed-structure counters raw in their unit (l, kWh): so do we, in L, kWh. */
    private static String fixedValue(DataRecord r) {
        return ((Value.Numeric) r.value()).number().toPlainString();
    }

    static boolean sameValue(String expected, String actual) {
        if (expected.equals(actual)) {
            return true;
        }
        try {
            BigDecimal e = new BigDecimal(expected);
            BigDecimal a = new BigDecimal(actual);
            // libmbus prints with %f after double arithmetic: equal to 6 decimals, or to 7
            // significant digits for REAL32 values
            BigDecimal diff = e.subtract(a).abs();
            return diff.compareTo(new BigDecimal("0.0000005")) <= 0
                    || diff.compareTo(e.abs().multiply(new BigDecimal("1e-7"), MathContext.DECIMAL64)) <= 0;
        } catch (NumberFormatException ex) {
            return false;
        }
    }
}
