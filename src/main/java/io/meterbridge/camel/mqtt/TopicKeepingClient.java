package io.meterbridge.camel.mqtt;

import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/**
 * Paho's synchronous client that tells its {@link SessionPersistence} the topic of each publish,
 * so that a PUBLISH kept in the session always carries its topic name.
 *
 * <p>Why: when the broker allows topic aliases (HiveMQ and Mosquitto do by default), Paho
 * 1.2.5 replaces the topic of a repeated publish by the alias before it stores the PUBLISH for
 * resending. Aliases live only as long as one network connection (MQTT 5 §3.3.2.3.4), so the
 * resend after a reconnect or a restart names an alias the broker does not know; the broker
 * disconnects ("Topic alias in PUBLISH could not be mapped", reason 0x94), Paho reconnects and
 * resends the same packet, forever. A PUBLISH with both the topic name and the alias is valid
 * on any connection (it sets the mapping), so {@link SessionPersistence#put} puts the name back.
 */
final class TopicKeepingClient extends MqttClient {

    private final SessionPersistence session;

    TopicKeepingClient(String url, String clientId, SessionPersistence session) throws MqttException {
        super(url, clientId, session);
        this.session = session;
    }

    @Override
    public void publish(String topic, MqttMessage message) throws MqttException {
        session.publishing(topic);
        try {
            super.publish(topic, message);
        } finally {
            session.publishing(null);
        }
    }
}
