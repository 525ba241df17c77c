package io.meterbridge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.meterbridge.camel.testing.ServiceHome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service's command line as a new user meets it, each in its own JVM so the exit status and
 * everything printed are real: bad settings, {@code check}, help, {@code -D} without {@code run},
 * the wrong directory, and the lines at start and stop.
 */
class ServiceCommandTest {

    @TempDir
    Path home;

    private record Run(int status, String output) {
        List<String> errorLines() {
            return output.lines().filter(l -> l.startsWith("meterbridge")).toList();
        }
    }

    private Run run(String... args) throws Exception {
        Process p = process(args);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "meterbridge should exit");
        return new Run(p.exitValue(), Files.readString(home.resolve("out.log")));
    }

    private Process process(String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"), "io.meterbridge.cli.Main"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(home.resolve("out.log").toFile()).start();
    }

    private void settings(String lines) throws IOException {
        Files.writeString(home.resolve("application.properties"), lines, StandardOpenOption.APPEND);
    }

    private static void noStackTrace(Run r) {
        assertTrue(r.output.lines().noneMatch(l -> l.startsWith("\tat ") || l.contains("Exception")), r.output);
    }

    @Test
    void badSettingsEndTheServiceWithStatus1AndOneLineEachNamingFileLineKeyAndValue() throws Exception {
        ServiceHome.shipped(home);
        settings("mbus.poll=abc\nmqtt.ulr=tcp://localhost:1883\nmbus.baud=12345\n");
        int first = Files.readAllLines(home.resolve("application.properties")).size() - 2;
        Path file = home.resolve("application.properties").toRealPath();
        Run r = run();
        assertEquals(1, r.status, r.output);
        List<String> errors = r.errorLines();
        assertEquals(3, errors.size(), r.output);
        assertTrue(errors.get(0).startsWith("meterbridge: " + file + ":" + first + ": mbus.poll=abc: expected a duration"), r.output);
        assertTrue(errors.get(1).contains(":" + (first + 2) + ": mbus.baud=12345: expected one of"), r.output);
        assertTrue(errors.get(2).endsWith(":" + (first + 1) + ": mqtt.ulr: not a meterbridge setting, and no route file uses it; did you mean mqtt.url?"),
                r.output);
        noStackTrace(r);
        assertTrue(Files.notExists(home.resolve("data/readings.jsonl")), "no meter was read");
    }

    @Test
    void minusDWorksWithoutTheRunCommandAndIsNamedAsTheCommandLine() throws Exception {
        ServiceHome.shipped(home);
        Run r = run("-D", "mqtt.url=127.0.0.1:1883");
        assertEquals(1, r.status, r.output);
        assertEquals(List.of("meterbridge: command line (-D): mqtt.url=127.0.0.1:1883: expected a URL such as tcp://host:port "
                + "(tcp, ssl, ws, wss); did you mean tcp://127.0.0.1:1883?"), r.errorLines());
    }

    @Test
    void checkPassesTheShippedFilesAndOpensNoPortNorBroker() throws Exception {
        ServiceHome.shipped(home);
        try (ServerSocket bus = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
                ServerSocket broker = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            AtomicInteger connections = new AtomicInteger();
            Thread watcher = new Thread(() -> {
                for (ServerSocket s : List.of(bus, broker)) {
                    try {
                        s.setSoTimeout(100);
                        s.accept().close();
                        connections.incrementAndGet();
                    } catch (SocketTimeoutException e) {
                        // nobody came, as it should be
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            watcher.start();
            Run r = run("check", "-D", "mbus.bus=tcp:127.0.0.1:" + bus.getLocalPort(),
                    "-D", "mqtt.url=tcp://127.0.0.1:" + broker.getLocalPort(), "-D", "http.url=http://127.0.0.1:9/x");
            assertEquals(0, r.status, r.output);
            assertTrue(r.output.contains("meterbridge check: settings and route files are fine; 10 routes would run"), r.output);
            // anything the check had opened would have connected by now; look once more
            bus.setSoTimeout(300);
            broker.setSoTimeout(300);
            for (ServerSocket s : List.of(bus, broker)) {
                try {
                    s.accept().close();
                    connections.incrementAndGet();
                } catch (SocketTimeoutException e) {
                    // nothing connected
                }
            }
            watcher.join();
            assertEquals(0, connections.get(), "check connected to a port or broker");
        }
    }

    @Test
    void checkFindsWhatAStartWouldFindAndNamesTheStepsLine() throws Exception {
        ServiceHome.shipped(home);
        Path meters = home.resolve("routes/meters.yaml");
        String text = Files.readString(meters);
        // the route's own Home Assistant step (the error handler has one too)
        String step = "            ref: homeAssistant\n        - to: direct:reading";
        assertTrue(text.contains(step), text);
        Files.writeString(meters, text.replace(step, step.replace("homeAssistant", "homeAssistent")));
        int line = (int) text.substring(0, text.indexOf(step)).lines().count();
        Run r = run("check");
        assertEquals(1, r.status, r.output);
        // the line of the step (the "- process:" key above the ref)
        assertEquals(List.of("meterbridge check: " + meters.toRealPath() + ":" + line
                + ": route 'heat-meters': No bean could be found in the registry for: homeAssistent"), r.errorLines());

        Files.writeString(meters, text);
        settings("mbus.addresses=1,x\n");
        Run bad = run("check");
        assertEquals(1, bad.status, bad.output);
        assertTrue(bad.errorLines().get(0).contains("mbus.addresses=1,x: expected a primary address 0–250 or a secondary address"),
                bad.output);
        noStackTrace(bad);
    }

    @Test
    void theWrongDirectoryIsSaidSoInsteadOfReadingTheSimulator() throws Exception {
        Run r = run();
        assertEquals(1, r.status, r.output);
        assertEquals(List.of("meterbridge: no application.properties in " + home.toRealPath()
                + ": run meterbridge in the directory that has it and routes/, or give that directory with --home DIR"), r.errorLines());
        assertTrue(Files.notExists(home.resolve("data")));

        Files.writeString(home.resolve("application.properties"), "mbus.bus=sim\n");
        Files.createDirectories(home.resolve("routes"));
        Run empty = run();
        assertEquals(1, empty.status, empty.output);
        assertEquals(1, empty.errorLines().size(), empty.output);
        assertTrue(empty.errorLines().get(0).contains("routes: no route files (*.yaml), so nothing would run"), empty.output);
    }

    @Test
    void helpWorksForRunAndCheckAndListsThem() throws Exception {
        Run help = run("run", "--help");
        assertEquals(0, help.status, help.output);
        assertTrue(help.output.contains("Usage: meterbridge run") && help.output.contains("-D, --property=KEY=VALUE"), help.output);
        Run check = run("check", "--help");
        assertEquals(0, check.status, check.output);
        Run top = run("--help");
        assertEquals(0, top.status, top.output);
        assertTrue(top.output.contains("check") && top.output.contains("--home=DIR"), top.output);
    }

    @Test
    void theServiceSaysWhatItRunsAtStartAndThatItStoppedAtTheEnd() throws Exception {
        ServiceHome.shipped(home);
        Process p = process();
        Path log = home.resolve("out.log");
        try {
            ServiceHome.await(Duration.ofSeconds(60), "the start-up line", () -> read(log).contains("routes running"));
        } finally {
            p.destroy();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        }
        String out = read(log);
        String start = out.lines().filter(l -> l.contains("routes running")).findFirst().orElseThrow();
        assertTrue(start.contains("in " + home.toRealPath() + ": M-Bus sim, meters 1,89 every 5m at 2400 Bd; P1 off; outputs: files in "
                + home.toRealPath().resolve("data") + "; 7 routes running"), start);
        assertTrue(out.contains("meterbridge stopping after "), out);
        assertTrue(out.lines().anyMatch(l -> l.endsWith("meterbridge stopped")), out);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "";
        }
    }
}
