package io.meterbridge.camel.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import io.meterbridge.camel.service.MeterbridgeService;
import io.meterbridge.camel.testing.ServiceHome;
import io.meterbridge.camel.testing.Subscriber;
import io.meterbridge.camel.testing.TestBroker;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.paho.mqtt5.PahoMqtt5Component;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped MQTT route (routes/mqtt.yaml) against a real broker: readings on their topics, one
 * connection, availability, and — the broker taken away and brought back, the service restarted
 * in between — every reading exactly once and in order. Run against HiveMQ CE and Mosquitto.
 */
abstract class MqttOutputContract {

    /** One broker per test class (starting one costs seconds); each test uses its own topics and client ids. */
    static TestBroker broker;
    private static final AtomicInteger TESTS = new AtomicInteger();

    @TempDir
    static Path brokerDir;

    @TempDir
    Path dir;

    Path home;
    String prefix;
    final List<AutoCloseable> open = new ArrayList<>();

    static void startBroker(TestBroker b) throws Exception {
        broker = b;
        broker.start();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        home = ServiceHome.shipped(dir.resolve("home"));
        prefix = "t" + TESTS.incrementAndGet();
    }

    @AfterEach
    void tearDown() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            try {
                open.get(i).close();
            } catch (Exception e) {
                // already closed by the test
            }
        }
    }

    MeterbridgeService service() throws Exception {
        MeterbridgeService s = new MeterbridgeService(home, Map.of(
                "mbus.bus", "", // outputs only: no meter polling
                "mqtt.url", broker.url(),
                "mqtt.clientId", "meterbridge-" + prefix,
                "mqtt.topicPrefix", prefix,
                "mqtt.availabilityTopic", prefix + "/status",
                "mqtt.maxReconnectSeconds", "1"), false);
        open.add(s);
        s.start();
        return s;
    }

    Subscriber subscriber(String id) throws Exception {
        Subscriber s = new Subscriber(broker.url(), prefix + "-" + id, prefix + "/#");
        open.add(s);
        return s;
    }

    String status() {
        return prefix + "/status";
    }

    String readings() {
        return prefix + "/m(1|89)/reading";
    }

    static String reading(int n) {
        return "{\"n\":" + n + ",\"meterId\":\"m" + (n % 2 == 0 ? 1 : 89) + "\"}";
    }

    static void send(MeterbridgeService s, int from, int to) {
        ProducerTemplate t = s.context().createProducerTemplate();
        for (int n = from; n <= to; n++) {
            t.sendBodyAndHeader("direct:reading", reading(n), "MeterbridgeMeterKey", n % 2 == 0 ? "m1" : "m89");
        }
    }

    static List<String> expected(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(MqttOutputContract::reading).toList();
    }

    @Test
    void readingsArriveOnTheirTopicsInOrderWithAnIdAndTheBridgeIsOnline() throws Exception {
        Subscriber sub = subscriber("watcher");
        MeterbridgeService s = service();
        send(s, 1, 4);
        ServiceHome.await(Duration.ofSeconds(15), "4 readings", () -> sub.payloads(readings()).size() >= 4);
        assertEquals(expected(1, 4), sub.payloads(readings()));
        assertEquals(List.of(prefix + "/m89/reading", prefix + "/m1/reading", prefix + "/m89/reading", prefix + "/m1/reading"),
                sub.received().stream().map(Subscriber.Received::topic).filter(t -> t.endsWith("/reading")).toList());
        List<String> ids = sub.received().stream().filter(r -> r.topic().endsWith("/reading"))
                .map(r -> r.properties().getUserProperties().stream().filter(u -> u.getKey().equals(MqttMessageId.USER_PROPERTY))
                        .map(UserProperty::getValue).findFirst().orElseThrow())
                .toList();
        for (int i = 1; i < ids.size(); i++) {
            String[] prev = ids.get(i - 1).split(":");
            String[] cur = ids.get(i).split(":");
            assertEquals(prev[0], cur[0], "one journal");
            assertEquals(Long.parseLong(prev[1]) + 1, Long.parseLong(cur[1]), "consecutive sequence numbers " + ids);
        }
        assertEquals(List.of("online"), sub.payloads(status()));
        // one connection: every paho-mqtt5 endpoint publishes through the bridge's own client
        BrokerConnection connection = s.context().getRegistry().lookupByNameAndType("mqttBroker", BrokerConnection.class);
        assertSame(connection.client(), s.context().getComponent("paho-mqtt5", PahoMqtt5Component.class).getClient());
        assertEquals(1, connection.connectCount());
        // a late subscriber gets the retained availability
        Subscriber late = subscriber("late");
        ServiceHome.await(Duration.ofSeconds(5), "retained online", () -> late.payloads(status()).contains("online"));
    }

    @Test
    void brokerAwayAndServiceRestartedEveryReadingArrivesExactlyOnceInOrder() throws Exception {
        Subscriber sub = subscriber("counter");
        String topics = readings();

        broker.stop(); // down at start-up: the service starts anyway
        MeterbridgeService s = service();
        send(s, 1, 3);
        broker.start();
        ServiceHome.await(Duration.ofSeconds(30), "readings 1-3 after the broker came", () -> sub.payloads(topics).size() >= 3);
        send(s, 4, 6);
        ServiceHome.await(Duration.ofSeconds(15), "readings 4-6", () -> sub.payloads(topics).size() >= 6);

        broker.stop(); // goes away while running
        send(s, 7, 9);
        s.close(); // and the service restarts in between
        s = service();
        send(s, 10, 12);
        broker.start();
        send(s, 13, 15);
        ServiceHome.await(Duration.ofSeconds(30), "all 15 readings", () -> sub.payloads(topics).size() >= 15);
        Thread.sleep(1000); // time for a duplicate to show up, if there were one
        assertEquals(expected(1, 15), sub.payloads(topics));
    }

    @Test
    void onlineOnEveryReconnectLastWillOnDeathAndHomeAssistantHook() throws Exception {
        Subscriber sub = subscriber("ha");
        MeterbridgeService s = service();
        BrokerConnection connection = s.context().getRegistry().lookupByNameAndType("mqttBroker", BrokerConnection.class);
        AtomicInteger haOnline = new AtomicInteger();
        AtomicInteger connected = new AtomicInteger();
        connection.onHomeAssistantOnline(c -> haOnline.incrementAndGet());
        connection.onConnected(c -> connected.incrementAndGet());
        ServiceHome.await(Duration.ofSeconds(10), "online", () -> sub.payloads(status()).size() == 1);
        ServiceHome.await(Duration.ofSeconds(5), "the connected hook for the current connection", () -> connected.get() == 1);

        broker.stop();
        broker.start();
        ServiceHome.await(Duration.ofSeconds(30), "online again after the reconnect",
                () -> sub.payloads(status()).size() >= 2 && connected.get() >= 2);
        assertTrue(connection.connectCount() >= 2);
        assertEquals("online", sub.payloads(status()).get(sub.payloads(status()).size() - 1));

        // Home Assistant restarts and announces itself: the hook (discovery re-publish) runs
        org.eclipse.paho.mqttv5.client.MqttClient haClient = new org.eclipse.paho.mqttv5.client.MqttClient(broker.url(), "ha-core",
                new org.eclipse.paho.mqttv5.client.persist.MemoryPersistence());
        haClient.connect();
        haClient.publish("homeassistant/status", "online".getBytes(), 1, false);
        ServiceHome.await(Duration.ofSeconds(10), "the Home Assistant hook", () -> haOnline.get() == 1);
        haClient.disconnect();
        haClient.close();

        // the bridge dies without saying goodbye: the broker publishes its last will
        int before = sub.payloads(status()).size();
        connection.client().disconnectForcibly(0, 0, false);
        ServiceHome.await(Duration.ofSeconds(10), "the last will",
                () -> sub.payloads(status()).size() > before
                        && sub.payloads(status()).get(before).equals("offline"));
    }
}
