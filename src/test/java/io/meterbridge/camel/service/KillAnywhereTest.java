package io.meterbridge.camel.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.meterbridge.camel.testing.HiveMqBroker;
import io.meterbridge.camel.testing.ServiceHome;
import io.meterbridge.camel.testing.Subscriber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's promise "nothing taken is lost", tried the hard way: the service, in its own JVM
 * with the shipped route files, polls the simulated meters every second with MQTT (an embedded
 * HiveMQ) and HTTP (the JDK's server) on, and is killed with SIGKILL again and again — half of
 * the times the instant {@code readings.jsonl} grows (a file written, the other outputs not yet
 * done), the other half at a random moment of a poll. Then it runs once more without polling to
 * deliver what is left. Every line of {@code readings.jsonl} must have reached MQTT and HTTP at
 * least once and in order, a repeat on MQTT with the same {@code meterbridge-id} (as the README
 * documents), and no reading may appear twice in the files.
 */
class KillAnywhereTest {

    private static final int POLLS = 50;
    private static final int METERS = 2;

    @TempDir
    Path dir;

    private HiveMqBroker broker;
    private HttpServer http;
    private final List<String> posted = new ArrayList<>();
    private Process service;

    @AfterEach
    void tearDown() throws Exception {
        if (service != null) {
            service.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        if (http != null) {
            http.stop(0);
        }
        if (broker != null) {
            broker.stop();
        }
    }

    @Test
    void killedAtRandomMomentsAcrossFiftyPollsEveryReadingArrivesAsDocumented() throws Exception {
        broker = new HiveMqBroker(dir.resolve("broker"));
        broker.start();
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/readings", this::receive);
        http.start();
        Path home = ServiceHome.shipped(dir.resolve("home"));
        Files.writeString(home.resolve("application.properties"), """
                mbus.poll=1s
                mqtt.url=%s
                mqtt.clientId=meterbridge-kill-test
                http.url=http://127.0.0.1:%d/readings
                """.formatted(broker.url(), http.getAddress().getPort()));
        Path jsonl = home.resolve("data/readings.jsonl");

        Random random = new Random(20261203L);
        int kills = 0;
        try (Subscriber subscriber = new Subscriber(broker.url(), "kill-test-subscriber", "meterbridge/+/reading")) {
            while (lines(jsonl).size() < POLLS * METERS) {
                service = start(home, "");
                long before = Files.exists(jsonl) ? Files.size(jsonl) : 0;
                awaitOrDump(home, "a reading in this run", () -> size(jsonl) > before);
                if (kills % 2 == 0) {
                    // the worst moment of the old design: the file has the reading, nothing else yet
                    long grown = size(jsonl);
                    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                    while (size(jsonl) == grown && System.nanoTime() < end) {
                        Thread.onSpinWait();
                    }
                } else {
                    Thread.sleep(random.nextInt(2500));
                }
                service.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                kills++;
            }

            // once more, without polling: what the journal still holds is delivered
            service = start(home, "mbus.bus=\n");
            List<String> taken = lines(jsonl);
            for (int i = 0; i < taken.size(); i++) {
                String line = taken.get(i);
                assertTrue(line.startsWith("{\"") && line.endsWith("}") && !line.contains("}{"),
                        "readings.jsonl line " + (i + 1) + " is not one reading: " + line);
            }
            try {
                awaitOrDump(home, "every reading on MQTT and HTTP", () ->
                        subscriber.payloads("meterbridge/.*/reading").containsAll(taken) && posted().containsAll(taken));
            } catch (AssertionError e) {
                throw new AssertionError(missing("MQTT", taken, subscriber.payloads("meterbridge/.*/reading"))
                        + missing("HTTP", taken, posted()) + e.getMessage(), e);
            }
            Thread.sleep(1000); // a repeat would come now
            service.destroy();
            assertTrue(service.waitFor(30, TimeUnit.SECONDS), "service stopped");

            assertTrue(kills >= 10, kills + " kills");
            assertEquals(taken.size(), new HashSet<>(taken).size(), "a reading twice in readings.jsonl");
            assertEquals(taken, lines(jsonl), "readings.jsonl changed after the last run");
            List<String> csv = lines(home.resolve("data/readings.csv"));
            assertEquals(taken.size() + 1, csv.size(), "one CSV row (after the header) per JSON line: " + csv);
            assertEquals(csv.size(), new HashSet<>(csv).size(), "a row twice in readings.csv");

            List<Subscriber.Received> mqtt = subscriber.received().stream()
                    .filter(r -> r.topic().matches("meterbridge/.*/reading")).toList();
            Map<String, String> byId = new LinkedHashMap<>();
            for (Subscriber.Received r : mqtt) {
                String first = byId.putIfAbsent(meterbridgeId(r), r.payload());
                assertTrue(first == null || first.equals(r.payload()), "one meterbridge-id, two readings: " + first + " / " + r.payload());
            }
            assertEquals(taken, List.copyOf(byId.values()), "MQTT: every reading, in order, once by meterbridge-id");
            List<String> http = posted();
            assertTrue(Set.copyOf(taken).containsAll(http), "HTTP: only readings that were taken");
            assertEquals(taken, http.stream().distinct().toList(), "HTTP: every reading, in order");
            System.out.println(kills + " kills, " + taken.size() + " readings; repeats: MQTT " + (mqtt.size() - byId.size())
                    + ", HTTP " + (http.size() - taken.size()));
        }
    }

    private Process start(Path home, String extra) throws IOException {
        Path props = home.resolve("application.properties");
        String base = Files.readString(props).replaceAll("(?m)^mbus\\.bus=.*\\n", "");
        Files.writeString(props, base + extra);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "io.meterbridge.cli.Main")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("out.log").toFile()))
                .start();
    }

    private void receive(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        synchronized (posted) {
            posted.add(body);
        }
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
    }

    private List<String> posted() {
        synchronized (posted) {
            return List.copyOf(posted);
        }
    }

    private static void awaitOrDump(Path home, String what, java.util.function.BooleanSupplier condition) throws Exception {
        try {
            ServiceHome.await(Duration.ofSeconds(30), what, condition);
        } catch (AssertionError e) {
            List<String> log = lines(home.resolve("out.log"));
            throw new AssertionError(e.getMessage() + "\n" + String.join("\n", log.subList(Math.max(0, log.size() - 60), log.size())), e);
        }
    }

    /** Which of the taken readings (by line number in readings.jsonl) an output never got. */
    private static String missing(String output, List<String> taken, List<String> got) {
        Set<String> received = Set.copyOf(got);
        List<Integer> absent = new ArrayList<>();
        for (int i = 0; i < taken.size(); i++) {
            if (!received.contains(taken.get(i))) {
                absent.add(i + 1);
            }
        }
        return output + ": " + absent.size() + " of " + taken.size() + " readings missing, readings.jsonl lines " + absent + "\n";
    }

    private static String meterbridgeId(Subscriber.Received r) {
        return r.properties().getUserProperties().stream().filter(u -> u.getKey().equals("meterbridge-id"))
                .map(u -> u.getValue()).findFirst().orElseThrow(() -> new AssertionError("no meterbridge-id on " + r));
    }

    private static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
