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
 * @param qos                     QoS for readings, 1 or 2; either way a reading is delivered at
 *                                least once (see {@link BrokerConnection})
 * @param maxReconnectSeconds     longest wait between connection attempts
 * @param connectionTimeoutSeconds how long a connection attempt waits for the broker's CONNACK
 *                                before giving up and trying again (a broker that is starting or
 *                                stopping may accept the TCP connection and not answer)
 */
public record MqttSettings(String url, String clientId, String username, String password, String availabilityTopic,
        String homeAssistantStatusTopic, int qos, int maxReconnectSeconds, int connectionTimeoutSeconds) {

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
        if (connectionTimeoutSeconds < 1) {
            throw new IllegalArgumentException("mqtt.connectionTimeoutSeconds must be at least 1, was " + connectionTimeoutSeconds);
        }
        if (maxReconnectSeconds < 1) {
            throw new IllegalArgumentException("mqtt.maxReconnectSeconds must be at least 1, was " + maxReconnectSeconds);
        }
    }

}
