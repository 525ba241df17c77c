package io.meterbridge.homeassistant;

import java.util.Objects;

/**
 * One MQTT message to publish: what the MQTT route sends, built here as a pure value so that
 * payloads can be tested without a broker.
 *
 * @param topic the topic
 * @param payload the payload text (UTF-8); empty for a retained removal
 * @param retain whether the broker keeps it for later subscribers
 * @param qos 0, 1 or 2
 */
public record Publication(String topic, String payload, boolean retain, int qos) {

    public Publication {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
        if (qos < 0 || qos > 2) {
            throw new IllegalArgumentException("MQTT QoS must be 0, 1 or 2, found " + qos);
        }
    }
}
