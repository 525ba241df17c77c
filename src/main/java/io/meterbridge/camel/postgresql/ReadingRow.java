package io.meterbridge.camel.postgresql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.meterbridge.camel.journal.JournalConstants;
import io.meterbridge.meter.KeyUnits;
import io.meterbridge.meter.ReadingKeys;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * Turns one journal entry (a reading's flat map as JSON, with the journal's id and sequence
 * headers) into the named parameters of {@code insert-reading.sql}: the reading's identity
 * columns, the whole reading as JSON, and its values, each number with the unit its key names
 * ({@link KeyUnits}), as a JSON array {@code [{"key":…,"value":…,"unit":…}]} that the statement
 * expands into rows. Numbers stay decimals (no double in between), so a value is stored as the
 * meter sent it.
 */
final class ReadingRow implements Processor {

    /** The registry name (routes/postgresql.yaml). */
    static final String BEAN = "postgresqlRow";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @Override
    public void process(Exchange exchange) throws JsonProcessingException {
        Message in = exchange.getMessage();
        String body = in.getBody(String.class);
        Object sequence = in.getHeader(JournalConstants.SEQUENCE);
        Map<String, Object> reading;
        try {
            reading = JSON.readValue(body, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new UnstorableReadingException("journal entry " + sequence + " is not a reading's JSON: " + e.getOriginalMessage());
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("journal_id", in.getHeader(JournalConstants.JOURNAL_ID, String.class));
        row.put("sequence", in.getHeader(JournalConstants.SEQUENCE, Long.class));
        row.put("read_at", text(reading, ReadingKeys.READ_AT, sequence));
        row.put("meter_key", text(reading, ReadingKeys.METER_KEY, sequence));
        row.put("type", reading.getOrDefault(ReadingKeys.TYPE, "generic").toString());
        row.put("model", reading.get(ReadingKeys.MODEL) == null ? null : reading.get(ReadingKeys.MODEL).toString());
        row.put("reading", body);
        row.put("values", JSON.writeValueAsString(values(reading)));
        in.setBody(row);
    }

    /** Every number of the reading that measures something, with its unit (null for a count or code). */
    static List<Map<String, Object>> values(Map<String, Object> reading) {
        List<Map<String, Object>> values = new ArrayList<>();
        reading.forEach((key, value) -> {
            if (value instanceof Number && !KeyUnits.identifies(key)) {
                Map<String, Object> v = new LinkedHashMap<>();
                v.put("key", key);
                v.put("value", value);
                v.put("unit", KeyUnits.of(key, reading));
                values.add(v);
            }
        });
        return values;
    }

    private static String text(Map<String, Object> reading, String key, Object sequence) {
        Object v = reading.get(key);
        if (v == null || v.toString().isBlank()) {
            throw new UnstorableReadingException("journal entry " + sequence + " has no " + key + ": " + reading);
        }
        return v.toString();
    }
}
