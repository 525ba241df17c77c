package io.meterbridge.camel.p1;

import com.hivemq.embedded.EmbeddedHiveMQ;
import io.meterbridge.camel.testing.ServiceHome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * A real MQTT 5 broker for the end-to-end tests: HiveMQ Community Edition, embedded, on a free
 * loopback port, with a subscriber that records what the service publishes.
 */
final class EmbeddedBroker implements AutoCloseable {

    /** One message received. */
    record Received(String topic, String payload) {
    }

    private final int port;
    private final EmbeddedHiveMQ hivemq;
    private MqttClient subscriber;
    private final List<Received> received = new ArrayList<>();

    EmbeddedBroker(Path folder) throws Exception {
        port = ServiceHome.freePort();
        Files.createDirectories(folder.resolve("conf"));
        Files.createDirectories(folder.resolve("data"));
        Files.createDirectories(folder.resolve("extensions"));
        Files.writeString(folder.resolve("conf/config.xml"), """
                <?xml version="1.0"?>
                <hivemq>
                  <listeners>
                    <tcp-listener><port>%d</port><bind-address>127.0.0.1</bind-address></tcp-listener>
                  </listeners>
                  <anonymous-usage-statistics><enabled>false</enabled></anonymous-usage-statistics>
                </hivemq>
                """.formatted(port));
        hivemq = EmbeddedHiveMQ.builder()
                .withConfigurationFolder(folder.resolve("conf"))
                .withDataFolder(folder.resolve("data"))
                .withExtensionsFolder(folder.resolve("extensions"))
                .withoutLoggingBootstrap()
                .build();
        hivemq.start().join();
    }

    String url() {
        return "tcp://127.0.0.1:" + port;
    }

    /** Subscribes (QoS 1) to {@code filter} and records every message from now on. */
    void subscribe(String filter) throws MqttException {
        subscriber = new MqttClient(url(), "p1-test-subscriber", new MemoryPersistence());
        subscriber.setCallback(new MqttCallback() {
            @Override
            public void messageArrived(String topic, MqttMessage m) {
                synchronized (received) {
                    received.add(new Received(topic, new String(m.getPayload(), StandardCharsets.UTF_8)));
                }
            }

            @Override
            public void disconnected(MqttDisconnectResponse r) {
            }

            @Override
            public void mqttErrorOccurred(MqttException e) {
            }

            @Override
            public void deliveryComplete(IMqttToken t) {
            }

            @Override
            public void connectComplete(boolean reconnect, String uri) {
            }

            @Override
            public void authPacketArrived(int code, MqttProperties p) {
            }
        });
        subscriber.connect();
        subscriber.subscribe(filter, 1);
    }

    /** What arrived so far on topics matching {@code regex}, in arrival order. */
    List<Received> received(String regex) {
        synchronized (received) {
            return received.stream().filter(r -> r.topic().matches(regex)).toList();
        }
    }

    @Override
    public void close() throws Exception {
        if (subscriber != null) {
            if (subscriber.isConnected()) {
                subscriber.disconnect();
            }
            subscriber.close(true);
        }
        hivemq.stop().join();
        hivemq.close();
    }
}
