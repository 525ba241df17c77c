package io.meterbridge.homeassistant;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Map;

/** JSON text of payload maps; numbers as plain decimals (never {@code 1E+1}), UTF-8 text unescaped. */
final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private Json() {
    }

    static String write(Map<String, ?> map) {
        try {
            return MAPPER.writeValueAsString(map);
        } catch (JsonProcessingException e) {
            // only maps of strings, numbers, booleans, lists and maps are written here
            throw new IllegalStateException("cannot write payload as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
