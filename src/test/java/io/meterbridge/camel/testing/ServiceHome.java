package io.meterbridge.camel.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * A service home for tests: a temporary directory with the project's own shipped
 * {@code application.properties} and {@code routes/*.yaml} copied in byte for byte (so the tests
 * run the files users get, not Java re-creations), and {@code data/} written there.
 */
public final class ServiceHome {

    /** The project directory (Maven runs tests there). */
    public static final Path PROJECT = Path.of("").toAbsolutePath();

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
