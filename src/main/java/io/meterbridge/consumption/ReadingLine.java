package io.meterbridge.consumption;

import io.meterbridge.meter.ReadingKeys;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

/**
 * What this package takes from one line of a daily file: the meter, when it was read and its
 * counters. The line is parsed as a stream of JSON tokens and everything else in it is skipped, so
 * no map of the whole reading is built.
 *
 * @param meterKey the {@code meter_key}
 * @param readAt the {@code read_at} time
 * @param values the counters the reading has (a heat meter's energy and volume, an electricity
 *     meter's import and export)
 */
record ReadingLine(String meterKey, Instant readAt, Map<Counter, BigDecimal> values) {

    /** Thread-safe once configured, as Jackson documents; parsers are made per line. */
    private static final JsonFactory JSON = new JsonFactory();

    /** Shown of a line in a message. */
    private static final int EXCERPT = 80;

    /** The reading on line {@code line} of {@code file}, held in {@code bytes[offset, offset + length)}. */
    static ReadingLine parse(byte[] bytes, int offset, int length, Path file, long line) throws ReadingLineException {
        String meterKey = null;
        Instant readAt = null;
        Map<Counter, BigDecimal> values = new EnumMap<>(Counter.class);
        try (JsonParser p = JSON.createParser(bytes, offset, length)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new ReadingLineException(file, line, "expected a JSON object, found "
                        + excerpt(bytes, offset, length));
            }
            for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                if (t == null) { // Jackson reports an unclosed object itself; this keeps the loop finite regardless
                    throw new ReadingLineException(file, line, "expected } to close the reading, found the end of the line");
                }
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (ReadingKeys.READ_AT.equals(name)) {
                    readAt = time(p, value, file, line);
                } else if (ReadingKeys.METER_KEY.equals(name)) {
                    meterKey = text(p, value, name, file, line);
                } else {
                    Optional<Counter> counter = Counter.ofKey(name);
                    if (counter.isPresent()) {
                        values.put(counter.get(), number(p, value, counter.get(), file, line));
                    } else {
                        p.skipChildren();
                    }
                }
            }
            if (p.nextToken() != null) {
                throw new ReadingLineException(file, line, "expected the line to end after the reading's object, found "
                        + p.getText() + " at column " + p.currentTokenLocation().getColumnNr());
            }
        } catch (JsonProcessingException e) {
            throw new ReadingLineException(file, line, "expected a JSON object, found invalid JSON (" + e.getOriginalMessage()
                    + " at column " + e.getLocation().getColumnNr() + "): " + excerpt(bytes, offset, length));
        } catch (IOException e) {
            throw new IllegalStateException("reading JSON from memory cannot fail", e);
        }
        if (meterKey == null || readAt == null) {
            throw new ReadingLineException(file, line, "expected " + ReadingKeys.READ_AT + " and " + ReadingKeys.METER_KEY
                    + ", found " + (readAt != null ? "only read_at" : meterKey != null ? "only meter_key" : "neither")
                    + ": " + excerpt(bytes, offset, length));
        }
        return new ReadingLine(meterKey, readAt, values);
    }

    private static String text(JsonParser p, JsonToken value, String name, Path file, long line)
            throws IOException, ReadingLineException {
        if (value != JsonToken.VALUE_STRING) {
            throw new ReadingLineException(file, line, "expected " + name + " as a string, found " + found(p, value));
        }
        return p.getText();
    }

    private static Instant time(JsonParser p, JsonToken value, Path file, long line)
            throws IOException, ReadingLineException {
        String text = text(p, value, ReadingKeys.READ_AT, file, line);
        try {
            return OffsetDateTime.parse(text).toInstant(); // 2026-12-04T18:33:57.018Z, or with an offset
        } catch (DateTimeParseException e) {
            throw new ReadingLineException(file, line, "expected " + ReadingKeys.READ_AT
                    + " as an ISO-8601 date-time with offset, found \"" + text + "\"");
        }
    }

    private static BigDecimal number(JsonParser p, JsonToken value, Counter counter, Path file, long line)
            throws IOException, ReadingLineException {
        if (value != JsonToken.VALUE_NUMBER_INT && value != JsonToken.VALUE_NUMBER_FLOAT) {
            throw new ReadingLineException(file, line, "expected " + counter.key() + " as a number, found "
                    + found(p, value));
        }
        BigDecimal v = p.getDecimalValue(); // the number's own digits, as written
        try {
            CounterSeries.units(v);
        } catch (ArithmeticException e) {
            throw new ReadingLineException(file, line, "expected " + counter.key() + " of at most 9223372036854 "
                    + counter.unit() + ", found " + v);
        }
        return v;
    }

    private static String found(JsonParser p, JsonToken value) throws IOException {
        if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
            return value == JsonToken.START_OBJECT ? "an object" : "an array";
        }
        return value == JsonToken.VALUE_STRING ? "\"" + p.getText() + "\"" : p.getText();
    }

    private static String excerpt(byte[] bytes, int offset, int length) {
        String s = new String(bytes, offset, Math.min(length, EXCERPT * 4), StandardCharsets.UTF_8);
        return s.isEmpty() ? "an empty line" : s.length() > EXCERPT ? s.substring(0, EXCERPT) + "…" : s;
    }
}
