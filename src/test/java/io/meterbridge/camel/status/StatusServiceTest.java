package io.meterbridge.camel.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import io.meterbridge.camel.service.MeterbridgeService;
import io.meterbridge.camel.settings.InvalidSettingsException;
import io.meterbridge.camel.testing.HiveMqBroker;
import io.meterbridge.camel.testing.ServiceHome;
import io.meterbridge.sim.SimBus;
import io.meterbridge.sim.SimMeter;
import io.meterbridge.sim.SimTransportProvider;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The status server of the real service with the shipped routes, over HTTP: the page's data,
 * {@code /health} and {@code /metrics} while the simulated meters answer, when one stops
 * answering, when none was ever read, and when the broker goes away; and its password.
 */
class StatusServiceTest {

    @TempDir
    Path dir;

    private MeterbridgeService service(String bus, Map<String, String> more) throws Exception {
        Map<String, String> o = new LinkedHashMap<>(Map.of(
                "mbus.bus", bus,
                "mbus.poll", "300ms",
                "homeassistant.offlineAfterFailedPolls", "2",
                "http.status.port", "0"));
        o.putAll(more);
        return new MeterbridgeService(ServiceHome.shipped(Files.createTempDirectory(dir, "home")), o, false);
    }

    @Test
    void pageDataHealthAndMetricsFollowTheMetersAndAMeterThatStopsAnswering() throws Exception {
        SimBus bus = SimTransportProvider.bus("sim:status-meters");
        try (MeterbridgeService service = service("sim:status-meters", Map.of())) {
            StatusHttp http = StatusHttp.of(service.start());
            ServiceHome.await(Duration.ofSeconds(30), "both meters read", () -> readMeters(http) == 2);

            JsonNode status = http.json("/api/status");
            JsonNode m303 = meter(status, "kam_82937133");
            assertEquals("MULTICAL 303", m303.get("model").asText(), m303.toString());
            assertEquals("1", m303.get("address").asText());
            assertEquals("heat-meters", m303.get("route").asText());
            assertEquals("82937133", m303.at("/ids/meter_id").asText(), m303.toString());
            assertEquals("829371332D2C4004", m303.at("/ids/secondary_address").asText(), m303.toString());
            assertEquals("online", m303.get("availability").asText());
            assertTrue(m303.at("/values/heat_energy_kwh").isNumber(), m303.toString());
            Map<String, String> shown = new LinkedHashMap<>();
            m303.get("fields").forEach(f -> shown.put(f.get("key").asText(), f.get("name").asText() + " | " + f.get("unit").asText()));
            assertEquals("heat energy | kWh", shown.get("heat_energy_kwh"), shown.toString());
            assertEquals("heat energy | GJ", shown.get("heat_energy_gj"), shown.toString());
            assertEquals("operating hours | h", shown.get("operating_hours"), shown.toString());
            assertEquals("info code | null", shown.get("info_code"), "a code has no unit: " + shown);
            assertTrue(!shown.containsKey("heat_energy") && !shown.containsKey("heat_energy_unit"),
                    "the register in the meter's own unit is left to its kWh and GJ twins: " + shown);
            assertTrue(m303.get("polls").size() >= 1 && m303.get("polls").get(0).get("ok").asBoolean(), m303.toString());
            assertEquals("mbus", status.at("/buses/0/kind").asText(), status.toString());
            assertTrue(status.at("/buses/0/counters/frames").asLong() >= 2, status.toString());
            assertEquals("files", status.at("/journal/0/cursor").asText(), status.toString());

            HttpResponse<String> health = http.get("/health");
            assertEquals(200, health.statusCode(), health.body());
            JsonNode checks = http.json("/health");
            for (String name : new String[] {"context", "route:heat-meters", "readings", "buses", "meters", "mqtt", "journal"}) {
                assertNotNull(StatusHttp.check(checks, name), name + " in " + checks);
            }
            assertEquals(200, http.get("/health/ready").statusCode());

            HttpResponse<String> metrics = http.get("/metrics");
            assertEquals(200, metrics.statusCode());
            assertTrue(metrics.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
            assertTrue(metrics.body().contains("meterbridge_polls_total{meter=\"kam_82937133\",result=\"ok\"}"), metrics.body());
            assertTrue(metrics.body().contains("meterbridge_mbus_requests_total{port=\"sim:status-meters\"}"), metrics.body());
            assertTrue(metrics.body().contains("meterbridge_poll_duration_seconds_count{meter=\"kam_77447744\"}"), metrics.body());
            assertTrue(metrics.body().contains("meterbridge_journal_backlog{cursor=\"files\",journal=\"readings\"}"), metrics.body());
            assertTrue(metrics.body().contains("meterbridge_deliveries_total{output=\"readings/files\",result=\"ok\"}"), metrics.body());

            // the MULTICAL 403 at 89 goes silent: offline after two failed polls, named by /health
            SimMeter m403 = bus.meterAt(89);
            bus.remove(m403);
            ServiceHome.await(Duration.ofSeconds(30), "readiness down for the silent meter", () -> {
                try {
                    return http.get("/health/ready").statusCode() == 503;
                } catch (Exception e) {
                    return false;
                }
            });
            JsonNode meters = StatusHttp.check(http.json("/health/ready"), "meters");
            assertEquals("DOWN", meters.get("status").asText(), meters.toString());
            assertTrue(meters.get("message").asText().contains("kam_77447744"), meters.toString());
            assertEquals(200, http.get("/health/live").statusCode(), "alive: restarting would not bring the meter back");
            assertEquals("UP", StatusHttp.check(http.json("/health/ready"), "buses").get("status").asText(),
                    "the bus itself works: the 303 answers");
            JsonNode silent = meter(http.json("/api/status"), "kam_77447744");
            assertEquals("offline", silent.get("availability").asText());
            assertTrue(silent.get("failed").asLong() >= 2, silent.toString());
            JsonNode lastPoll = silent.get("polls").get(silent.get("polls").size() - 1);
            assertTrue(!lastPoll.get("ok").asBoolean() && lastPoll.get("error").asText().contains("89"), lastPoll.toString());
            JsonNode error = http.json("/api/status").at("/errors/0");
            assertEquals("kam_77447744", error.get("meter").asText(), error.toString());
            String after = http.get("/metrics").body();
            assertTrue(after.contains("meterbridge_meter_up{meter=\"kam_77447744\"} 0.0"), after);
            assertTrue(after.contains("meterbridge_meter_up{meter=\"kam_82937133\"} 1.0"), after);
            assertTrue(after.contains("meterbridge_polls_total{meter=\"kam_77447744\",result=\"failed\"}"), after);
            assertTrue(after.contains("meterbridge_mbus_timeouts_total{port=\"sim:status-meters\"}"), after);

            bus.add(m403);
            ServiceHome.await(Duration.ofSeconds(30), "ready again once the meter answers", () -> {
                try {
                    return http.get("/health/ready").statusCode() == 200;
                } catch (Exception e) {
                    return false;
                }
            });
        }
    }

    @Test
    void theP1MetersTelegramsAndDropsAreMetrics() throws Exception {
        try (MeterbridgeService service = service("", Map.of("p1.port", "sim"))) {
            StatusHttp http = StatusHttp.of(service.start());
            // the consumer counts a telegram before the route has finished with it: wait for both
            ServiceHome.await(Duration.ofSeconds(30), "P1 telegrams counted, and their exchanges as polls", () -> {
                try {
                    String m = http.get("/metrics").body();
                    return m.matches("(?s).*meterbridge_p1_telegrams_total\\{port=\"sim\"} [1-9].*")
                            && m.contains("meterbridge_polls_total{meter=\"isk_");
                } catch (Exception e) {
                    return false;
                }
            });
            String metrics = http.get("/metrics").body();
            assertTrue(metrics.contains("meterbridge_p1_crc_errors_total{port=\"sim\"}"), metrics);
            assertTrue(metrics.contains("meterbridge_polls_total{meter=\"isk_"), "each telegram a poll: " + metrics);
            JsonNode p1 = http.json("/api/status").at("/buses/0");
            assertEquals("p1", p1.get("kind").asText(), p1.toString());
            assertTrue(p1.at("/counters/telegrams").asLong() >= 1, p1.toString());
        }
    }

    @Test
    void theBusMonitorShowsWhatWentThroughTheOpticalHeadsInHexAndWords() throws Exception {
        try (MeterbridgeService kmp = service("", Map.of("optical.port", "sim:kmp:status-monitor",
                "optical.protocol", "kmp", "optical.model", "MULTICAL 403", "optical.poll", "1s"))) {
            StatusHttp http = StatusHttp.of(kmp.start());
            JsonNode frames = monitorFrames(http, "sim:kmp:status-monitor");
            JsonNode first = frames.get(0);
            assertTrue(first.get("requestMeaning").asText().startsWith("KMP GetType"), first.toString());
            assertTrue(first.get("request").asText().matches("[0-9A-F]{2}( [0-9A-F]{2})+"), first.toString());
            assertTrue(first.get("answer").asText().startsWith("40 "), "a KMP response frame starts with 40: " + first);
            assertTrue(first.get("answerMeaning").asText().startsWith("MeterType"), first.toString());
        }
        try (MeterbridgeService iec = service("", Map.of("optical.port", "sim:iec62056:status-monitor",
                "optical.protocol", "iec62056", "optical.poll", "1s"))) {
            StatusHttp http = StatusHttp.of(iec.start());
            JsonNode frames = monitorFrames(http, "sim:iec62056:status-monitor");
            JsonNode request = frames.get(0);
            assertTrue(request.get("requestMeaning").asText().matches("IEC 62056-21 \\d+ × <NUL> /\\?!<CR><LF>"), request.toString());
            assertEquals("identification /LUGCUH50<CR><LF>", request.get("answerMeaning").asText(), request.toString());
        }
    }

    /** The bus monitor's frames through the optical head on {@code port}, once there are some. */
    private static JsonNode monitorFrames(StatusHttp http, String port) throws Exception {
        JsonNode[] found = new JsonNode[1];
        ServiceHome.await(Duration.ofSeconds(60), "frames through " + port, () -> {
            try {
                for (JsonNode bus : http.json("/api/status").get("monitor")) {
                    if (bus.get("kind").asText().equals("optical") && bus.get("port").asText().equals(port)
                            && bus.get("frames").size() > 0) {
                        found[0] = bus.get("frames");
                        return true;
                    }
                }
                return false;
            } catch (Exception e) {
                return false;
            }
        });
        return found[0];
    }

    @Test
    void notReadyWhenNoMeterWasReadForThreePollIntervals() throws Exception {
        SimBus bus = SimTransportProvider.bus("sim:status-silent");
        bus.meters().forEach(bus::remove);
        try (MeterbridgeService service = service("sim:status-silent", Map.of())) {
            StatusHttp http = StatusHttp.of(service.start());
            ServiceHome.await(Duration.ofSeconds(30), "readiness down", () -> {
                try {
                    JsonNode r = StatusHttp.check(http.json("/health/ready"), "readings");
                    return r.get("status").asText().equals("DOWN");
                } catch (Exception e) {
                    return false;
                }
            });
            JsonNode buses = StatusHttp.check(http.json("/health/ready"), "buses");
            ServiceHome.await(Duration.ofSeconds(30), "the bus down: no meter on it answers", () -> {
                try {
                    return StatusHttp.check(http.json("/health/ready"), "buses").get("status").asText().equals("DOWN");
                } catch (Exception e) {
                    return false;
                }
            });
            buses = StatusHttp.check(http.json("/health/ready"), "buses");
            assertTrue(buses.get("message").asText().startsWith("mbus://sim:status-silent: none of its 2 meter(s) answers ("),
                    buses.toString());
            JsonNode readings = StatusHttp.check(http.json("/health/ready"), "readings");
            assertTrue(readings.get("message").asText().startsWith("no meter has been read since the start"), readings.toString());
            assertEquals("PT0.3S", readings.at("/details/poll.interval").asText(), readings.toString());
        }
    }

    @Test
    void theBrokerGoingAwayMakesTheBridgeNotReadyAndComingBackReadyAgain() throws Exception {
        try (HiveMqBroker broker = new HiveMqBroker(Files.createTempDirectory(dir, "broker"))) {
            broker.start();
            try (MeterbridgeService service = service("sim:status-broker", Map.of("mqtt.url", broker.url(),
                    "mqtt.clientId", "meterbridge-status", "mqtt.maxReconnectSeconds", "1"))) {
                StatusHttp http = StatusHttp.of(service.start());
                ServiceHome.await(Duration.ofSeconds(30), "connected", () -> mqtt(http).equals("UP"));
                assertTrue(http.get("/metrics").body().contains("meterbridge_mqtt_connected 1.0"));
                broker.stop();
                ServiceHome.await(Duration.ofSeconds(30), "mqtt down", () -> mqtt(http).equals("DOWN"));
                JsonNode check = StatusHttp.check(http.json("/health/ready"), "mqtt");
                assertTrue(check.get("message").asText().startsWith("not connected to " + broker.url()), check.toString());
                assertEquals(503, http.get("/health/ready").statusCode());
                assertTrue(http.get("/metrics").body().contains("meterbridge_mqtt_connected 0.0"));
                assertEquals(false, http.json("/api/status").at("/mqtt/connected").asBoolean(true));
                broker.start();
                ServiceHome.await(Duration.ofSeconds(120), "connected again", () -> mqtt(http).equals("UP"));
            }
        }
    }

    @Test
    void boundBeyondThisMachineThePageNeedsItsPassword() throws Exception {
        try (MeterbridgeService open = service("sim:status-open", Map.of("http.status.bind", "0.0.0.0"))) {
            InvalidSettingsException e = assertThrows(InvalidSettingsException.class, open::start);
            assertTrue(e.getMessage().contains("http.status.bind=0.0.0.0: opens the status page to the network"), e.getMessage());
            assertTrue(e.getMessage().contains("http.status.token"), e.getMessage());
        }
        try (MeterbridgeService service = service("sim:status-token", Map.of("http.status.bind", "0.0.0.0",
                "http.status.token", "s3cret"))) {
            CamelContext ctx = service.start();
            StatusHttp http = StatusHttp.of(ctx);
            HttpResponse<String> refused = http.get("/api/status");
            assertEquals(401, refused.statusCode());
            assertTrue(refused.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic realm="));
            assertEquals(401, http.withAuthorization(basic("me", "wrong")).get("/api/status").statusCode());
            assertEquals(401, http.withAuthorization("Bearer s3cre").get("/metrics").statusCode());
            assertEquals(200, http.withAuthorization(basic("anyone", "s3cret")).get("/api/status").statusCode());
            assertEquals(200, http.withAuthorization("Bearer s3cret").get("/metrics").statusCode());
            assertEquals(401, http.get("/health").statusCode(), "health too: it names the meters");
        }
    }

    @Test
    void onlyGetAndUnknownPathsAreRefusedPlainly() throws Exception {
        try (MeterbridgeService service = service("sim:status-paths", Map.of())) {
            StatusHttp http = StatusHttp.of(service.start());
            assertEquals(404, http.get("/nothing-here").statusCode());
            HttpResponse<String> page = http.get("/");
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("<title>meterbridge</title>"));
            HttpResponse<String> uplot = http.get("/uplot.js");
            assertEquals(200, uplot.statusCode());
            assertTrue(uplot.body().contains("uPlot"), "the bundled uPlot");
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String mqtt(StatusHttp http) {
        try {
            return StatusHttp.check(http.json("/health"), "mqtt").get("status").asText();
        } catch (Exception e) {
            return "unreachable";
        }
    }

    private static int readMeters(StatusHttp http) {
        try {
            int n = 0;
            for (JsonNode m : http.json("/api/status").get("meters")) {
                n += m.get("lastReadAt").isNull() ? 0 : 1;
            }
            return n;
        } catch (Exception e) {
            return -1;
        }
    }

    private static JsonNode meter(JsonNode status, String key) {
        for (JsonNode m : status.get("meters")) {
            if (m.get("key").asText().equals(key)) {
                return m;
            }
        }
        throw new AssertionError("no meter " + key + " in " + status);
    }
}
