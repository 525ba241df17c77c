package io.meterbridge.camel.status;

import java.io.IOException;
import java.time.Instant;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

/** The page's JSON: instants as ISO-8601 text ({@code 2026-12-04T18:40:00Z}), as in the readings. */
final class StatusJson {

    private static final ObjectMapper JSON = new ObjectMapper()
            // 150, not 1.5E+2: a number as the readings write it
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .registerModule(new SimpleModule().addSerializer(Instant.class, ToStringSerializer.instance));

    private StatusJson() {
    }

    static byte[] bytes(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON: " + e.getMessage(), e);
        }
    }
}
