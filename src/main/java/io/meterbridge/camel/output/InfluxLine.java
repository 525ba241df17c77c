package io.meterbridge.camel.output;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meterbridge.camel.reading.TakenBy;
import io.meterbridge.meter.ReadingKeys;

/**
 * Turns a reading (its flat JSON, as the journal holds it) into one line of InfluxDB line
 * protocol, which InfluxDB 1.x, 2.x and 3 and VictoriaMetrics all take:
 * {@code meterbridge_heat,manufacturer=KAM,meter_key=kam_82937133,model=MULTICAL\ 303 heat_energy_kwh=1234.5,problem=false 1764876000123456789}.
 * <ul>
 * <li>measurement: {@code meterbridge_} and the reading's {@code type}, so each kind of meter has
 * its own field set and meterbridge's measurements stand apart in a database shared with others;</li>
 * <li>tags: only the meter's identity ({@code manufacturer}, {@code meter_key}, {@code model}, in
 * that order, the sorted order InfluxDB wants), the same on every reading of a meter;</li>
 * <li>fields: every number, as a float (no {@code i} suffix, exactly the decimal the reading holds),
 * (trailing zeros dropped), so a value that is a whole number in one reading and a fraction in the next never conflicts with
 * the field's type; every boolean; text only for {@link #TEXT_FIELDS}, which say in words what
 * {@code info_code} and the meter's display say, and which instance took the reading (a field,
 * not a tag: a bus that moves to another instance keeps its meters' series); the identity
 * numbers (address, medium code) are not fields;</li>
 * <li>time: {@code read_at} in nanoseconds, the default precision of every server above, so the
 * instant is written exactly as the reading holds it.</li>
 * </ul>
 * A point is named by measurement, tag set and time; writing the same reading again (a replay
 * after an outage or a restart) overwrites the point with the same values instead of adding one.
 */
public final class InfluxLine {

    /** The prefix of every measurement. */
    public static final String MEASUREMENT_PREFIX = "meterbridge_";

    /** The tags, in the sorted order InfluxDB stores and compares them in. */
    private static final Set<String> TAGS = Set.of(ReadingKeys.MANUFACTURER, ReadingKeys.METER_KEY, ReadingKeys.MODEL);

    /** Text values written as string fields; any other text is identity, a unit or a time. */
    static final Set<String> TEXT_FIELDS = Set.of(ReadingKeys.INFO_TEXT, ReadingKeys.TEXT_MESSAGE, TakenBy.KEY);

    /** Numbers that name the meter rather than measure anything (the primary address is a bus setting). */
    private static final Set<String> NOT_FIELDS = Set.of(ReadingKeys.PRIMARY_ADDRESS, ReadingKeys.MEDIUM_CODE,
            ReadingKeys.METER_ID, ReadingKeys.VERSION);

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /**
     * The reading as one line (without a line end).
     *
     * @param body the reading's flat JSON text, or a {@code Map}
     * @throws InfluxLineException if the reading has no {@code type} or {@code read_at}, or no value
     *         that can be a field: InfluxDB could never store it, however often it is sent
     */
    public String line(Object body) throws IOException {
        JsonNode reading = body instanceof String s ? JSON.readTree(s) : JSON.valueToTree(body);
        if (reading == null || !reading.isObject()) {
            throw new InfluxLineException("a reading is a JSON object, found: " + reading);
        }
        StringBuilder line = new StringBuilder(256);
        line.append(escape(MEASUREMENT_PREFIX + text(reading, ReadingKeys.TYPE), ", "));
        Map<String, JsonNode> sorted = new TreeMap<>();
        reading.properties().forEach(e -> sorted.put(e.getKey(), e.getValue()));
        for (Map.Entry<String, JsonNode> e : sorted.entrySet()) {
            String value = e.getValue().isTextual() ? clean(e.getValue().asText()) : "";
            if (TAGS.contains(e.getKey()) && !value.isBlank()) {
                line.append(',').append(escape(e.getKey(), ",= ")).append('=').append(escape(value, ",= "));
            }
        }
        char separator = ' ';
        for (Map.Entry<String, JsonNode> e : sorted.entrySet()) {
            String field = field(e.getKey(), e.getValue());
            if (field != null) {
                line.append(separator).append(escape(e.getKey(), ",= ")).append('=').append(field);
                separator = ',';
            }
        }
        if (separator == ' ') {
            throw new InfluxLineException("reading of " + reading.path(ReadingKeys.METER_KEY).asText("?") + " at "
                    + reading.path(ReadingKeys.READ_AT).asText("?") + " has no number or boolean to write as a field: " + reading);
        }
        return line.append(' ').append(nanos(reading)).toString();
    }

    /** The field value of {@code key}, or {@code null} if it is not a field. */
    private static String field(String key, JsonNode value) {
        if (TAGS.contains(key) || NOT_FIELDS.contains(key)) {
            return null;
        }
        if (value.isNumber()) {
            return value.decimalValue().toPlainString();
        }
        if (value.isBoolean()) {
            return value.asBoolean() ? "true" : "false";
        }
        if (value.isTextual() && TEXT_FIELDS.contains(key)) {
            return '"' + clean(value.asText()).replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        }
        return null; // null, arrays, identity text, units and times
    }

    /** {@code read_at} in nanoseconds since 1970: the point's time, exact. */
    private static String nanos(JsonNode reading) {
        String readAt = text(reading, ReadingKeys.READ_AT);
        try {
            Instant t = Instant.parse(readAt);
            return String.valueOf(Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano()));
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new InfluxLineException("read_at of " + reading.path(ReadingKeys.METER_KEY).asText("?")
                    + " is not an instant InfluxDB can store (1677 to 2262, such as 2026-12-04T19:14:23.123Z), found '" + readAt + "'");
        }
    }

    private static String text(JsonNode reading, String key) {
        JsonNode v = reading.get(key);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new InfluxLineException("a reading for InfluxDB needs " + key + ", found "
                    + (v == null ? "none" : v.toString()) + " in " + reading);
        }
        return v.asText();
    }

    /**
     * Line protocol ends a point at a line end and has no escape for one: line ends, tabs and
     * other control characters become spaces (escaped like any space in a name or tag).
     */
    private static String clean(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
        return out.toString();
    }

    /** A backslash before each of {@code special}: commas and spaces in a measurement, also {@code =} in keys and tag values. */
    private static String escape(String s, String special) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (char c : clean(s).toCharArray()) {
            if (special.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
