package io.meterbridge.camel.mqtt;

/**
 * A reading is in the MQTT session (its PUBLISH stored by Paho, not yet acknowledged by the
 * broker) and must not be published again; Paho completes it once the connection is back.
 */
public final class MqttInFlightException extends Exception {

    public MqttInFlightException(String readingId) {
        super("reading " + readingId + " is in flight in the MQTT session; Paho completes it with its packet id"
                + " when connected again (not published anew)");
    }
}
