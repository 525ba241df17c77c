package io.meterbridge.camel.postgresql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.meterbridge.camel.service.MeterbridgeService;
import io.meterbridge.camel.testing.PostgresServer;
import io.meterbridge.camel.testing.ServiceHome;
import io.meterbridge.sim.SimBus;
import io.meterbridge.sim.SimMeter;
import io.meterbridge.sim.SimTransportProvider;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real service with the shipped routes and {@code postgresql.url} set, against a real
 * PostgreSQL: every reading of readings.jsonl is a row of {@code meterbridge.reading}, exactly
 * once (the same meters and times, none missing, none twice), with its values and units; also
 * when the database goes away for a while and comes back, and when the service is killed
 * ({@code kill -9}, a separate JVM) while readings wait in the journal for the database.
 */
class PostgresServiceTest {


    @TempDir
    Path dir;

    private PostgresServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = PostgresServer.start();
    }

    @AfterEach
    void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void everyReadingIsOneRowAlsoAcrossADatabaseOutage() throws Exception {
        SimBus bus = SimTransportProvider.bus("sim:postgres-meters");
        Path home = ServiceHome.shipped(Files.createTempDirectory(dir, "home"));
        Map<String, String> o = new LinkedHashMap<>(Map.of(
                "mbus.bus", "sim:postgres-meters",
                "mbus.poll", "300ms",
                "http.status.port", "0",
                "postgresql.url", server.url(),
                "postgresql.username", "postgres"));
        try (MeterbridgeService service = new MeterbridgeService(home, o, false)) {
            service.start();
            ServiceHome.await(Duration.ofSeconds(60), "4 readings stored", () -> rows() >= 4);

            server.stop();
            int before = lines(home).size();
            ServiceHome.await(Duration.ofSeconds(30), "readings while the database is down", () -> lines(home).size() >= before + 6);
            server.startAgain();
            ServiceHome.await(Duration.ofSeconds(30), "readings after the database is back", () -> rows() >= before + 8);

            for (SimMeter m : List.copyOf(bus.meters())) {
                bus.remove(m);
            }
            awaitEveryLineStoredOnce(home);
        }
        assertValuesWithUnits();
    }

    @Test
    void aServiceKilledWhileTheDatabaseIsDownLosesNoReadingAndStoresNoneTwice() throws Exception {
        Path home = ServiceHome.shipped(Files.createTempDirectory(dir, "home"));
        Process first = service(home, "300ms", "first.log");
        try {
            ServiceHome.await(Duration.ofSeconds(60), "4 readings stored", () -> rows() >= 4);
            server.stop();
            int before = lines(home).size();
            ServiceHome.await(Duration.ofSeconds(30), "readings while the database is down", () -> lines(home).size() >= before + 6);
        } finally {
            first.destroyForcibly(); // SIGKILL: no shutdown hook, the journal as the crash left it
            first.waitFor(30, TimeUnit.SECONDS);
        }
        // the second run reads no meter for an hour, so readings.jsonl stays as the first left it
        Process second = service(home, "1h", "second.log");
        try {
            Thread.sleep(2000); // started, and finding the database still down
            server.startAgain();
            awaitEveryLineStoredOnce(home);
        } finally {
            second.destroy();
            second.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** The service in its own JVM (the test's class path), so that it can be killed. */
    private Process service(Path home, String poll, String log) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), "io.meterbridge.cli.Main", "--home", home.toString()));
        for (String p : List.of("mbus.poll=" + poll, "http.status.port=0", "postgresql.url=" + server.url(),
                "postgresql.username=postgres")) {
            command.add("-D");
            command.add(p);
        }
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(home.resolve(log).toFile()).start();
    }

    /** Waits until the stored readings are those of the files, then checks they stay so. */
    private void awaitEveryLineStoredOnce(Path home) throws Exception {
        try {
            ServiceHome.await(Duration.ofSeconds(60), "every line of readings.jsonl stored", () -> stored().equals(lines(home)));
        } catch (AssertionError timedOut) {
            assertEquals(lines(home), stored(), "readings in the database against readings.jsonl, after " + timedOut.getMessage());
        }
        Thread.sleep(1000);
        List<String> lines = lines(home);
        assertEquals(lines, stored(), "readings in the database against readings.jsonl");
        assertTrue(lines.size() >= 10, "readings " + lines.size());
        assertEquals(lines.size(), rows());
    }

    /** Each heat reading has its energy in kWh and GJ and its volume in m³ among its values. */
    private void assertValuesWithUnits() throws SQLException {
        try (Connection c = server.connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "SELECT count(*) FILTER (WHERE key = 'heat_energy_kwh' AND unit = 'kWh'),"
                        + " count(*) FILTER (WHERE key = 'heat_energy_gj' AND unit = 'GJ'),"
                        + " count(*) FILTER (WHERE key = 'volume_m3' AND unit = 'm³'),"
                        + " (SELECT count(*) FROM meterbridge.reading WHERE type = 'heat')"
                        + " FROM meterbridge.reading_value")) {
            r.next();
            long readings = r.getLong(4);
            assertTrue(readings > 0);
            assertEquals(List.of(readings, readings, readings), List.of(r.getLong(1), r.getLong(2), r.getLong(3)));
        }
    }

    private long rows() {
        try (Connection c = server.connect(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT count(*) FROM meterbridge.reading")) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            return -1; // down, or the schema not there yet
        }
    }

    /**
     * meter_key@read_at of every stored reading, sorted; empty while the database is down. The time
     * as the reading has it (JSONB): the column is rounded to PostgreSQL's microseconds.
     */
    private List<String> stored() {
        List<String> out = new ArrayList<>();
        try (Connection c = server.connect(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT meter_key, reading ->> 'read_at' FROM meterbridge.reading")) {
            while (r.next()) {
                out.add(r.getString(1) + "@" + r.getString(2));
            }
        } catch (SQLException e) {
            return List.of();
        }
        out.sort(null);
        return out;
    }

    /** meter_key@read_at of every line of the readings*.jsonl files, sorted. */
    private static List<String> lines(Path home) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : ServiceHome.readings(home)) {
            out.add(n.get("meter_key").asText() + "@" + n.get("read_at").asText());
        }
        out.sort(null);
        return out;
    }
}
