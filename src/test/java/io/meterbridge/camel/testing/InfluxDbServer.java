package io.meterbridge.camel.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A real InfluxDB 1.x ({@code influxd}, Debian's {@code influxdb} package) on a free loopback
 * port, its data in a test folder, so it can be stopped and started again with its points kept.
 * Queried over its HTTP API ({@code /query}), as Grafana does.
 */
public final class InfluxDbServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final Path folder;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process process;

    /** The {@code influxd} binary: Debian's in /usr/bin, else the first on PATH, else {@code null}. */
    public static Path binary() {
        if (Files.isExecutable(Path.of("/usr/bin/influxd"))) {
            return Path.of("/usr/bin/influxd");
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "influxd"))) {
                return Path.of(dir, "influxd");
            }
        }
        return null;
    }

    public InfluxDbServer(Path folder) throws IOException {
        this.folder = folder.toAbsolutePath();
        this.port = ServiceHome.freePort();
        int rpc = ServiceHome.freePort();
        Files.createDirectories(folder);
        // everything but the HTTP API and the storage switched off: no usage reports, no _internal
        // database, no second listener a parallel test could collide with beyond the backup port
        Files.writeString(folder.resolve("influxdb.conf"), """
                reporting-disabled = true
                bind-address = "127.0.0.1:%d"
                [meta]
                  dir = "%s/meta"
                [data]
                  dir = "%s/data"
                  wal-dir = "%s/wal"
                  query-log-enabled = false
                [monitor]
                  store-enabled = false
                [http]
                  bind-address = "127.0.0.1:%d"
                  log-enabled = false
                [continuous_queries]
                  enabled = false
                [subscriber]
                  enabled = false
                """.formatted(rpc, this.folder, this.folder, this.folder, port));
    }

    /** The server's base URL, {@code http://127.0.0.1:PORT}. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Starts {@code influxd} (again, on the same port and data) and waits until {@code /ping} answers. */
    public void start() throws Exception {
        process = new ProcessBuilder(binary().toString(), "-config", folder.resolve("influxdb.conf").toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(folder.resolve("influxd.log").toFile()))
                .start();
        ServiceHome.await(Duration.ofSeconds(30), "influxd to answer /ping on " + port, () -> {
            try {
                return http.send(HttpRequest.newBuilder(URI.create(url() + "/ping")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 204;
            } catch (IOException e) {
                return !process.isAlive() && fail();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
    }

    /** Stops {@code influxd} (SIGTERM: it closes its files); its points stay in the folder. */
    public void stop() throws Exception {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
            process = null;
        }
    }

    /** Runs an InfluxQL statement (in {@code db}, if not null) and returns its answer; times in nanoseconds. */
    public JsonNode query(String db, String influxQl) throws IOException, InterruptedException {
        String form = "q=" + URLEncoder.encode(influxQl, StandardCharsets.UTF_8) + "&epoch=ns"
                + (db == null ? "" : "&db=" + URLEncoder.encode(db, StandardCharsets.UTF_8));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url() + "/query"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new AssertionError("InfluxDB answered " + r.statusCode() + " to " + influxQl + ": " + r.body());
        }
        JsonNode answer = JSON.readTree(r.body());
        if (answer.at("/results/0/error").isTextual()) {
            throw new AssertionError("InfluxDB refused " + influxQl + ": " + answer.at("/results/0/error").asText());
        }
        return answer;
    }

    private boolean fail() {
        try {
            throw new AssertionError("influxd exited: " + Files.readString(folder.resolve("influxd.log")));
        } catch (IOException e) {
            throw new AssertionError("influxd exited", e);
        }
    }

    @Override
    public void close() throws Exception {
        stop();
    }

    @Override
    public String toString() {
        return "InfluxDB " + url();
    }
}
