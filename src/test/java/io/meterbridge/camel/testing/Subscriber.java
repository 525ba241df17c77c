package io.meterbridge.camel.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * A test's MQTT 5 subscriber with a persistent session (so messages published while it is
 * reconnecting after a broker restart are queued for it) that records what arrives. It
 * subscribes at QoS 2: a message reaches a subscriber at the lower of the publish and
 * subscription QoS (MQTT 5 §3.8.4), and at QoS 1 the broker's own resend to a subscriber whose
 * PUBACK it had not yet processed when it stopped is a duplicate the bridge cannot prevent.
 */
public final class Subscriber implements AutoCloseable {

    /** One message received. */
    public record Received(String topic, String payload, boolean retained, boolean duplicate, MqttProperties properties) {
    }

    private final MqttClient client;
    private final List<Received> received = new ArrayList<>();

    public Subscriber(String url, String clientId, String filter) throws MqttException {
        client = new MqttClient(url, clientId, new MemoryPersistence());
        client.setCallback(new MqttCallback() {
            @Override
            public void disconnected(MqttDisconnectResponse r) {
                System.err.println("subscriber " + clientId + " disconnected: " + r);
            }

            @Override
            public void mqttErrorOccurred(MqttException e) {
                System.err.println("subscriber " + clientId + " error: " + e);
            }

            @Override
            public void messageArrived(String topic, MqttMessage m) {
                synchronized (received) {
                    received.add(new Received(topic, new String(m.getPayload(), StandardCharsets.UTF_8), m.isRetained(), m.isDuplicate(), m.getProperties()));
                }
            }

            @Override
            public void deliveryComplete(IMqttToken t) {
            }

            @Override
            public void connectComplete(boolean reconnect, String uri) {
                System.err.println("subscriber " + clientId + " connected, reconnect=" + reconnect);
            }

            @Override
            public void authPacketArrived(int code, MqttProperties p) {
            }
        });
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(false);
        o.setSessionExpiryInterval(3600L);
        o.setAutomaticReconnect(true);
        o.setAutomaticReconnectDelay(1, 2);
        // a broker that is still starting or stopping may accept the TCP connection and not answer
        // CONNECT: give up on such an attempt soon and try again (Paho's default waits 30 s)
        o.setConnectionTimeout(3);
        client.connect(o);
        client.subscribe(filter, 2);
    }

    public boolean isConnected() {
        return client.isConnected();
    }

    /** What arrived so far, in arrival order. */
    public List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** The payloads that arrived on topics matching {@code regex}, in order. */
    public List<String> payloads(String regex) {
        return received().stream().filter(r -> r.topic().matches(regex)).map(Received::payload).toList();
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect();
        }
        client.close(true);
    }
}
