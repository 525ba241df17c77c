package io.meterbridge.camel.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.meterbridge.camel.testing.ServiceHome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Adding a meter means editing YAML while the service runs", done as a user does it: the
 * service in its own JVM on the simulated bus with the shipped files, and the route files edited
 * under it the ways people edit them. After every edit both simulated meters must still be read,
 * the edit must show within seconds, and the log must hold no stack trace.
 */
class RouteEditsWhileRunningTest {

    private static final String METER_303 = "\"meter_key\":\"kam_82937133\"";
    private static final String METER_403 = "\"meter_key\":\"kam_77447744\"";

    @TempDir
    Path home;

    private Process service;

    @AfterEach
    void stop() throws InterruptedException {
        if (service != null) {
            service.destroy();
            service.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void everyKindOfEditLeavesTheMetersPolling() throws Exception {
        ServiceHome.shipped(home);
        Path meters = home.resolve("routes/meters.yaml");
        Path garage = home.resolve("routes/garage.yaml");
        Path log = home.resolve("out.log");
        String shipped = Files.readString(meters);
        service = start();
        bothMetersRead("at start");

        // 1. a comment appended to the file with the meters
        Files.writeString(meters, "# a note\n", StandardOpenOption.APPEND);
        awaitLog("meters.yaml reloaded: heat-meters");
        bothMetersRead("after a comment was added to meters.yaml");

        // 2. a new file, as the README's "Adding a meter" shows (a second route of one's own)
        Files.writeString(garage, """
                - route:
                    id: garage
                    from:
                      uri: timer:garage?period=300
                      steps:
                        - setBody:
                            constant: "garage"
                        - to: "file:{{output.dir}}?fileName=garage.txt&fileExist=Append&appendChars=\\\\n"
                """);
        Path garageOut = home.resolve("data/garage.txt");
        ServiceHome.await(Duration.ofSeconds(15), "the new garage route to run", () -> lines(garageOut) > 0);
        bothMetersRead("after routes/garage.yaml was created");

        // 3. the meters' file broken (a step misspelt): refused with file:line:col, the old routes poll on
        Files.writeString(meters, shipped.replace("        - to: direct:reading", "        - too: direct:reading"));
        int brokenLine = lineOf(shipped, "        - to: direct:reading");
        String refused = awaitLog("Edit not loaded");
        assertTrue(refused.contains(meters + ":" + brokenLine + ":"), refused);
        assertTrue(refused.contains("too"), refused);
        bothMetersRead("after meters.yaml was broken");

        // 4. fixed again, with a change: the new version runs
        Files.writeString(meters, shipped.replace("initialDelay=0", "initialDelay=0&retries=1"));
        awaitLog("meters.yaml reloaded: heat-meters", 2);
        bothMetersRead("after meters.yaml was fixed");

        // 5. a file deleted: its route stops, the others go on
        Files.delete(garage);
        awaitLog("garage.yaml was deleted: stopped garage");
        long garageLines = lines(garageOut);
        bothMetersRead("after routes/garage.yaml was deleted");
        assertEquals(garageLines, lines(garageOut), "the deleted file's route no longer runs");

        // 6. a route id another file has: refused, naming both files
        Files.writeString(garage, """
                - route:
                    id: heat-meters
                    from:
                      uri: timer:x?period=1000
                      steps:
                        - log: "x"
                """);
        String taken = awaitLog("is already used by");
        assertTrue(taken.contains(garage + ":1") && taken.contains(meters.toString()), taken);
        bothMetersRead("after a route id was taken twice");

        // 7. an endpoint option misspelt (found only when Camel creates the route): the last good version comes back
        Files.writeString(meters, shipped.replace("initialDelay=0", "initialDelay=0&retrys=1"));
        String option = awaitLog("retrys", 1);
        assertTrue(option.contains(meters + ":" + lineOf(shipped, "      uri: \"mbus:") + ":"), option);
        bothMetersRead("after an unknown endpoint option");

        assertTrue(service.isAlive(), "the service keeps running");
        List<String> traces = Files.readAllLines(log).stream().filter(l -> l.startsWith("\tat ") || l.contains("Exception:")).toList();
        assertEquals(List.of(), traces, "no stack trace in the log");
        assertFalse(Files.readString(log).contains("This exception is ignored"), Files.readString(log));
    }

    private Process start() throws IOException {
        Files.writeString(home.resolve("application.properties"), "mbus.poll=1s\n", StandardOpenOption.APPEND);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "io.meterbridge.cli.Main")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("out.log").toFile())
                .start();
    }

    /** Waits until both simulated meters have been read twice more from now on. */
    private void bothMetersRead(String when) throws Exception {
        Path jsonl = home.resolve("data/readings.jsonl");
        long m303 = count(jsonl, METER_303);
        long m403 = count(jsonl, METER_403);
        try {
            ServiceHome.await(Duration.ofSeconds(20), "both meters read " + when,
                    () -> count(jsonl, METER_303) >= m303 + 2 && count(jsonl, METER_403) >= m403 + 2);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n" + Files.readString(home.resolve("out.log")), e);
        }
    }

    private String awaitLog(String text) throws Exception {
        return awaitLog(text, 1);
    }

    /** Waits for the {@code nth} log line containing {@code text}; returns it. */
    private String awaitLog(String text, int nth) throws Exception {
        Path log = home.resolve("out.log");
        try {
            ServiceHome.await(Duration.ofSeconds(20), "log line '" + text + "' #" + nth, () -> matching(log, text).size() >= nth);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n" + Files.readString(log), e);
        }
        return matching(log, text).get(nth - 1);
    }

    private static List<String> matching(Path log, String text) {
        try {
            return Files.readAllLines(log).stream().filter(l -> l.contains(text)).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static long count(Path file, String text) {
        try {
            return Files.exists(file) ? Files.readAllLines(file).stream().filter(l -> l.contains(text)).count() : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static long lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file).size() : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static int lineOf(String text, String needle) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(needle)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line with " + needle);
    }
}
