package io.meterbridge.camel.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * A real PostgreSQL server for a test, from the machine's own binaries (Debian's
 * {@code postgresql} package: {@code /usr/lib/postgresql/<version>/bin}, or the directory in
 * {@code PG_BIN}): a fresh cluster in a temporary directory on a free port of the loopback, that
 * can be stopped and started again (a database that goes away). PostgreSQL refuses to run as
 * root, so as root it runs as the user {@code postgres}, which the package creates. Where no
 * server binaries are found, the test is skipped (an {@link Assumptions} failure) saying so.
 */
public final class PostgresServer implements AutoCloseable {

    private final Path bin;
    private final Path data;
    private final int port;
    private final boolean asPostgresUser;

    private PostgresServer(Path bin, Path data, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.data = data;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    /** A new cluster, started, with trust authentication for the user {@code postgres}. */
    public static PostgresServer start() throws IOException, InterruptedException {
        Optional<Path> bin = binaries();
        Assumptions.assumeTrue(bin.isPresent(), "no PostgreSQL server binaries (initdb, pg_ctl) under /usr/lib/postgresql/*/bin"
                + " or PG_BIN: install Debian's postgresql package to run this test");
        boolean root = "root".equals(System.getProperty("user.name"));
        Path data = Files.createTempDirectory("meterbridge-pg-");
        if (root) {
            // the server's user must reach its directory: not under a test's private @TempDir
            Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
            run(List.of("chown", "postgres:", data.toString()));
        }
        PostgresServer server = new PostgresServer(bin.get(), data, ServiceHome.freePort(), root);
        server.pg("initdb", "-D", data.resolve("cluster").toString(), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync");
        server.startAgain();
        return server;
    }

    /** The JDBC URL of database {@code postgres}. */
    public String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), "postgres", "");
    }

    /** Starts the server (again), waiting until it accepts connections. */
    public void startAgain() throws IOException, InterruptedException {
        pg("pg_ctl", "-D", data.resolve("cluster").toString(), "-l", data.resolve("server.log").toString(), "-w", "-t", "60",
                "-o", "-p " + port + " -k " + data + " -c listen_addresses=127.0.0.1 -c fsync=off", "start");
    }

    /** Stops the server at once (open connections are cut), as a database host that goes away. */
    public void stop() throws IOException, InterruptedException {
        pg("pg_ctl", "-D", data.resolve("cluster").toString(), "-m", "fast", "-w", "stop");
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            stop();
        } catch (IOException ignored) {
            // already stopped
        }
        try (Stream<Path> files = Files.walk(data)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private void pg(String program, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (asPostgresUser) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(args));
        run(command);
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!p.waitFor(90, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
    }

    private static Optional<Path> binaries() throws IOException {
        String env = System.getenv("PG_BIN");
        if (env != null && Files.isExecutable(Path.of(env, "pg_ctl"))) {
            return Optional.of(Path.of(env));
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(debian)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(debian)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString().replaceAll("\\D", "0"))));
        }
    }
}
