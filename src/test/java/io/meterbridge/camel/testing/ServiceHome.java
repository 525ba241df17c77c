package io.meterbridge.camel.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A service home for tests: a temporary directory with the project's own shipped
 * {@code application.properties} and {@code routes/*.yaml} copied in byte for byte (so the tests
 * run the files users get, not Java re-creations), and {@code data/} written there.
 */
public final class ServiceHome {

    /** The project directory (Maven runs tests there). */
    public static final Path PROJECT = Path.of("").toAbsolutePath();

    private static final ObjectMapper READINGS = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private ServiceHome() {
    }

    /** Copies the shipped configuration into {@code home}; returns {@code home}. */
    public static Path shipped(Path home) throws IOException {
        Files.createDirectories(home.resolve("routes"));
        Files.copy(PROJECT.resolve("application.properties"), home.resolve("application.properties"));
        try (DirectoryStream<Path> routes = Files.newDirectoryStream(PROJECT.resolve("routes"), "*.yaml")) {
            for (Path r : routes) {
                Files.copy(r, home.resolve("routes").resolve(r.getFileName()));
            }
        }
        return home;
    }

    /**
     * Every reading the home's daily JSON Lines files hold ({@code data/readings*.jsonl}: today's and
     * the dated ones, oldest file first), numbers as exact decimals. A file's last line without its
     * line end is being written (or was cut by a kill, and the reading is written again whole): it
     * is not a reading yet. None when there is no data directory.
     */
    public static List<JsonNode> readings(Path home) {
        List<JsonNode> out = new ArrayList<>();
        Path data = home.resolve("data");
        if (!Files.isDirectory(data)) {
            return out;
        }
        try (var files = Files.list(data)) {
            for (Path f : files.filter(p -> p.getFileName().toString().matches("readings.*\\.jsonl")).sorted().toList()) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                int end = text.lastIndexOf('\n') + 1;
                for (String line : text.substring(0, end).split("\n")) {
                    if (!line.isBlank()) {
                        out.add(READINGS.readTree(line));
                    }
                }
            }
        } catch (java.nio.file.NoSuchFileException renamedMeanwhile) {
            return readings(home); // a midnight rename between the listing and the read
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * Starts the service in {@code home} as its own process on the fat JAR's class path (this
     * build's classes and the runtime-scope libraries, {@code target/runtime-classpath.txt}),
     * not the test class path, whose test-only libraries could hide one the JAR lacks. Its
     * output goes to {@code home/out.log}.
     */
    public static Process startProcess(Path home) throws IOException {
        Path file = PROJECT.resolve("target/runtime-classpath.txt");
        if (!Files.exists(file)) {
            throw new IllegalStateException(file + " is missing: Maven's generate-test-resources phase writes it");
        }
        String cp = PROJECT.resolve("target/classes") + java.io.File.pathSeparator + Files.readString(file).trim();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", cp, "io.meterbridge.cli.Main")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("out.log").toFile()))
                .start();
    }

    /** A TCP port free on the loopback interface right now. */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Polls {@code condition} every 50 ms until true; fails with {@code what} after {@code timeout}. */
    public static void await(Duration timeout, String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            Thread.sleep(50);
        }
    }
}
