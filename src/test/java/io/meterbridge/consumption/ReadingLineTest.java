package io.meterbridge.consumption;

import static io.meterbridge.consumption.Series.eq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ReadingLineTest {

    static final Path FILE = Path.of("data", "readings-2026-03-28.jsonl");

    static ReadingLine parse(String line) throws ReadingLineException {
        byte[] b = ("xx" + line + "yy").getBytes(StandardCharsets.UTF_8); // the line is a part of a buffer
        return ReadingLine.parse(b, 2, b.length - 4, FILE, 17);
    }

    static String problem(String line) {
        return assertThrows(ReadingLineException.class, () -> parse(line)).getMessage();
    }

    @Test
    void takesTheMeterTheTimeAndTheCountersAndSkipsTheRest() throws Exception {
        ReadingLine r = parse("{\"type\":\"heat\",\"meter_key\":\"kam_1\",\"read_at\":\"2026-03-28T10:00:00.5+01:00\","
                + "\"heat_energy_kwh\":34510,\"heat_energy_gj\":124.236,\"info\":{\"a\":[1,2]},\"volume_m3\":2232.49,"
                + "\"problem\":false,\"import_kwh\":1E+3}");
        assertEquals("kam_1", r.meterKey());
        assertEquals(Instant.parse("2026-03-28T09:00:00.5Z"), r.readAt());
        assertEquals(4, r.values().size());
        eq("34510", r.values().get(Counter.HEAT_ENERGY_KWH));
        eq("124.236", r.values().get(Counter.HEAT_ENERGY_GJ));
        eq("2232.49", r.values().get(Counter.VOLUME_M3));
        eq("1000", r.values().get(Counter.IMPORT_KWH));
        assertEquals(Map.of(), parse("{\"meter_key\":\"x\",\"read_at\":\"2026-03-28T10:00:00Z\"}").values());
    }

    @Test
    void aLineThatIsNotAReadingSaysWhereAndWhatWasFound() {
        assertEquals(FILE + ":17: expected a JSON object, found an empty line", problem(""));
        assertEquals(FILE + ":17: expected a JSON object, found [1]", problem("[1]"));
        assertEquals(FILE + ":17: expected read_at and meter_key, found only meter_key: {\"meter_key\":\"x\"}",
                problem("{\"meter_key\":\"x\"}"));
        assertEquals(FILE + ":17: expected read_at as an ISO-8601 date-time with offset, found \"2026-03-28T10:00\"",
                problem("{\"meter_key\":\"x\",\"read_at\":\"2026-03-28T10:00\"}"));
        assertEquals(FILE + ":17: expected read_at as a string, found 12", problem("{\"read_at\":12}"));
        assertEquals(FILE + ":17: expected import_kwh as a number, found \"12.5\"",
                problem("{\"meter_key\":\"x\",\"import_kwh\":\"12.5\"}"));
        assertEquals(FILE + ":17: expected export_kwh as a number, found null", problem("{\"export_kwh\":null}"));
        assertEquals(FILE + ":17: expected import_kwh of at most 9223372036854 kWh, found 1E+20",
                problem("{\"import_kwh\":1E20}"));
        assertEquals(FILE + ":17: expected the line to end after the reading's object, found { at column 51",
                problem("{\"meter_key\":\"x\",\"read_at\":\"2026-03-28T10:00:00Z\"}{\"meter_key\":\"y\"}"));
    }

    @Test
    void aFragmentRunIntoTheNextReadingIsInvalidJson() {
        String line = "{\"type\":\"heat\",\"meter_ke{\"type\":\"heat\",\"meter_key\":\"kam_1\"}";
        String message = problem(line);
        // Jackson's own words in the middle; ours around them
        assertTrue(message.startsWith(FILE + ":17: expected a JSON object, found invalid JSON (Unexpected character"),
                message);
        assertTrue(message.endsWith(" at column 27): " + line), message);
    }
}
