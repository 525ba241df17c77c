package io.meterbridge.camel.mqtt;

import java.util.Objects;

/**
 * How the bridge connects to its MQTT broker (the {@code mqtt.*} properties).
 *
 * @param url                     broker URL, {@code tcp://host:1883} or {@code ssl://host:8883}
 * @param clientId                MQTT client id; unique per broker (a second client with the same id
 *                                disconnects the first)
 * @param username                user name or null
 * @param password                password or null
 * @param availabilityTopic       where the bridge publishes {@code online} on every (re)connect and
 *                                the broker publishes its last will {@code offline} (both retained)
 * @param homeAssistantStatusTopic Home Assistant's birth/will topic; {@code online} there triggers
 *                                the {@link BrokerConnection#onHomeAssistantOnline} hooks (blank: none)
 * @param qos                     QoS for readings (1 or 2)
 * @param maxReconnectSeconds     longest wait between connection attempts
 */
public record MqttSettings(String url, String clientId, String username, String password, String availabilityTopic,
        String homeAssistantStatusTopic, int qos, int maxReconnectSeconds) {

    public MqttSettings {
        Objects.requireNonNull(url, "url");
        if (url.isBlank()) {
            throw new IllegalArgumentException("mqtt.url is blank");
        }
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("mqtt.clientId is blank");
        }
        if (availabilityTopic == null || availabilityTopic.isBlank()) {
            throw new IllegalArgumentException("mqtt.availabilityTopic is blank");
        }
        if (qos < 0 || qos > 2) {
            throw new IllegalArgumentException("mqtt.qos must be 0, 1 or 2, was " + qos);
        }
        if (maxReconnectSeconds < 1) {
            throw new IllegalArgumentException("mqtt.maxReconnectSeconds must be at least 1, was " + maxReconnectSeconds);
        }
    }

    /** Settings with the defaults for everything but the URL and client id. */
    public static MqttSettings of(String url, String clientId) {
        return new MqttSettings(url, clientId, null, null, "meterbridge/status", "homeassistant/status", 1, 30);
    }

    public MqttSettings withAvailabilityTopic(String topic) {
        return new MqttSettings(url, clientId, username, password, topic, homeAssistantStatusTopic, qos, maxReconnectSeconds);
    }

    public MqttSettings withMaxReconnectSeconds(int seconds) {
        return new MqttSettings(url, clientId, username, password, availabilityTopic, homeAssistantStatusTopic, qos, seconds);
    }
}
