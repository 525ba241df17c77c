package io.meterbridge.camel.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import io.meterbridge.camel.service.MeterbridgeService;
import io.meterbridge.camel.testing.ServiceHome;
import io.meterbridge.camel.testing.Subscriber;
import io.meterbridge.camel.testing.TcpProxy;
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
 * in between — every reading at least once and in order, a repeat recognisable by its
 * {@code meterbridge-id}. Run against HiveMQ CE and Mosquitto.
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
        return service(broker.url());
    }

    MeterbridgeService service(String url) throws Exception {
        MeterbridgeService s = new MeterbridgeService(home, Map.of(
                "mbus.bus", "", // outputs only: no meter polling
                "mqtt.url", url,
                "mqtt.clientId", "meterbridge-" + prefix,
                "mqtt.topicPrefix", prefix,
                "mqtt.availabilityTopic", prefix + "/status",
                "mqtt.maxReconnectSeconds", "1",
                "mqtt.connectionTimeoutSeconds", "3"), false);
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
        ch.qos.logback.classic.Logger journal = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                .getLogger("io.meterbridge.camel.journal.JournalConsumer");
        var logged = new ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
        logged.start();
        journal.addAppender(logged);
        MeterbridgeService s;
        try {
            s = service();
            send(s, 1, 4); // at once: the connection is still being made
            ServiceHome.await(Duration.ofSeconds(15), "4 readings", () -> sub.payloads(readings()).size() >= 4);
        } finally {
            journal.detachAppender(logged);
        }
        // the route waited for the connection instead of failing and warning on the first readings
        assertEquals(List.of(), logged.list.stream().map(e -> e.getFormattedMessage()).toList());
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

    /**
     * The windows in which a reading's acknowledgement is lost, each opened on purpose: a reading's
     * PUBLISH has reached the broker (the subscriber has it) and the PUBACK is held back when (1)
     * the connection is reset (RST, no DISCONNECT), (2) the network goes away and the service
     * restarts before it is back, (3) the broker restarts; also (0) the broker is away when the
     * service starts. (1) and (2) run twice. Every reading must arrive, in order of first
     * arrival, and a reading may arrive again only as what it is: the same payload with the same
     * {@code meterbridge-id}, and only one that was in flight when a window opened (or, at the
     * broker's restart, one the broker had not yet seen acknowledged by the subscriber).
     */
    @Test
    void brokerAwayAbruptlyAndServiceRestartedMidFlowEveryReadingArrivesAtLeastOnceInOrder() throws Exception {
        Subscriber sub = subscriber("counter");
        String topics = readings();
        TcpProxy network = new TcpProxy(broker.port());
        open.add(network);
        int n = 0;
        Set<String> inFlight = new HashSet<>();

        network.down(); // (0) broker unreachable at start-up: the service starts anyway
        MeterbridgeService s = service(network.url());
        send(s, n + 1, n += 3);
        network.up();
        awaitReadings(sub, n);

        for (int round = 0; round < 2; round++) {
            // (1) connection reset while a reading's PUBACK is on its way
            inFlight.add(midFlow(network, sub, s, n + 1, n += 5));
            network.cut();
            awaitReadings(sub, n);

            // (2) network gone mid-flow, and the service restarts before it is back
            inFlight.add(midFlow(network, sub, s, n + 1, n += 5));
            network.down();
            s.close();
            s = service(network.url());
            send(s, n + 1, n += 3);
            network.up();
            awaitReadings(sub, n);
        }

        // (3) the broker restarts mid-flow
        int atBrokerRestart = n + 1;
        inFlight.add(midFlow(network, sub, s, n + 1, n += 5));
        broker.stop();
        send(s, n + 1, n += 2);
        broker.start();
        awaitReadings(sub, n);

        Thread.sleep(1000); // time for a late repeat to show up
        List<Subscriber.Received> got = sub.received().stream().filter(r -> r.topic().matches(topics)).toList();
        Map<String, String> byId = new LinkedHashMap<>();
        List<String> repeated = new ArrayList<>();
        for (Subscriber.Received r : got) {
            String first = byId.putIfAbsent(meterbridgeId(r), r.payload());
            if (first != null) {
                assertEquals(first, r.payload(), "a repeat is the same reading under the same meterbridge-id");
                repeated.add(r.payload());
            }
        }
        assertEquals(expected(1, n), List.copyOf(byId.values()), "every reading, in order, once each by meterbridge-id");
        for (String r : repeated) {
            assertTrue(inFlight.contains(r) || expected(atBrokerRestart, n).contains(r),
                    "only a reading whose acknowledgement was lost may repeat: " + r + " (in flight: " + inFlight + ")");
        }
        System.out.println(broker + ": " + n + " readings, " + repeated.size() + " repeated: " + repeated);
    }

    private static String meterbridgeId(Subscriber.Received r) {
        return r.properties().getUserProperties().stream().filter(u -> u.getKey().equals(MqttMessageId.USER_PROPERTY))
                .map(UserProperty::getValue).findFirst().orElseThrow(() -> new AssertionError("no meterbridge-id on " + r));
    }

    /**
     * Sends readings while the broker's replies are held; returns the first once the broker has
     * delivered it to the subscriber: its PUBACK is held, so the bridge does not know it arrived.
     */
    private String midFlow(TcpProxy network, Subscriber sub, MeterbridgeService s, int from, int to) throws Exception {
        ServiceHome.await(Duration.ofSeconds(15), "connected", connection(s)::isConnected);
        Thread.sleep(300); // the acknowledgements of what was sent before are in
        network.holdReplies();
        send(s, from, to);
        ServiceHome.await(Duration.ofSeconds(10), "reading " + from + " at the subscriber",
                () -> sub.payloads(readings()).contains(reading(from)));
        return reading(from);
    }

    private void awaitReadings(Subscriber sub, int n) throws Exception {
        ServiceHome.await(Duration.ofSeconds(30), n + " readings (got " + sub.payloads(readings()).size() + ")",
                () -> sub.payloads(readings()).size() >= n);
    }

    private static BrokerConnection connection(MeterbridgeService s) {
        return s.context().getRegistry().lookupByNameAndType("mqttBroker", BrokerConnection.class);
    }

    private static String last(List<String> payloads) {
        return payloads.isEmpty() ? null : payloads.get(payloads.size() - 1);
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
        ServiceHome.await(Duration.ofSeconds(30), "online again after the reconnect: " + sub.payloads(status()),
                () -> connected.get() >= 2 && "online".equals(last(sub.payloads(status()))));
        assertTrue(connection.connectCount() >= 2);
        assertEquals("online", sub.payloads(status()).get(sub.payloads(status()).size() - 1), sub.payloads(status()).toString());

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
