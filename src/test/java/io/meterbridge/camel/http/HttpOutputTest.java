package io.meterbridge.camel.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.meterbridge.camel.service.MeterbridgeService;
import io.meterbridge.camel.testing.ServiceHome;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped routes/http.yaml against a real local HTTP server (the JDK's). */
class HttpOutputTest {

    @TempDir
    Path dir;

    HttpServer server;
    final List<String> accepted = new ArrayList<>();
    final List<String> contentTypes = new ArrayList<>();
    /** Answer 503 to this many requests before accepting. */
    final AtomicInteger unavailable = new AtomicInteger();
    final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/readings", this::handle);
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        requests.incrementAndGet();
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        int status;
        if (!ex.getRequestMethod().equals("POST")) {
            status = 405;
        } else if (unavailable.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            status = 503;
        } else if (body.contains("\"reject\":true")) {
            status = 400;
        } else {
            synchronized (accepted) {
                accepted.add(body);
                contentTypes.add(ex.getRequestHeaders().getFirst("Content-Type"));
            }
            status = 204;
        }
        ex.sendResponseHeaders(status, -1);
        ex.close();
    }

    private List<String> accepted() {
        synchronized (accepted) {
            return List.copyOf(accepted);
        }
    }

    private MeterbridgeService service() throws Exception {
        MeterbridgeService s = new MeterbridgeService(ServiceHome.shipped(dir), Map.of(
                "mbus.bus", "", // outputs only: no meter polling
                "http.url", "http://127.0.0.1:" + server.getAddress().getPort() + "/readings"), false);
        s.start();
        return s;
    }

    static String reading(int n) {
        return "{\"n\":" + n + "}";
    }

    @Test
    void readingsArePostedAsJsonInOrderAndAServerOutageDelaysButLosesNothing() throws Exception {
        unavailable.set(3);
        try (MeterbridgeService s = service()) {
            ProducerTemplate t = s.context().createProducerTemplate();
            for (int n = 1; n <= 5; n++) {
                t.sendBodyAndHeader("direct:reading", reading(n), "MeterbridgeMeterKey", "m");
            }
            ServiceHome.await(Duration.ofSeconds(30), "5 readings", () -> accepted().size() >= 5);
            Thread.sleep(300);
            assertEquals(IntStream.rangeClosed(1, 5).mapToObj(HttpOutputTest::reading).toList(), accepted());
            assertEquals(8, requests.get(), "3 refused attempts of reading 1, then one request per reading");
            assertTrue(contentTypes.stream().allMatch(ct -> ct.startsWith("application/json")), contentTypes.toString());
        }
    }

    @Test
    void aReadingTheServerRejectsIsSetAsideAndTheOthersFollow() throws Exception {
        try (MeterbridgeService s = service()) {
            ProducerTemplate t = s.context().createProducerTemplate();
            t.sendBodyAndHeader("direct:reading", reading(1), "MeterbridgeMeterKey", "m");
            t.sendBodyAndHeader("direct:reading", "{\"n\":2,\"reject\":true}", "MeterbridgeMeterKey", "m");
            t.sendBodyAndHeader("direct:reading", reading(3), "MeterbridgeMeterKey", "m");
            ServiceHome.await(Duration.ofSeconds(15), "readings 1 and 3", () -> accepted().size() >= 2);
            assertEquals(List.of(reading(1), reading(3)), accepted());
            Path rejected = dir.resolve("data/rejected-http");
            ServiceHome.await(Duration.ofSeconds(5), "the rejected reading on disk", () -> Files.isDirectory(rejected));
            try (var files = Files.list(rejected)) {
                List<Path> list = files.toList();
                assertEquals(1, list.size(), list.toString());
                assertEquals("{\"n\":2,\"reject\":true}", Files.readString(list.get(0)));
            }
        }
    }

    /**
     * Twelve rejected readings: their files, listed by name as {@code ls} does, come in the order
     * they were sent. With an unpadded sequence {@code -10} and {@code -11} sorted before {@code -2}.
     */
    @Test
    void rejectedReadingsAreNamedSoThatTheyListInJournalOrder() throws Exception {
        try (MeterbridgeService s = service()) {
            ProducerTemplate t = s.context().createProducerTemplate();
            List<String> sent = IntStream.rangeClosed(1, 12).mapToObj(n -> "{\"n\":" + n + ",\"reject\":true}").toList();
            for (String r : sent) {
                t.sendBodyAndHeader("direct:reading", r, "MeterbridgeMeterKey", "m");
            }
            Path rejected = dir.resolve("data/rejected-http");
            ServiceHome.await(Duration.ofSeconds(15), "12 rejected readings on disk", () -> {
                try (var files = Files.list(rejected)) {
                    return files.count() == 12;
                } catch (IOException e) {
                    return false;
                }
            });
            List<Path> byName;
            try (var files = Files.list(rejected)) {
                byName = files.sorted(java.util.Comparator.comparing(p -> p.getFileName().toString())).toList();
            }
            List<String> contents = new ArrayList<>();
            for (Path p : byName) {
                assertTrue(p.getFileName().toString().matches("\\d{8}-\\d{6}-\\d{19}\\.json"), p.getFileName().toString());
                contents.add(Files.readString(p));
            }
            assertEquals(sent, contents);
            assertTrue(byName.get(11).getFileName().toString().endsWith("-0000000000000000012.json"),
                    byName.get(11).toString());
        }
    }
}
