package io.meterbridge.camel.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import io.meterbridge.camel.mbus.MbusEndpoint;
import io.meterbridge.camel.testing.ServiceHome;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many buses from one list, as routes/buses.yaml's comment shows: each {@code templatedRoute} of
 * the shipped {@code mbus-bus} template polls its own bus with its own addresses and schedule,
 * beside the heat-meters route, and a bus added to the list while the service runs is polled
 * within seconds.
 */
class BusTemplateTest {

    @TempDir
    Path dir;

    @Test
    void eachListedBusIsItsOwnRouteAndABusAddedWhileRunningIsPolled() throws Exception {
        Path home = ServiceHome.shipped(dir);
        Path list = home.resolve("routes/site.yaml");
        Files.writeString(list, bus("building-a", "sim:tpl-a", "1", "500ms") + bus("building-b", "sim:tpl-b", "1,89", null),
                StandardCharsets.UTF_8);
        try (MeterbridgeService service = new MeterbridgeService(home, Map.of("mbus.bus", "", "mbus.poll", "700ms",
                "http.status.port", "0"), true)) {
            CamelContext ctx = service.start();
            assertEquals(Map.of("building-a", "sim:tpl-a", "building-b", "sim:tpl-b"), buses(ctx));
            MbusEndpoint b = (MbusEndpoint) ctx.getRoute("building-b").getEndpoint();
            assertEquals(700, b.getDelay(), "poll left out: mbus.poll");
            assertEquals(500, ((MbusEndpoint) ctx.getRoute("building-a").getEndpoint()).getDelay());
            ServiceHome.await(Duration.ofSeconds(30), "readings of both buses' meters (1 on a; 1 and 89 on b)",
                    () -> readings(home) >= 6);

            // a third building, added to the list while the service runs
            Files.writeString(list, Files.readString(list) + bus("building-c", "sim:tpl-c", "89", "500ms"),
                    StandardCharsets.UTF_8);
            ServiceHome.await(Duration.ofSeconds(30), "building-c's route", () -> ctx.getRoute("building-c") != null);
            assertEquals(Map.of("building-a", "sim:tpl-a", "building-b", "sim:tpl-b", "building-c", "sim:tpl-c"), buses(ctx));
            Set<String> ports = new HashSet<>();
            ServiceHome.await(Duration.ofSeconds(30), "building-c's bus polled", () -> {
                ports.clear();
                ctx.getRoutes().forEach(r -> {
                    if (r.getEndpoint() instanceof MbusEndpoint m) {
                        m.getComponent().getCamelContext();
                        ((io.meterbridge.camel.mbus.MbusComponent) m.getComponent())
                                .statistics(m.getConfiguration().busSettings().port())
                                .filter(s -> s.frames() > 0).ifPresent(s -> ports.add(m.getConfiguration().busSettings().port()));
                    }
                });
                return ports.contains("sim:tpl-c");
            });
            assertTrue(ports.containsAll(Set.of("sim:tpl-a", "sim:tpl-b", "sim:tpl-c")), ports.toString());
        }
    }

    private static String bus(String id, String port, String addresses, String poll) {
        return """
                - templatedRoute:
                    routeTemplateRef: mbus-bus
                    routeId: %s
                    parameters:
                      - name: bus
                        value: %s
                      - name: addresses
                        value: "%s"
                """.formatted(id, port, addresses) + (poll == null ? "" : """
                      - name: poll
                        value: %s
                """.formatted(poll));
    }

    /** The M-Bus routes made from the template, by id, with their ports. */
    private static Map<String, String> buses(CamelContext ctx) {
        Map<String, String> out = new java.util.TreeMap<>();
        for (Route r : ctx.getRoutes()) {
            if (r.isCreatedByRouteTemplate() && r.getEndpoint() instanceof MbusEndpoint m) {
                out.put(r.getRouteId(), m.getConfiguration().busSettings().port());
            }
        }
        return out;
    }

    private static int readings(Path home) {
        try {
            Path f = home.resolve("data/readings.jsonl");
            return Files.exists(f) ? Files.readAllLines(f).size() : 0;
        } catch (java.io.IOException e) {
            return -1;
        }
    }
}
