package io.meterbridge.camel.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.meterbridge.camel.journal.JournalBacklog;
import io.meterbridge.camel.journal.JournalComponent;
import io.meterbridge.camel.service.MeterbridgeService;
import io.meterbridge.camel.testing.InfluxDbServer;
import io.meterbridge.camel.testing.ServiceHome;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped {@code routes/influxdb.yaml} in the real service against a real InfluxDB
 * ({@code influxd} 1.x, Debian's {@code influxdb} package), checked through InfluxDB's own query
 * API: what a user with {@code influxdb.url} set finds in the database.
 */
class InfluxOutputTest {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final String DB = "meters";

    @TempDir
    Path dir;

    private static void assumeInfluxd() {
        assumeTrue(InfluxDbServer.binary() != null,
                "influxd not installed (apt-get install influxdb): the InfluxDB output is not tested against a real server");
    }

    /**
     * The simulated meters polled every 300 ms; InfluxDB goes away for a while and comes back while
     * the service runs, then goes away again, the service is stopped with readings still waiting and
     * started again (without polling) once InfluxDB is back: every line of {@code readings.jsonl} is
     * one point in InfluxDB, at its {@code read_at} to the nanosecond, with its energy; no point
     * is missing and none is extra.
     */
    @Test
    void everyReadingIsOnePointAtItsTimeThroughAnOutageAndARestart() throws Exception {
        Path home = ServiceHome.shipped(Files.createTempDirectory(dir, "home"));
        assumeInfluxd();
        try (InfluxDbServer influx = new InfluxDbServer(dir.resolve("influxdb"))) {
            influx.start();
            influx.query(null, "CREATE DATABASE " + DB);
            Map<String, String> settings = Map.of(
                    "mbus.bus", "sim:influx-meters",
                    "mbus.poll", "300ms",
                    "http.status.port", "0",
                    "influxdb.url", influx.url() + "/write?db=" + DB);
            try (MeterbridgeService service = new MeterbridgeService(home, settings, false)) {
                service.start();
                ServiceHome.await(Duration.ofSeconds(60), "4 points in InfluxDB", () -> points(influx).size() >= 4);

                influx.stop(); // readings go on being taken, and wait in the journal
                int linesAtStop = ServiceHome.readings(home).size();
                ServiceHome.await(Duration.ofSeconds(30), "6 more readings while InfluxDB is down",
                        () -> ServiceHome.readings(home).size() >= linesAtStop + 6);
                influx.start();
                int linesAtStart = ServiceHome.readings(home).size();
                ServiceHome.await(Duration.ofSeconds(90), "the readings taken while InfluxDB was down",
                        () -> points(influx).size() >= linesAtStart);

                influx.stop(); // and down again when the service stops, with readings waiting
                int linesAtSecondStop = ServiceHome.readings(home).size();
                ServiceHome.await(Duration.ofSeconds(30), "4 more readings", () -> ServiceHome.readings(home).size() >= linesAtSecondStop + 4);
            }
            influx.start();
            try (MeterbridgeService service = new MeterbridgeService(home, Map.of("mbus.bus", "", "http.status.port", "0",
                    "influxdb.url", influx.url() + "/write?db=" + DB), false)) {
                service.start();
                JournalComponent journal = service.context().getComponent("journal", JournalComponent.class);
                ServiceHome.await(Duration.ofSeconds(90), "every output to have every reading",
                        () -> journal.backlogs().stream().mapToInt(JournalBacklog::backlog).sum() == 0);
            }

            Map<String, Map<Long, BigDecimal>> expected = assertOnePointPerReading(home, influx);
            // 4 before the outage, 6 during it, 4 more before the stop: what the waits above asked for
            assertTrue(expected.values().stream().mapToInt(Map::size).sum() >= 14, expected.toString());
            assertFalse(Files.exists(home.resolve("data/rejected-influxdb")), "no reading was rejected");
        }
    }

    /**
     * The service as its own process, killed (SIGKILL) while InfluxDB is down and readings wait
     * in its journal, then started again once InfluxDB is back: every reading is one point.
     */
    @Test
    void aServiceKilledWhileInfluxDbIsDownLosesNoPointAndWritesNoneTwice() throws Exception {
        assumeInfluxd();
        try (InfluxDbServer influx = new InfluxDbServer(dir.resolve("influxdb-kill"))) {
            influx.start();
            influx.query(null, "CREATE DATABASE " + DB);
            Path home = ServiceHome.shipped(Files.createTempDirectory(dir, "home"));
            String base = Files.readString(home.resolve("application.properties")).replaceAll("(?m)^(mbus\\.bus|mbus\\.poll)=.*\\n", "");
            String settings = "http.status.enabled=false\ninfluxdb.url=" + influx.url() + "/write?db=" + DB + "\n";
            Files.writeString(home.resolve("application.properties"), base + settings + "mbus.bus=sim\nmbus.poll=300ms\n");
            Process service = ServiceHome.startProcess(home);
            try {
                ServiceHome.await(Duration.ofSeconds(60), "4 points in InfluxDB", () -> points(influx).size() >= 4);
                influx.stop();
                int atStop = ServiceHome.readings(home).size();
                ServiceHome.await(Duration.ofSeconds(30), "4 more readings while InfluxDB is down",
                        () -> ServiceHome.readings(home).size() >= atStop + 4);
                service.destroyForcibly();
                service.waitFor();

                influx.start();
                Files.writeString(home.resolve("application.properties"), base + settings + "mbus.bus=\n"); // no more polling
                service = ServiceHome.startProcess(home);
                ServiceHome.await(Duration.ofSeconds(90), "a point for every reading",
                        () -> points(influx).size() >= ServiceHome.readings(home).size());
                Thread.sleep(1000); // a repeat would show now
                Map<String, Map<Long, BigDecimal>> expected = assertOnePointPerReading(home, influx);
                assertTrue(expected.values().stream().mapToInt(Map::size).sum() >= 8, expected.toString());
            } finally {
                service.destroyForcibly();
                service.waitFor();
            }
        }
    }

    /**
     * Every line of the home's {@code readings.jsonl} is one point in InfluxDB, at its
     * {@code read_at} to the nanosecond, with its energy; no point is missing and none is extra.
     * Returns the readings' energies by meter and time.
     */
    private static Map<String, Map<Long, BigDecimal>> assertOnePointPerReading(Path home, InfluxDbServer influx) throws Exception {
        Map<String, Map<Long, BigDecimal>> expected = new TreeMap<>();
        for (JsonNode r : ServiceHome.readings(home)) {
            Instant t = Instant.parse(r.get("read_at").asText());
            Long nanos = t.getEpochSecond() * 1_000_000_000L + t.getNano();
            BigDecimal before = expected.computeIfAbsent(r.get("meter_key").asText(), k -> new TreeMap<>())
                    .put(nanos, r.get("heat_energy_kwh").decimalValue());
            assertEquals(null, before, "two readings of one meter at the same instant: " + r);
        }
        assertEquals(List.of("kam_77447744", "kam_82937133"), new ArrayList<>(expected.keySet()), expected.keySet().toString());
        Map<String, Map<Long, BigDecimal>> found = new TreeMap<>();
        for (JsonNode p : points(influx)) {
            BigDecimal before = found.computeIfAbsent(p.get(2).asText(), k -> new TreeMap<>()).put(p.get(0).asLong(), p.get(1).decimalValue());
            assertEquals(null, before, "one point twice: " + p);
        }
        for (String meter : expected.keySet()) {
            assertEquals(expected.get(meter).size(), found.getOrDefault(meter, Map.of()).size(), "points of " + meter);
            assertEquals(expected.get(meter).keySet(), found.get(meter).keySet(), "the times of " + meter + "'s points");
            for (Map.Entry<Long, BigDecimal> e : expected.get(meter).entrySet()) {
                assertEquals(0, e.getValue().compareTo(found.get(meter).get(e.getKey())),
                        meter + " at " + e.getKey() + ": " + e.getValue() + " kWh, InfluxDB has " + found.get(meter).get(e.getKey()));
            }
        }
        return expected;
    }

    /**
     * A reading InfluxDB refuses (400: a field that was a number is now text) and one that cannot be
     * a point at all (no {@code read_at}) are set aside in {@code rejected-influxdb/}; the readings
     * behind them are written.
     */
    @Test
    void aReadingInfluxDbRefusesIsSetAsideAndTheOthersFollow() throws Exception {
        assumeInfluxd();
        try (InfluxDbServer influx = new InfluxDbServer(dir.resolve("influxdb"))) {
            influx.start();
            influx.query(null, "CREATE DATABASE " + DB);
            Path home = ServiceHome.shipped(Files.createTempDirectory(dir, "home"));
            String conflict = reading(2, "\"info_text\":\"leak\"");
            String noTime = "{\"type\":\"heat\",\"meter_key\":\"kam_3\",\"power_kw\":1}";
            try (MeterbridgeService service = new MeterbridgeService(home, Map.of("mbus.bus", "", "http.status.port", "0",
                    "influxdb.url", influx.url() + "/write?db=" + DB), false)) {
                service.start();
                ProducerTemplate t = service.context().createProducerTemplate();
                for (String r : List.of(reading(1, "\"info_text\":5"), conflict, noTime, reading(4, "\"info_text\":6"))) {
                    t.sendBodyAndHeader("direct:reading", r, "MeterbridgeMeterKey", "kam_1");
                }
                ServiceHome.await(Duration.ofSeconds(30), "readings 1 and 4", () -> points(influx).size() >= 2);
                Path rejected = home.resolve("data/rejected-influxdb");
                ServiceHome.await(Duration.ofSeconds(10), "two rejected readings", () -> count(rejected) == 2);
                assertEquals(List.of(conflict, noTime), contents(rejected));
                assertEquals(List.of(1L, 4L), points(influx).stream().map(p -> p.get(1).asLong()).toList());
            }
        }
    }

    /**
     * A database that does not exist (404) is a setting to fix, not bad data: the readings wait in
     * the journal, none is set aside, and they are written once the database is there.
     */
    @Test
    void readingsWaitForADatabaseThatDoesNotExistYet() throws Exception {
        assumeInfluxd();
        try (InfluxDbServer influx = new InfluxDbServer(dir.resolve("influxdb"))) {
            influx.start();
            Path home = ServiceHome.shipped(Files.createTempDirectory(dir, "home"));
            try (MeterbridgeService service = new MeterbridgeService(home, Map.of("mbus.bus", "", "http.status.port", "0",
                    "influxdb.url", influx.url() + "/write?db=" + DB), false)) {
                service.start();
                ProducerTemplate t = service.context().createProducerTemplate();
                t.sendBodyAndHeader("direct:reading", reading(1, "\"info_text\":\"\""), "MeterbridgeMeterKey", "kam_1");
                t.sendBodyAndHeader("direct:reading", reading(2, "\"info_text\":\"\""), "MeterbridgeMeterKey", "kam_1");
                Thread.sleep(2500); // a first attempt and a retry, both answered 404
                assertFalse(Files.exists(home.resolve("data/rejected-influxdb")), "a missing database rejects nothing");
                influx.query(null, "CREATE DATABASE " + DB);
                ServiceHome.await(Duration.ofSeconds(60), "both readings once the database exists", () -> points(influx).size() == 2);
            }
        }
    }

    /**
     * A reading delivered again (what the journal does when a write's answer was lost, or after a
     * crash) is the same point: same measurement, tags and time, and InfluxDB keeps one.
     */
    @Test
    void aReadingWrittenAgainIsStillOnePoint() throws Exception {
        assumeInfluxd();
        try (InfluxDbServer influx = new InfluxDbServer(dir.resolve("influxdb"))) {
            influx.start();
            influx.query(null, "CREATE DATABASE " + DB);
            Path home = ServiceHome.shipped(Files.createTempDirectory(dir, "home"));
            try (MeterbridgeService service = new MeterbridgeService(home, Map.of("mbus.bus", "", "http.status.port", "0",
                    "influxdb.url", influx.url() + "/write?db=" + DB), false)) {
                service.start();
                ProducerTemplate t = service.context().createProducerTemplate();
                JournalComponent journal = service.context().getComponent("journal", JournalComponent.class);
                for (int i = 0; i < 3; i++) {
                    t.sendBodyAndHeader("direct:reading", reading(1, "\"power_kw\":2.5"), "MeterbridgeMeterKey", "kam_1");
                }
                // the three are in the journal once sendBody returns; each output has them when the backlog is 0
                ServiceHome.await(Duration.ofSeconds(30), "the three writes",
                        () -> journal.backlogs().stream().mapToInt(JournalBacklog::backlog).sum() == 0);
                assertEquals(1, points(influx).size(), points(influx).toString());
                assertFalse(Files.exists(home.resolve("data/rejected-influxdb")), "all three were written");
            }
        }
    }

    /**
     * What InfluxDB 2.x and 3 need beyond 1.x: {@code influxdb.token} as {@code Authorization: Token …}
     * (Debian's 1.6 does not read that header, so a local HTTP server stands in), and the body is the
     * one line, as text.
     */
    @Test
    void theTokenIsSentAsAnAuthorizationHeaderWithTheLine() throws Exception {
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v2/write", ex -> {
            seen.add(ex.getRequestMethod() + " " + ex.getRequestURI() + " | " + ex.getRequestHeaders().getFirst("Authorization")
                    + " | " + ex.getRequestHeaders().getFirst("Content-Type") + " | "
                    + new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        server.start();
        try {
            Path home = ServiceHome.shipped(Files.createTempDirectory(dir, "home"));
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v2/write?org=home&bucket=meters";
            try (MeterbridgeService service = new MeterbridgeService(home, Map.of("mbus.bus", "", "http.status.port", "0",
                    "influxdb.url", url, "influxdb.token", "s3cr$t=="), false)) {
                service.start();
                service.context().createProducerTemplate().sendBodyAndHeader("direct:reading", reading(1, "\"power_kw\":2.5"),
                        "MeterbridgeMeterKey", "kam_1");
                ServiceHome.await(Duration.ofSeconds(15), "the write", () -> !seen.isEmpty());
            }
            // Camel puts the query parameters in name order, which no server minds
            assertEquals(List.of("POST /api/v2/write?bucket=meters&org=home | Token s3cr$t== | text/plain; charset=utf-8 | "
                    + "meterbridge_heat,meter_key=kam_1,model=MULTICAL\\ 403 heat_energy_kwh=1,power_kw=2.5 1796342401500000000"), seen);
        } finally {
            server.stop(0);
        }
    }

    /** Off until its URL is set: no route, so no cursor holding readings in the journal for nobody. */
    @Test
    void withoutAUrlThereIsNoInfluxDbRouteNorCursor() throws Exception {
        Path home = ServiceHome.shipped(Files.createTempDirectory(dir, "home"));
        try (MeterbridgeService service = new MeterbridgeService(home, Map.of("mbus.bus", "", "http.status.port", "0"), false)) {
            service.start();
            assertEquals(null, service.context().getRoute("influxdb-write"));
            service.context().createProducerTemplate().sendBodyAndHeader("direct:reading", reading(1, "\"power_kw\":2.5"),
                    "MeterbridgeMeterKey", "kam_1");
            JournalComponent journal = service.context().getComponent("journal", JournalComponent.class);
            assertEquals(List.of("files"), journal.backlogs().stream().map(JournalBacklog::cursor).toList());
        }
    }

    /** A heat reading of meter kam_1 with {@code n} kWh, at second {@code n} of the day, and more JSON. */
    private static String reading(int n, String more) {
        return "{\"type\":\"heat\",\"meter_key\":\"kam_1\",\"model\":\"MULTICAL 403\",\"read_at\":\"2026-12-04T00:00:0" + n
                + ".5Z\",\"heat_energy_kwh\":" + n + "," + more + "}";
    }

    /** Every point of measurement meterbridge_heat: [time in ns, heat_energy_kwh, meter_key], oldest first. */
    private static List<JsonNode> points(InfluxDbServer influx) {
        try {
            JsonNode values = influx.query(DB, "SELECT heat_energy_kwh, meter_key FROM meterbridge_heat").at("/results/0/series/0/values");
            List<JsonNode> out = new ArrayList<>();
            values.forEach(out::add);
            return out;
        } catch (IOException | AssertionError e) {
            return List.of(); // not up (yet), or no database yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }


    private static long count(Path folder) {
        try (var files = Files.list(folder)) {
            return files.count();
        } catch (IOException e) {
            return 0;
        }
    }

    private static List<String> contents(Path folder) throws IOException {
        List<String> out = new ArrayList<>();
        try (var files = Files.list(folder)) {
            for (Path p : files.sorted(Comparator.comparing(p -> p.getFileName().toString())).toList()) {
                out.add(Files.readString(p));
            }
        }
        return out;
    }
}
