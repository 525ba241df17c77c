package io.meterbridge.camel.reading;

import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meterbridge.meter.Reading;
import org.apache.camel.Converter;

/**
 * Type conversions of a {@link Reading}: to its flat map ({@link Reading#toMap()}) and to that
 * map as one line of JSON, numbers written exactly as the meter sent them (no exponent, no
 * binary rounding). So {@code convertBodyTo: String}, a {@code file:} endpoint or an MQTT payload
 * all get the same JSON.
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

    @Converter
    public static String toJson(Reading reading) throws JsonProcessingException {
        return JSON.writeValueAsString(reading.toMap());
    }

    @Converter
    public static byte[] toJsonBytes(Reading reading) throws JsonProcessingException {
        return JSON.writeValueAsBytes(reading.toMap());
    }
}
