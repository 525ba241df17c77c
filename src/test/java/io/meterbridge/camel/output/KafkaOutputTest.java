package io.meterbridge.camel.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meterbridge.camel.journal.JournalBacklog;
import io.meterbridge.camel.journal.JournalComponent;
import io.meterbridge.camel.service.MeterbridgeService;
import io.meterbridge.camel.testing.KafkaBroker;
import io.meterbridge.camel.testing.ServiceHome;
import org.apache.camel.component.kafka.KafkaEndpoint;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped {@code routes/kafka.yaml} in the real service against a real Kafka broker (Kafka's
 * own server in this JVM, KRaft, {@link KafkaBroker}), read back with a plain
 * {@link KafkaConsumer}: what a consumer of the topic finds. Every line of {@code readings.jsonl}
 * must be a record keyed by its meter, the records of a meter on one partition in the order they
 * were taken, through a broker that goes away and comes back, a stop and a SIGKILL; once by
 * {@code meterbridge-id}, a repeat being at most the reading in flight at a stop or a kill.
 */
class KafkaOutputTest {

    /** As ServiceHome.readings parses the files, so a record and its line compare equal. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final String TOPIC = "meterbridge.readings";

    @TempDir
    Path dir;

    private Process child;

    @AfterEach
    void tearDown() throws Exception {
        if (child != null) {
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /**
     * The simulated meters polled every 300 ms into a topic the broker creates on first use; the
     * broker goes away for a while and comes back while the service runs, then goes away again, the
     * service is stopped with readings waiting and started again (without polling) once the broker
     * is back: it resumes at its cursor and every reading arrives.
     */
    @Test
    void everyReadingIsOneRecordKeyedByItsMeterInOrderThroughAnOutageAndARestart() throws Exception {
        Path home = ServiceHome.shipped(Files.createTempDirectory(dir, "home"));
        try (KafkaBroker broker = new KafkaBroker(dir.resolve("kafka")); Topic topic = new Topic(broker)) {
            broker.start();
            Map<String, String> settings = Map.of(
                    "mbus.bus", "sim:kafka-meters",
                    "mbus.poll", "300ms",
                    "http.status.port", "0",
                    "kafka.brokers", broker.bootstrapServers());
            try (MeterbridgeService service = new MeterbridgeService(home, settings, false)) {
                service.start();
                ServiceHome.await(Duration.ofSeconds(60), "4 records", () -> topic.ids().size() >= 4);

                broker.stop(); // readings go on being taken, and wait in the journal
                int linesAtStop = ServiceHome.readings(home).size();
                ServiceHome.await(Duration.ofSeconds(30), "6 more readings while the broker is down",
                        () -> ServiceHome.readings(home).size() >= linesAtStop + 6);
                broker.start();
                int linesAtStart = ServiceHome.readings(home).size();
                ServiceHome.await(Duration.ofSeconds(90), "the readings taken while the broker was down",
                        () -> topic.ids().size() >= linesAtStart);

                broker.stop(); // and down again when the service stops, with readings waiting
                int linesAtSecondStop = ServiceHome.readings(home).size();
                ServiceHome.await(Duration.ofSeconds(30), "4 more readings", () -> ServiceHome.readings(home).size() >= linesAtSecondStop + 4);
            }
            broker.start();
            try (MeterbridgeService service = new MeterbridgeService(home, Map.of("mbus.bus", "", "http.status.port", "0",
                    "kafka.brokers", broker.bootstrapServers()), false)) {
                service.start();
                JournalComponent journal = service.context().getComponent("journal", JournalComponent.class);
                ServiceHome.await(Duration.ofSeconds(90), "every output to have every reading",
                        () -> journal.backlogs().stream().mapToInt(JournalBacklog::backlog).sum() == 0);
                ServiceHome.await(Duration.ofSeconds(30), "every reading on the topic", () -> topic.ids().size() == ServiceHome.readings(home).size());
            }
            List<JsonNode> lines = ServiceHome.readings(home);
            // 4 before the outage, 6 during it, 4 more before the stop: what the waits above asked for
            assertTrue(lines.size() >= 14, lines.size() + " readings");
            // two broker stops and a service stop: at most the reading in flight at each is sent again
            assertEveryReadingOnceInOrder(lines, topic.read(), 3);
        }
    }

    /**
     * The service in its own JVM, killed with SIGKILL while the broker is down and then three times
     * the instant a record reached the topic (the broker has acknowledged it; the journal may not
     * have moved its cursor yet), and run once more without polling: nothing taken is lost, nothing
     * overtakes, and a repeat is the reading that was in flight at a kill, with its meterbridge-id.
     */
    @Test
    void killedWhileSendingEveryReadingArrivesAndARepeatIsTheReadingInFlight() throws Exception {
        Path home = ServiceHome.shipped(Files.createTempDirectory(dir, "home"));
        try (KafkaBroker broker = new KafkaBroker(dir.resolve("kafka")); Topic topic = new Topic(broker)) {
            broker.start();
            broker.createTopic(TOPIC, KafkaBroker.PARTITIONS);
            Files.writeString(home.resolve("application.properties"), """
                    mbus.poll=300ms
                    http.status.port=0
                    kafka.brokers=%s
                    """.formatted(broker.bootstrapServers()));
            int kills = 0;
            child = start(home, "mbus.bus=sim:kafka-kill\n");
            awaitOrDump(home, Duration.ofSeconds(60), "4 records", () -> topic.ids().size() >= 4);

            broker.stop();
            int linesAtStop = ServiceHome.readings(home).size();
            awaitOrDump(home, Duration.ofSeconds(30), "4 readings while the broker is down", () -> ServiceHome.readings(home).size() >= linesAtStop + 4);
            kill();
            kills++;
            broker.start();

            for (int i = 0; i < 3; i++) {
                child = start(home, "mbus.bus=sim:kafka-kill\n");
                int seen = topic.read().size();
                awaitOrDump(home, Duration.ofSeconds(60), "a record in run " + (i + 2), () -> topic.read().size() > seen);
                kill();
                kills++;
            }

            child = start(home, "mbus.bus=\n");
            awaitOrDump(home, Duration.ofSeconds(90), "every reading on the topic", () -> topic.ids().size() == ServiceHome.readings(home).size());
            Thread.sleep(1000); // a repeat would come now
            child.destroy();
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "service stopped");
            child = null;

            // one reading in flight at each kill (the one at the broker's stop is the one at the first kill)
            assertEveryReadingOnceInOrder(ServiceHome.readings(home), topic.read(), kills);
        }
    }

    /**
     * The TLS and SASL settings reach the Kafka producer as they were written, a JAAS login with
     * quotes, {@code =}, {@code ;} and parentheses included; left empty they set nothing, so Kafka's
     * defaults hold (PLAINTEXT). No broker is needed: the producer starts with the first reading.
     */
    @Test
    void securitySettingsReachTheProducerAsWrittenAndEmptyOnesSetNothing() throws Exception {
        String jaas = "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"meterbridge\" password=\"p=(a;b)&c\";";
        Map<String, String> secure = Map.of("mbus.bus", "", "http.status.port", "0", "kafka.brokers", "127.0.0.1:1,127.0.0.2:1",
                "kafka.topic", "home.heat", "kafka.securityProtocol", "SASL_SSL", "kafka.saslMechanism", "SCRAM-SHA-512",
                "kafka.saslJaasConfig", jaas);
        Properties p = producerProperties(secure);
        assertEquals("SASL_SSL", p.get("security.protocol"));
        assertEquals("SCRAM-SHA-512", p.get("sasl.mechanism"));
        assertEquals(jaas, p.get("sasl.jaas.config"));
        assertEquals("true", String.valueOf(p.get("enable.idempotence")));
        assertEquals("all", p.get("acks"));
        assertEquals("20000", String.valueOf(p.get("delivery.timeout.ms")));

        Properties plain = producerProperties(Map.of("mbus.bus", "", "http.status.port", "0", "kafka.brokers", "127.0.0.1:1"));
        for (String key : List.of("security.protocol", "sasl.mechanism", "sasl.jaas.config")) {
            assertNull(plain.get(key), key + " set without a setting");
        }
    }

    /** The Kafka client properties of the shipped route's producer, in a service with {@code settings}. */
    private Properties producerProperties(Map<String, String> settings) throws Exception {
        Path home = ServiceHome.shipped(Files.createTempDirectory(dir, "home"));
        try (MeterbridgeService service = new MeterbridgeService(home, settings, false)) {
            service.start();
            KafkaEndpoint kafka = service.context().getEndpoints().stream().filter(KafkaEndpoint.class::isInstance)
                    .map(KafkaEndpoint.class::cast).findFirst().orElseThrow();
            assertEquals(settings.getOrDefault("kafka.topic", TOPIC), kafka.getConfiguration().getTopic());
            assertEquals(settings.get("kafka.brokers"), kafka.getConfiguration().getBrokers());
            return kafka.getConfiguration().createProducerProperties();
        }
    }

    /** Off until its brokers are set: no route, so no cursor holding readings in the journal for nobody. */
    @Test
    void withoutBrokersThereIsNoKafkaRouteNorCursor() throws Exception {
        Path home = ServiceHome.shipped(Files.createTempDirectory(dir, "home"));
        try (MeterbridgeService service = new MeterbridgeService(home, Map.of("mbus.bus", "", "http.status.port", "0"), false)) {
            service.start();
            assertNull(service.context().getRoute("kafka-send"));
            service.context().createProducerTemplate().sendBodyAndHeader("direct:reading",
                    "{\"type\":\"heat\",\"meter_key\":\"kam_1\",\"read_at\":\"2026-12-04T00:00:01Z\",\"power_kw\":2.5}",
                    "MeterbridgeMeterKey", "kam_1");
            JournalComponent journal = service.context().getComponent("journal", JournalComponent.class);
            assertEquals(List.of("files"), journal.backlogs().stream().map(JournalBacklog::cursor).toList());
        }
    }

    /**
     * Every reading of {@code lines} is a record keyed by its meter key, whose value is the reading
     * and whose only header is {@code meterbridge-id}; each meter's records are on one partition, in
     * the order of {@code readings.jsonl} once repeats (same id, same reading) are dropped; at most
     * {@code maxRepeats} records are repeats.
     */
    private static void assertEveryReadingOnceInOrder(List<JsonNode> lines, List<Rec> records, int maxRepeats) throws IOException {
        Map<String, List<JsonNode>> expected = new TreeMap<>();
        for (JsonNode line : lines) {
            expected.computeIfAbsent(line.get("meter_key").asText(), k -> new ArrayList<>()).add(line);
        }
        assertEquals(Set.of("kam_77447744", "kam_82937133"), expected.keySet());

        Map<String, Rec> byId = new LinkedHashMap<>();
        Map<String, Set<Integer>> partitions = new TreeMap<>();
        Map<String, List<JsonNode>> found = new TreeMap<>();
        Rec previous = null;
        for (Rec r : records) {
            JsonNode value = JSON.readTree(r.value());
            assertEquals(value.get("meter_key").asText(), r.key(), "the key is the reading's meter: " + r);
            assertEquals(List.of("meterbridge-id"), r.headers(), "the record's headers: " + r);
            assertTrue(r.id().matches("[^:]+:\\d+"), "meterbridge-id is <journal id>:<sequence>: " + r);
            partitions.computeIfAbsent(r.key(), k -> new TreeSet<>()).add(r.partition());
            Rec first = byId.putIfAbsent(r.id(), r);
            Rec before = previous;
            previous = r;
            if (first != null) {
                assertEquals(first.value(), r.value(), "one meterbridge-id, two readings");
                // the reading in flight, sent again before anything behind it: right after itself on its partition
                assertTrue(before != null && before.partition() == r.partition() && before.id().equals(r.id()),
                        "a repeat not right after its reading: " + r + " after " + before);
                continue;
            }
            found.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(value);
        }
        for (Map.Entry<String, Set<Integer>> e : partitions.entrySet()) {
            assertEquals(1, e.getValue().size(), e.getKey() + "'s records on partitions " + e.getValue());
        }
        for (String meter : expected.keySet()) {
            assertEquals(expected.get(meter), found.get(meter), meter + ": every reading once, in the order taken");
        }
        int repeats = records.size() - byId.size();
        System.out.println(lines.size() + " readings, " + records.size() + " records, " + repeats + " repeats, partitions " + partitions);
        assertTrue(repeats <= maxRepeats, repeats + " repeats, at most " + maxRepeats + " (one per stop) expected");
    }

    /** The service in its own JVM in {@code home}, with {@code extra} lines instead of its mbus.bus. */
    private static Process start(Path home, String extra) throws IOException {
        Path props = home.resolve("application.properties");
        String base = Files.readString(props).replaceAll("(?m)^mbus\\.bus=.*\\n", "");
        Files.writeString(props, base + extra);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"), "io.meterbridge.cli.Main")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("out.log").toFile()))
                .start();
    }

    private void kill() throws InterruptedException {
        child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        child = null;
    }

    private static void awaitOrDump(Path home, Duration timeout, String what, BooleanSupplier condition) throws Exception {
        try {
            ServiceHome.await(timeout, what, condition);
        } catch (AssertionError e) {
            String log = Files.exists(home.resolve("out.log")) ? Files.readString(home.resolve("out.log")) : "";
            throw new AssertionError(e.getMessage() + "\n--- out.log (end) ---\n" + log.substring(Math.max(0, log.length() - 6000)), e);
        }
    }

    /** One record as a consumer sees it. */
    private record Rec(int partition, long offset, String key, String value, List<String> headers, String id) {
    }

    /**
     * Every record of {@value #TOPIC}, read from the beginning of each partition by one plain
     * consumer (no group: assigned all partitions once the topic exists), kept as it comes in.
     */
    private static final class Topic implements AutoCloseable {
        private final KafkaBroker broker;
        private final List<Rec> records = new ArrayList<>();
        private KafkaConsumer<String, String> consumer;

        Topic(KafkaBroker broker) {
            this.broker = broker;
        }

        /** The records so far, in partition then offset order; what has not arrived yet is read first. */
        List<Rec> read() {
            try {
                if (consumer == null) {
                    Properties p = new Properties();
                    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
                    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
                    p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
                    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
                    KafkaConsumer<String, String> c = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
                    List<TopicPartition> parts = c.partitionsFor(TOPIC, Duration.ofSeconds(2)).stream()
                            .map(i -> new TopicPartition(TOPIC, i.partition())).toList();
                    if (parts.isEmpty()) {
                        c.close();
                        return sorted();
                    }
                    c.assign(parts);
                    c.seekToBeginning(parts);
                    consumer = c;
                }
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    List<String> names = new ArrayList<>();
                    for (Header h : r.headers()) {
                        names.add(h.key());
                    }
                    Header id = r.headers().lastHeader("meterbridge-id");
                    records.add(new Rec(r.partition(), r.offset(), r.key(), r.value(), names,
                            id == null ? "" : new String(id.value(), StandardCharsets.UTF_8)));
                }
            } catch (KafkaException e) {
                // the broker is down (a timeout): what was read so far
            }
            return sorted();
        }

        /** The meterbridge-ids read so far, without repeats. */
        Set<String> ids() {
            Set<String> ids = new TreeSet<>();
            read().forEach(r -> ids.add(r.id()));
            return ids;
        }

        private List<Rec> sorted() {
            return records.stream().sorted(java.util.Comparator.comparingInt(Rec::partition).thenComparingLong(Rec::offset)).toList();
        }

        @Override
        public void close() {
            if (consumer != null) {
                consumer.close(Duration.ofSeconds(5));
            }
        }
    }
}
