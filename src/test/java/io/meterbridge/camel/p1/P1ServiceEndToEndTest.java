package io.meterbridge.camel.p1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meterbridge.camel.mqtt.BrokerConnection;
import io.meterbridge.camel.service.MeterbridgeService;
import io.meterbridge.camel.testing.HiveMqBroker;
import io.meterbridge.camel.testing.ServiceHome;
import io.meterbridge.camel.testing.Subscriber;
import io.meterbridge.p1.P1Version;
import io.meterbridge.sim.P1Fault;
import io.meterbridge.sim.P1Simulator;
import io.meterbridge.sim.PtyLink;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped {@code routes/p1.yaml} (with the other shipped routes, copied byte for byte) in the
 * real service: the P1 simulator writes telegrams into a socat pseudo-terminal or a TCP bridge, the
 * {@code p1:} route reads them, and the readings arrive at a real MQTT 5 broker (HiveMQ CE) and in
 * the JSON Lines file with the values the telegrams carried. Telegrams with a bad CRC are counted
 * and never published; the throttle keeps one live reading per period, and Home Assistant's retained
 * discovery config for the electricity meter and its state match the telegrams. The heat meters' bus is
 * switched off ({@code mbus.bus} empty) so that the files hold P1 readings only.
 */
class P1ServiceEndToEndTest {

    private static final ZonedDateTime START = ZonedDateTime.of(2026, 11, 21, 12, 0, 0, 0, ZoneId.of("Europe/Amsterdam"));
    private static final String TOPIC = "meterbridge/isk_e0054007476941719/reading";
    private static final String LIVE_TOPIC = "meterbridge/isk_e0054007476941719/live";
    private static final String AVAILABILITY_TOPIC = "meterbridge/isk_e0054007476941719/availability";
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @TempDir
    static Path brokerDir;
    private static HiveMqBroker broker;
    private static Subscriber subscriber;

    @TempDir
    Path dir;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = new HiveMqBroker(brokerDir);
        broker.start();
        subscriber = new Subscriber(broker.url(), "p1-test-subscriber", "meterbridge/#");
    }

    @AfterAll
    static void stopBroker() throws Exception {
        subscriber.close();
        broker.close();
    }

    /** Checks a published reading against the telegram the simulator sent for that meter time. */
    private static void assertMatches(JsonNode reading, Map<LocalDateTime, SentTelegram> sent) {
        LocalDateTime clock = LocalDateTime.parse(reading.get("meter_clock").asText());
        SentTelegram s = sent.get(clock);
        assertTrue(s != null, "published a reading of " + clock + ", which was not sent as a good telegram: " + reading);
        assertEquals("electricity", reading.get("type").asText());
        assertEquals("isk_e0054007476941719", reading.get("meter_key").asText());
        assertEquals("Iskra", reading.get("manufacturer_name").asText());
        assertEquals(0, s.importT1().compareTo(reading.get("import_t1_kwh").decimalValue()), reading.toString());
        assertEquals(0, s.importT2().compareTo(reading.get("import_t2_kwh").decimalValue()), reading.toString());
        assertEquals(0, s.importT1().add(s.importT2()).compareTo(reading.get("import_kwh").decimalValue()));
        assertEquals(0, s.exportT2().compareTo(reading.get("export_t2_kwh").decimalValue()), reading.toString());
        assertEquals(0, s.powerKw().compareTo(reading.get("power_import_kw").decimalValue()), reading.toString());
        assertEquals(0, s.voltageL1().compareTo(reading.get("l1_voltage_v").decimalValue()), reading.toString());
        assertEquals(0, s.gasM3().compareTo(reading.get("gas_m3").decimalValue()), reading.toString());
    }

    /** The meter's device config topic and its state topic (Topics: meterbridge_ + meter key). */
    private static final String CONFIG_TOPIC = "homeassistant/device/meterbridge_isk_e0054007476941719/config";
    private static final String STATE_TOPIC = "meterbridge/isk_e0054007476941719/state";

    /**
     * State key → the OBIS line (in the telegram the test sent) that must carry its value; the
     * totals are the sums of the tariff registers.
     */
    private static final Map<String, String> STATE_OBIS = Map.ofEntries(
            Map.entry("import_t1_kwh", "1-0:1.8.1"), Map.entry("import_t2_kwh", "1-0:1.8.2"),
            Map.entry("export_t1_kwh", "1-0:2.8.1"), Map.entry("export_t2_kwh", "1-0:2.8.2"),
            Map.entry("power_import_kw", "1-0:1.7.0"), Map.entry("power_export_kw", "1-0:2.7.0"),
            Map.entry("l1_voltage_v", "1-0:32.7.0"), Map.entry("l2_voltage_v", "1-0:52.7.0"),
            Map.entry("l3_voltage_v", "1-0:72.7.0"), Map.entry("l1_current_a", "1-0:31.7.0"),
            Map.entry("l2_current_a", "1-0:51.7.0"), Map.entry("l3_current_a", "1-0:71.7.0"));

    /** Entity key in the discovery config → {device class, unit, state class, state key}. */
    private static final Map<String, List<String>> ENTITIES = Map.ofEntries(
            Map.entry("energy_import", List.of("energy", "kWh", "total_increasing", "import_kwh")),
            Map.entry("energy_export", List.of("energy", "kWh", "total_increasing", "export_kwh")),
            Map.entry("energy_import_t1", List.of("energy", "kWh", "total_increasing", "import_t1_kwh")),
            Map.entry("energy_import_t2", List.of("energy", "kWh", "total_increasing", "import_t2_kwh")),
            Map.entry("energy_export_t1", List.of("energy", "kWh", "total_increasing", "export_t1_kwh")),
            Map.entry("energy_export_t2", List.of("energy", "kWh", "total_increasing", "export_t2_kwh")),
            Map.entry("power_import", List.of("power", "kW", "measurement", "power_import_kw")),
            Map.entry("power_export", List.of("power", "kW", "measurement", "power_export_kw")),
            Map.entry("l1_voltage", List.of("voltage", "V", "measurement", "l1_voltage_v")),
            Map.entry("l2_voltage", List.of("voltage", "V", "measurement", "l2_voltage_v")),
            Map.entry("l3_voltage", List.of("voltage", "V", "measurement", "l3_voltage_v")),
            Map.entry("l1_current", List.of("current", "A", "measurement", "l1_current_a")),
            Map.entry("l2_current", List.of("current", "A", "measurement", "l2_current_a")),
            Map.entry("l3_current", List.of("current", "A", "measurement", "l3_current_a")),
            Map.entry("gas", List.of("gas", "m³", "total_increasing", "gas_m3")));

    private static java.math.BigDecimal obisValue(String telegram, String obis) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(obis)
                + "\\(([0-9.]+)\\*[A-Za-z]+\\)").matcher(telegram);
        assertTrue(m.find(), "no " + obis + " in the telegram sent:\n" + telegram);
        return new java.math.BigDecimal(m.group(1));
    }

    /** The value the state should hold for {@code stateKey}, read from the telegram's own text. */
    private static java.math.BigDecimal expected(String telegram, String stateKey) {
        return switch (stateKey) {
            case "import_kwh" -> obisValue(telegram, "1-0:1.8.1").add(obisValue(telegram, "1-0:1.8.2"));
            case "export_kwh" -> obisValue(telegram, "1-0:2.8.1").add(obisValue(telegram, "1-0:2.8.2"));
            case "gas_m3" -> SentTelegram.of(telegram.getBytes(StandardCharsets.US_ASCII)).gasM3();
            default -> obisValue(telegram, STATE_OBIS.get(stateKey));
        };
    }

    /**
     * Home Assistant's view: a fresh client subscribed to {@code homeassistant/device/+/config}
     * gets the electricity meter's discovery config as a retained message, with an entity of the
     * right device class, unit and state class for every tariff and direction, power, per-phase
     * voltage and current and gas, each reading a key of the meter's state topic; and the latest
     * state there holds the values of the telegram it came from.
     */
    private static void assertHomeAssistantDiscoveryAndState(int before, Map<LocalDateTime, String> sent)
            throws Exception {
        ServiceHome.await(Duration.ofSeconds(5), "a state on " + STATE_TOPIC,
                () -> subscriber.received().subList(before, subscriber.received().size()).stream()
                        .anyMatch(r -> r.topic().equals(STATE_TOPIC)));
        try (Subscriber ha = new Subscriber(broker.url(), "p1-test-home-assistant", "homeassistant/device/+/config")) {
            ServiceHome.await(Duration.ofSeconds(5), "the retained " + CONFIG_TOPIC,
                    () -> ha.received().stream().anyMatch(r -> r.topic().equals(CONFIG_TOPIC)));
            Subscriber.Received message = ha.received().stream().filter(r -> r.topic().equals(CONFIG_TOPIC))
                    .findFirst().orElseThrow();
            assertTrue(message.retained(), "the discovery config must be retained");
            JsonNode config = json(message.payload());
            assertEquals("Iskra", config.at("/dev/manufacturer").asText(), message.payload());
            JsonNode cmps = config.get("cmps");
            List<String> states = subscriber.received().subList(before, subscriber.received().size()).stream()
                    .filter(r -> r.topic().equals(STATE_TOPIC)).map(Subscriber.Received::payload).toList();
            JsonNode state = json(states.get(states.size() - 1));
            String telegram = sent.get(LocalDateTime.parse(state.get("meter_clock").asText()));
            assertTrue(telegram != null, "the state is of a telegram this test did not send: " + state);
            for (Map.Entry<String, List<String>> e : ENTITIES.entrySet()) {
                JsonNode c = cmps.get(e.getKey());
                assertTrue(c != null, "no entity " + e.getKey() + " in " + cmps);
                List<String> want = e.getValue();
                assertEquals("sensor", c.get("p").asText(), e.getKey());
                assertEquals(want.get(0), c.get("device_class").asText(), e.getKey());
                assertEquals(want.get(1), c.get("unit_of_measurement").asText(), e.getKey());
                assertEquals(want.get(2), c.get("state_class").asText(), e.getKey());
                assertEquals(STATE_TOPIC, c.get("state_topic").asText(), e.getKey());
                assertEquals("{{ value_json.get('" + want.get(3) + "') }}", c.get("value_template").asText(), e.getKey());
                JsonNode value = state.get(want.get(3));
                assertTrue(value != null && value.isNumber(), e.getKey() + ": no number " + want.get(3) + " in " + state);
                assertEquals(0, expected(telegram, want.get(3)).compareTo(value.decimalValue()),
                        e.getKey() + ": " + value + " in the state, telegram:\n" + telegram);
            }
        }
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    @Test
    void overAPtyEveryGoodTelegramReachesMqttAndTheRecordFileWhileBadCrcsAreNeverPublished() throws Exception {
        assumeTrue(PtyLink.socatAvailable(), "socat is not installed: the pseudo-terminal test needs it (apt-get install socat)");
        Path home = ServiceHome.shipped(dir.resolve("home"));
        Path meterSide = dir.resolve("meter");
        Path serviceSide = dir.resolve("ttyP1");
        int before = subscriber.payloads(TOPIC).size();
        int liveBefore = subscriber.payloads(LIVE_TOPIC).size();
        try (PtyLink pty = PtyLink.open(serviceSide, meterSide);
             MeterbridgeService service = new MeterbridgeService(home, Map.of(
                     "p1.port", serviceSide.toString(),
                     "p1.livePeriod", "20",
                     "p1.recordPeriod", "400",
                     "mqtt.url", broker.url(),
                     "mqtt.clientId", "meterbridge-p1-pty",
                     "mbus.bus", ""), false)) {
            CamelContext camel = service.start();
            P1Consumer consumer = (P1Consumer) camel.getRoute("p1-meter").getConsumer();
            ServiceHome.await(Duration.ofSeconds(5), "the port open", () -> consumer.getStatistics().connects() == 1);
            // live readings go out at QoS 0 without the journal: those taken before the broker
            // connection is up are not sent (the records are), so the meter starts once it is
            BrokerConnection mqtt = camel.getRegistry().lookupByNameAndType("mqttBroker", BrokerConnection.class);
            ServiceHome.await(Duration.ofSeconds(5), "MQTT connected", mqtt::isConnected);
            P1Simulator sim = new P1Simulator(P1Version.DSMR_5, 21, START);
            Map<LocalDateTime, SentTelegram> good = new HashMap<>();
            Set<LocalDateTime> bad = new HashSet<>();
            try (OutputStream meter = new FileOutputStream(meterSide.toFile())) {
                for (int i = 0; i < 16; i++) {
                    P1Fault fault = i % 5 == 2 ? P1Fault.BAD_CRC : P1Fault.NONE;
                    byte[] t = sim.next(Duration.ofSeconds(1), fault);
                    SentTelegram s = SentTelegram.of(t);
                    if (fault == P1Fault.NONE) {
                        good.put(s.clock(), s);
                    } else {
                        bad.add(s.clock());
                    }
                    meter.write(t);
                    meter.flush();
                    Thread.sleep(60);
                }
            }
            assertEquals(3, bad.size());
            ServiceHome.await(Duration.ofSeconds(10), "every good telegram live on MQTT", () -> subscriber
                    .payloads(LIVE_TOPIC).subList(liveBefore, subscriber.payloads(LIVE_TOPIC).size()).stream()
                    .map(p -> LocalDateTime.parse(json(p).get("meter_clock").asText()))
                    .collect(java.util.stream.Collectors.toSet()).containsAll(good.keySet()));
            Thread.sleep(500); // the last record period
            List<String> records = subscriber.payloads(TOPIC).subList(before, subscriber.payloads(TOPIC).size());
            assertFalse(records.isEmpty(), "no record reading on " + TOPIC);
            assertTrue(records.size() < good.size(), records.size() + " records for " + good.size() + " telegrams");
            List<String> published = new ArrayList<>(records);
            published.addAll(subscriber.payloads(LIVE_TOPIC).subList(liveBefore, subscriber.payloads(LIVE_TOPIC).size()));
            for (String p : published) {
                JsonNode reading = json(p);
                assertFalse(bad.contains(LocalDateTime.parse(reading.get("meter_clock").asText())),
                        "a telegram with a bad CRC was published: " + p);
                assertMatches(reading, good);
            }
            assertEquals(13, consumer.getStatistics().telegrams());
            assertEquals(3, consumer.getStatistics().crcErrors());
            // the record route keeps the latest reading per period: fewer lines than telegrams, each a good one
            // both files are fed from the journal, the CSV row right after the JSON line: wait until they agree
            ServiceHome.await(Duration.ofSeconds(10), "a CSV row for every JSON line", () -> {
                try {
                    return Files.readAllLines(home.resolve("data/readings.jsonl"), StandardCharsets.UTF_8).size() + 1
                            == Files.readString(home.resolve("data/electricity.csv"), StandardCharsets.UTF_8).split("\r\n").length;
                } catch (java.io.IOException e) {
                    return false;
                }
            });
            List<String> lines = Files.readAllLines(home.resolve("data/readings.jsonl"), StandardCharsets.UTF_8);
            assertFalse(lines.isEmpty(), "no record reading in readings.jsonl");
            assertTrue(lines.size() < good.size(), lines.size() + " record lines for " + good.size() + " telegrams");
            for (String line : lines) {
                assertMatches(json(line), good);
            }
            // the same records in the P1 CSV file, in its own columns, every value filled in
            List<String> csv = List.of(Files.readString(home.resolve("data/electricity.csv"), StandardCharsets.UTF_8)
                    .split("\r\n"));
            List<String> columns = List.of(service.property("p1.csv.columns").split(","));
            assertEquals(String.join(",", columns), csv.get(0));
            assertEquals(lines.size() + 1, csv.size(), "one CSV row per record line");
            for (int i = 0; i < lines.size(); i++) {
                JsonNode record = json(lines.get(i));
                List<String> row = List.of(csv.get(i + 1).split(",", -1));
                for (String key : List.of("meter_key", "meter_clock", "import_t1_kwh", "import_t2_kwh", "export_t2_kwh",
                        "power_import_kw", "l1_voltage_v", "gas_m3")) {
                    assertEquals(record.get(key).asText(), row.get(columns.indexOf(key)), key + " in " + csv.get(i + 1));
                }
            }
            assertFalse(Files.exists(home.resolve("data/readings.csv")), "no P1 row in the heat meters' CSV");
        }
    }

    @Test
    void overTcpTheLiveThrottleKeepsOneReadingPerPeriodAndHomeAssistantDiscoversTheMeter() throws Exception {
        Path home = ServiceHome.shipped(dir.resolve("home"));
        int before = subscriber.payloads(LIVE_TOPIC).size();
        int statesBefore = subscriber.received().size();
        int availabilityBefore = subscriber.payloads(AVAILABILITY_TOPIC).size();
        try (TcpBridge bridge = new TcpBridge(ServiceHome.freePort())) {
            bridge.start();
            try (MeterbridgeService service = new MeterbridgeService(home, Map.of(
                    "p1.port", "tcp:127.0.0.1:" + bridge.port(),
                    "p1.livePeriod", "500",
                    "homeassistant.p1OfflineAfter", "2s",
                    "mqtt.url", broker.url(),
                    "mqtt.clientId", "meterbridge-p1-tcp",
                    "mbus.bus", ""), false)) {
                CamelContext camel = service.start();
                P1Consumer consumer = (P1Consumer) camel.getRoute("p1-meter").getConsumer();
                bridge.awaitClient(5);
                P1Simulator sim = new P1Simulator(P1Version.DSMR_5, 22, START);
                Map<LocalDateTime, SentTelegram> good = new HashMap<>();
                Map<LocalDateTime, String> texts = new HashMap<>();
                long t0 = System.nanoTime();
                for (int i = 0; i < 30; i++) {
                    byte[] t = sim.next(Duration.ofSeconds(1));
                    good.put(SentTelegram.of(t).clock(), SentTelegram.of(t));
                    texts.put(SentTelegram.of(t).clock(), new String(t, StandardCharsets.US_ASCII));
                    bridge.write(t);
                    Thread.sleep(50);
                }
                long elapsedMs = (System.nanoTime() - t0) / 1_000_000;
                ServiceHome.await(Duration.ofSeconds(5), "30 telegrams read", () -> consumer.getStatistics().telegrams() == 30);
                Thread.sleep(300);
                List<String> published = subscriber.payloads(LIVE_TOPIC).subList(before,
                        subscriber.payloads(LIVE_TOPIC).size());
                long maxLive = elapsedMs / 500 + 2;
                assertTrue(published.size() >= 2 && published.size() <= maxLive,
                        published.size() + " live readings for 30 telegrams in " + elapsedMs + " ms (at most " + maxLive + ")");
                for (String p : published) {
                    assertMatches(json(p), good);
                }
                // the record period (default one minute) has not passed: nothing written to the files yet
                assertFalse(Files.exists(home.resolve("data/readings.jsonl")));
                assertHomeAssistantDiscoveryAndState(statesBefore, texts);

                // The meter falls silent (cable pulled): offline after p1OfflineAfter, online with
                // its next telegram.
                int mark = subscriber.payloads(AVAILABILITY_TOPIC).size();
                assertEquals("online", subscriber.payloads(AVAILABILITY_TOPIC).get(mark - 1));
                assertFalse(subscriber.payloads(AVAILABILITY_TOPIC).subList(availabilityBefore, mark).contains("offline"),
                        "offline while telegrams were coming");
                ServiceHome.await(Duration.ofSeconds(8), "offline on " + AVAILABILITY_TOPIC,
                        () -> subscriber.payloads(AVAILABILITY_TOPIC).size() > mark);
                assertEquals(List.of("offline"), subscriber.payloads(AVAILABILITY_TOPIC).subList(mark, mark + 1));
                bridge.write(sim.next(Duration.ofSeconds(1)));
                ServiceHome.await(Duration.ofSeconds(5), "online again on " + AVAILABILITY_TOPIC,
                        () -> subscriber.payloads(AVAILABILITY_TOPIC).size() > mark + 1);
                assertEquals("online", subscriber.payloads(AVAILABILITY_TOPIC).get(mark + 1));
            }
        }
    }

    @Test
    void withoutAP1PortTheShippedServiceStartsAndHasNoP1Routes() throws Exception {
        Path home = ServiceHome.shipped(dir.resolve("home"));
        try (MeterbridgeService service = new MeterbridgeService(home, Map.of(), false)) {
            CamelContext camel = service.start();
            assertNull(camel.getRoute("p1-meter"));
            assertNull(camel.getRoute("p1-live"));
            assertNull(camel.getRoute("p1-record"));
            assertTrue(camel.getRouteController().getRouteStatus("readings").isStarted());
            assertTrue(camel.getRouteController().getRouteStatus("heat-meters").isStarted());
            assertTrue(camel.getEndpoints().stream().noneMatch(e -> e.getEndpointUri().startsWith("p1:")));
        }
    }
}
