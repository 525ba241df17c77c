package io.meterbridge.camel.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
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

    /**
     * Whether the broker keeps, across its own restart, the packet ids of QoS 2 PUBLISHes it has
     * received but not yet seen the PUBREL for (MQTT 5 §4.3.3). Without them it cannot recognise
     * the client's resend of such a PUBLISH after the restart and delivers it a second time.
     */
    abstract boolean keepsReceivedQos2PacketIdsAcrossRestart();

    /**
     * The windows in which a resend makes a duplicate, each opened on purpose: a reading's
     * PUBLISH has reached the broker and its PUBREC is held back when (1) the connection is reset
     * (RST, no DISCONNECT), (2) the network goes away and the service restarts before it is back,
     * (3) the broker restarts; also (0) the broker is away when the service starts. (1) and (2)
     * run twice. Every reading must arrive once, in order — except that in (3) a broker that
     * forgets received QoS 2 packet ids on restart delivers the reading in flight again, with the
     * same {@code meterbridge-id} (the documented limit, see {@link BrokerConnection}).
     */
    @Test
    void brokerAwayAbruptlyAndServiceRestartedMidFlowEveryReadingArrivesExactlyOnceInOrder() throws Exception {
        Subscriber sub = subscriber("counter");
        String topics = readings();
        TcpProxy network = new TcpProxy(broker.port());
        open.add(network);
        int n = 0;

        network.down(); // (0) broker unreachable at start-up: the service starts anyway
        MeterbridgeService s = service(network.url());
        send(s, n + 1, n += 3);
        network.up();
        awaitReadings(sub, n);

        for (int round = 0; round < 2; round++) {
            // (1) connection reset while a reading is between PUBLISH and PUBREC
            midFlow(network, s, n + 1, n += 5);
            network.cut();
            awaitReadings(sub, n);

            // (2) network gone mid-flow, and the service restarts before it is back
            midFlow(network, s, n + 1, n += 5);
            network.down();
            s.close();
            assertTrue(sessionFiles().stream().anyMatch(f -> f.startsWith("s-")),
                    "the interrupted reading is in Paho's persisted session: " + sessionFiles());
            s = service(network.url());
            assertEquals(1, connection(s).inFlightCount(), "the restarted service knows the reading in flight");
            send(s, n + 1, n += 3);
            network.up();
            awaitReadings(sub, n);
        }

        // (3) the broker restarts mid-flow
        int inFlightAtBrokerRestart = n + 1;
        midFlow(network, s, n + 1, n += 5);
        broker.stop();
        send(s, n + 1, n += 2);
        broker.start();
        awaitReadings(sub, n);

        Thread.sleep(1000); // time for a duplicate to show up, if there were one
        List<Subscriber.Received> got = sub.received().stream().filter(r -> r.topic().matches(topics)).toList();
        assertEquals(List.of(), got.stream().filter(Subscriber.Received::duplicate).toList(), "no resend reached the subscriber");
        assertEquals(0, connection(s).inFlightCount());
        if (keepsReceivedQos2PacketIdsAcrossRestart()) {
            assertEquals(expected(1, n), sub.payloads(topics));
        } else {
            // at most the one reading in flight at the broker restart came twice, with the same id
            Map<String, String> byId = new java.util.LinkedHashMap<>();
            List<String> repeated = new ArrayList<>();
            for (Subscriber.Received r : got) {
                if (byId.putIfAbsent(meterbridgeId(r), r.payload()) != null) {
                    repeated.add(r.payload());
                }
            }
            assertEquals(expected(1, n), List.copyOf(byId.values()), "in order, once each by meterbridge-id");
            assertTrue(repeated.isEmpty() || repeated.equals(List.of(reading(inFlightAtBrokerRestart))),
                    "only the reading in flight at the broker restart may repeat: " + repeated);
        }
    }

    private static String meterbridgeId(Subscriber.Received r) {
        return r.properties().getUserProperties().stream().filter(u -> u.getKey().equals(MqttMessageId.USER_PROPERTY))
                .map(UserProperty::getValue).findFirst().orElseThrow(() -> new AssertionError("no meterbridge-id on " + r));
    }

    /** Sends readings while the broker's replies are held, returns once the first is stuck between PUBLISH and PUBREC. */
    private void midFlow(TcpProxy network, MeterbridgeService s, int from, int to) throws Exception {
        BrokerConnection c = connection(s);
        ServiceHome.await(Duration.ofSeconds(15), "connected", c::isConnected);
        // the flows before (PUBREL/PUBCOMP, the availability message) done: Paho's session store is empty
        ServiceHome.await(Duration.ofSeconds(15), "no flow in progress", () -> sessionFiles().isEmpty());
        network.holdReplies();
        send(s, from, to);
        ServiceHome.await(Duration.ofSeconds(10), "reading " + from + " in flight", () -> c.inFlightCount() == 1);
        Thread.sleep(200); // the PUBLISH reaches the broker (and may be delivered); its PUBREC does not come back
        // reading n is the journal's n-th message: this test's journal takes them in sending order
        String journalId = Files.readString(home.resolve("data/journal/readings/journal-id")).trim();
        assertTrue(c.owns(journalId + ":" + from), "reading " + from + " is the one in flight");
    }

    private void awaitReadings(Subscriber sub, int n) throws Exception {
        ServiceHome.await(Duration.ofSeconds(30), n + " readings (got " + sub.payloads(readings()).size() + ")",
                () -> sub.payloads(readings()).size() >= n);
    }

    private static BrokerConnection connection(MeterbridgeService s) {
        return s.context().getRegistry().lookupByNameAndType("mqttBroker", BrokerConnection.class);
    }

    /** The names of the files of Paho's session store ({@code data/mqtt/<client>/s-<packet id>.msg}). */
    private List<String> sessionFiles() {
        Path dir = home.resolve("data/mqtt");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).map(f -> f.getFileName().toString())
                    .filter(f -> !f.equals(".lck")).sorted().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
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
