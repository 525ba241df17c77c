package io.meterbridge.camel.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.meterbridge.camel.testing.ServiceHome;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Route files: start-up errors name file and line; a broken edit is refused on reload and the running routes stay. */
class RouteFilesTest {

    @TempDir
    Path home;

    private static final String GOOD = """
            - route:
                id: ticker
                from:
                  uri: timer:ticker?period=50
                  steps:
                    - setBody:
                        constant: "{{greeting}}"
                    - to: direct:out
            - route:
                id: out
                from:
                  uri: direct:out
                  steps:
                    - to: "file:{{output.dir}}?fileName=ticks.txt&fileExist=Append"
            """;

    @Test
    void shippedRoutesLoad() throws Exception {
        ServiceHome.shipped(home);
        try (MeterbridgeService service = new MeterbridgeService(home, Map.of(), false)) {
            service.start();
            assertEquals(ServiceStatus.Started, service.context().getRouteController().getRouteStatus("readings"));
            assertEquals(ServiceStatus.Started, service.context().getRouteController().getRouteStatus("jsonl-file"));
            assertEquals(ServiceStatus.Started, service.context().getRouteController().getRouteStatus("csv-file"));
        }
    }

    @Test
    void yamlSyntaxErrorAtStartUpNamesFileLineAndProblem() throws Exception {
        Files.createDirectories(home.resolve("routes"));
        Files.writeString(home.resolve("routes/broken.yaml"), """
                - route:
                    id: a
                    from:
                      uri: timer:a
                      steps:
                        - log: "one"
                         - log: "two"
                """);
        RouteFileException e = assertThrows(RouteFileException.class,
                () -> new MeterbridgeService(home, Map.of(), false).start());
        assertTrue(e.getMessage().startsWith(home.resolve("routes/broken.yaml").toAbsolutePath() + ":7:"), e.getMessage());
        assertTrue(e.getMessage().contains("expected <block end>"), e.getMessage());
        assertEquals(7, e.line());
    }

    @Test
    void unknownStepAtStartUpNamesFileLineAndProblem() throws Exception {
        Files.createDirectories(home.resolve("routes"));
        Files.writeString(home.resolve("routes/typo.yaml"), """
                - route:
                    id: a
                    from:
                      uri: timer:a
                      steps:
                        - logg: "one"
                """);
        RouteFileException e = assertThrows(RouteFileException.class,
                () -> new MeterbridgeService(home, Map.of(), false).start());
        assertTrue(e.getMessage().startsWith(home.resolve("routes/typo.yaml").toAbsolutePath() + ":6:"), e.getMessage());
        assertTrue(e.getMessage().contains("logg"), e.getMessage());
    }

    @Test
    void misspeltEndpointOptionAtStartUpNamesFileAndRoute() throws Exception {
        Files.createDirectories(home.resolve("routes"));
        Files.writeString(home.resolve("routes/option.yaml"), """
                - route:
                    id: misspelt
                    from:
                      uri: timer:a?perod=5
                      steps:
                        - log: "one"
                """);
        RouteFileException e = assertThrows(RouteFileException.class,
                () -> new MeterbridgeService(home, Map.of(), false).start());
        assertTrue(e.getMessage().contains("option.yaml"), e.getMessage());
        assertTrue(e.getMessage().contains("misspelt"), e.getMessage());
        assertTrue(e.getMessage().contains("perod"), e.getMessage());
    }

    @Test
    void brokenEditIsRefusedAndTheRunningRoutesStayThenAFixIsLoaded() throws Exception {
        Files.createDirectories(home.resolve("routes"));
        Path file = home.resolve("routes/ticker.yaml");
        Files.writeString(file, GOOD);
        Path ticks = home.resolve("data/ticks.txt");
        try (MeterbridgeService service = new MeterbridgeService(home, Map.of("greeting", "a"), true)) {
            service.start();
            ServiceHome.await(Duration.ofSeconds(5), "ticks", () -> size(ticks) > 0);

            Files.writeString(file, GOOD.replace("- to: direct:out", "- too: direct:out"));
            ServiceHome.await(Duration.ofSeconds(20), "the reload to be refused", () -> service.rejectedReloads() > 0);
            RouteFileException refused = service.lastRejectedReload();
            assertNotNull(refused);
            assertTrue(refused.getMessage().startsWith(file.toAbsolutePath() + ":8:"), refused.getMessage());
            assertTrue(refused.getMessage().contains("too"), refused.getMessage());
            assertEquals(ServiceStatus.Started, service.context().getRouteController().getRouteStatus("ticker"));
            long before = size(ticks);
            ServiceHome.await(Duration.ofSeconds(5), "ticks after the refused edit", () -> size(ticks) > before);

            Files.writeString(file, GOOD.replace("{{greeting}}", "b"));
            ServiceHome.await(Duration.ofSeconds(20), "the fixed file to be loaded", () -> service.acceptedReloads() > 0);
            ServiceHome.await(Duration.ofSeconds(5), "ticks from the new route", () -> content(ticks).endsWith("b"));
        }
    }

    private static long size(Path p) {
        try {
            return Files.exists(p) ? Files.size(p) : 0;
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    private static String content(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p) : "";
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
