package io.meterbridge.camel.reading;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meterbridge.meter.Reading;
import org.apache.camel.Converter;
import org.apache.camel.Exchange;

/**
 * Type conversions of a {@link Reading}: to its flat map ({@link Reading#toMap()}) and to that
 * map as one line of JSON, numbers written exactly as the meter sent them (no exponent, no
 * binary rounding). So {@code convertBodyTo: String}, a {@code file:} endpoint or an MQTT payload
 * all get the same JSON. Where the service has an instance name ({@link TakenBy}), the JSON ends
 * with it as {@code instance}: the reading is converted in the instance that took it.
 */
@Converter(generateLoader = true)
public final class ReadingConverters {

    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private ReadingConverters() {
    }

    @Converter
    public static Map<String, Object> toMap(Reading reading) {
        return reading.toMap();
    }

    /** The reading's JSON without an instance, for the command line. */
    public static String toJson(Reading reading) throws JsonProcessingException {
        return toJson(reading, null);
    }

    @Converter
    public static String toJson(Reading reading, Exchange exchange) throws JsonProcessingException {
        return JSON.writeValueAsString(map(reading, exchange));
    }

    @Converter
    public static byte[] toJsonBytes(Reading reading, Exchange exchange) throws JsonProcessingException {
        return JSON.writeValueAsBytes(map(reading, exchange));
    }

    private static Map<String, Object> map(Reading reading, Exchange exchange) {
        String instance = TakenBy.of(exchange);
        if (instance == null) {
            return reading.toMap();
        }
        Map<String, Object> m = new LinkedHashMap<>(reading.toMap());
        m.put(TakenBy.KEY, instance);
        return m;
    }
}
