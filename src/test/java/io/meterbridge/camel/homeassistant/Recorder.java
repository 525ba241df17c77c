package io.meterbridge.camel.homeassistant;

import io.meterbridge.camel.testing.ServiceHome;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;

/** A test's MQTT 5 client that records every message on its filters, as Home Assistant would see them. */
final class Recorder implements AutoCloseable {

    /** One message received; {@code retained} is true for a retained message delivered on subscribing. */
    record Message(String topic, String payload, boolean retained) {
    }

    private final MqttClient client;
    private final List<Message> messages = new ArrayList<>();

    Recorder(String url, String... filters) throws Exception {
        client = new MqttClient(url, "test-recorder-" + System.nanoTime(), new MemoryPersistence());
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(true);
        client.connect(o);
        MqttSubscription[] subs = new MqttSubscription[filters.length];
        IMqttMessageListener[] listeners = new IMqttMessageListener[filters.length];
        for (int i = 0; i < filters.length; i++) {
            subs[i] = new MqttSubscription(filters[i], 1);
            listeners[i] = this::arrived;
        }
        // (paho 1.2.5's subscribe(String[], int[], listeners) recurses forever; this overload does not)
        client.subscribe(subs, listeners);
    }

    private void arrived(String topic, MqttMessage m) {
        synchronized (messages) {
            messages.add(new Message(topic, new String(m.getPayload(), StandardCharsets.UTF_8), m.isRetained()));
        }
    }

    List<Message> all() {
        synchronized (messages) {
            return List.copyOf(messages);
        }
    }

    List<Message> on(String topic) {
        return all().stream().filter(m -> m.topic().equals(topic)).toList();
    }

    Optional<Message> last(String topic) {
        List<Message> l = on(topic);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(l.size() - 1));
    }

    /** Waits until a message on {@code topic} satisfies {@code test}; returns it. */
    Message await(String topic, Predicate<Message> test, String what) throws InterruptedException {
        Message[] found = new Message[1];
        ServiceHome.await(Duration.ofSeconds(20), what + " on " + topic + "; got " + summary(topic), () -> {
            for (Message m : on(topic)) {
                if (test.test(m)) {
                    found[0] = m;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    /** Waits for the {@code n}-th message on {@code topic}. */
    Message awaitCount(String topic, int n) throws InterruptedException {
        ServiceHome.await(Duration.ofSeconds(20), n + " messages on " + topic + "; got " + summary(topic),
                () -> on(topic).size() >= n);
        return on(topic).get(n - 1);
    }

    void publish(String topic, String payload, boolean retained) throws Exception {
        MqttMessage m = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
        m.setQos(1);
        m.setRetained(retained);
        client.publish(topic, m);
    }

    private String summary(String topic) {
        List<Message> l = on(topic);
        List<String> s = new ArrayList<>();
        for (Message m : l) {
            s.add(m.payload().length() > 80 ? m.payload().substring(0, 80) + "…" : m.payload());
        }
        return l.size() + " " + s;
    }

    /** What a subscriber arriving now gets as retained messages under {@code filter} within a second. */
    static List<Message> retained(String url, String filter) throws Exception {
        try (Recorder r = new Recorder(url, filter)) {
            Thread.sleep(1000);
            return r.all().stream().filter(Message::retained).toList();
        }
    }

    @Override
    public void close() throws Exception {
        if (client.isConnected()) {
            client.disconnect();
        }
        client.close(true);
    }
}
