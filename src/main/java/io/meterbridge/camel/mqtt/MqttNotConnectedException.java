package io.meterbridge.camel.mqtt;

/** A reading could not be published: the bridge has no connection to its broker (yet, or any more). */
public final class MqttNotConnectedException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why the connection is not there is the connection's own warning; this names the broker only. */
    MqttNotConnectedException(String url) {
        super("not connected to MQTT broker " + url);
    }
}
