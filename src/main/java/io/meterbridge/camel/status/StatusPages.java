package io.meterbridge.camel.status;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

import io.meterbridge.camel.cluster.ClusterRoles;
import io.meterbridge.camel.mqtt.BrokerConnection;
import io.meterbridge.camel.mqtt.MqttConnectException;

/**
 * What the status server answers with, apart from the HTTP around it: the page's files (from
 * {@code src/main/resources/status/}, and uPlot from its WebJar, bundled in the JAR at build time),
 * the bridge's data, and the metrics.
 */
final class StatusPages {

    /** A response: status, type, body and extra headers. */
    record Page(int status, String contentType, byte[] body, Map<String, String> headers) {
    }

    /** Path on the page → classpath resource and its type. */
    private static final Map<String, String[]> FILES = Map.of(
            "/", new String[] {"status/index.html", "text/html"},
            "/status.js", new String[] {"status/status.js", "text/javascript"},
            "/status.css", new String[] {"status/status.css", "text/css"},
            "/uplot.js", new String[] {webjar("uPlot.iife.min.js"), "text/javascript"},
            "/uplot.css", new String[] {webjar("uPlot.min.css"), "text/css"});

    private final BridgeSources sources;
    private final StatusBoard board;
    private final StatusMetrics metrics;
    private final String version;
    private final Instant started;
    private final Clock clock;
    private final ConsumptionPages consumption;
    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    StatusPages(BridgeSources sources, StatusBoard board, StatusMetrics metrics, ConsumptionPages consumption,
            String version, Instant started, Clock clock) {
        this.sources = sources;
        this.consumption = consumption;
        this.board = board;
        this.metrics = metrics;
        this.version = version;
        this.started = started;
        this.clock = clock;
    }

    /** uPlot's file in its WebJar, whose version the WebJar's own pom.properties names. */
    private static String webjar(String file) {
        String pom = "META-INF/maven/org.webjars.npm/uplot/pom.properties";
        try (InputStream in = StatusPages.class.getClassLoader().getResourceAsStream(pom)) {
            if (in == null) {
                throw new IllegalStateException(pom + " is not on the class path: the uPlot WebJar is missing from the build");
            }
            Properties p = new Properties();
            p.load(in);
            return "META-INF/resources/webjars/uplot/" + p.getProperty("version") + "/dist/" + file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    BridgeView bridge() {
        BrokerConnection broker = sources.broker();
        BridgeView.Mqtt mqtt = null;
        if (broker != null) {
            MqttConnectException failure = broker.lastConnectFailure();
            mqtt = new BridgeView.Mqtt(broker.settings().url(), broker.isConnected(),
                    failure == null ? null : failure.getMessage());
        }
        return new BridgeView(version, started, clock.instant(), sources.buses(), mqtt, sources.backlogs(),
                board.errors(), board.meters(), sources.monitor(), ClusterRoles.of(sources.context()).orElse(null));
    }

    String metrics(String contentType) {
        return metrics.scrape(contentType);
    }

    /** A file of the page or the consumption data, or null when there is no such path. */
    Page page(String path, String query) throws IOException {
        if (path.equals("/api/consumption") || path.equals("/consumption.csv")) {
            ConsumptionPages.Query q;
            try {
                q = ConsumptionPages.parse(query);
            } catch (ConsumptionPages.BadQuery e) {
                return new Page(400, "text/plain", (e.getMessage() + "\n").getBytes(StandardCharsets.UTF_8), Map.of());
            }
            if (path.equals("/consumption.csv")) {
                return new Page(200, "text/csv", consumption.csv(q).getBytes(StandardCharsets.UTF_8),
                        Map.of("Content-Disposition", "attachment; filename=\"" + ConsumptionPages.fileName(q) + "\""));
            }
            return new Page(200, "application/json", StatusJson.bytes(consumption.json(q)), Map.of("Cache-Control", "no-cache"));
        }
        String[] file = FILES.get(path);
        if (file == null) {
            return null;
        }
        byte[] body = cache.get(file[0]);
        if (body == null) {
            body = StatusServer.resource(file[0]);
            if (body == null) {
                throw new IllegalStateException(file[0] + " is missing from the JAR");
            }
            cache.put(file[0], body);
        }
        return new Page(200, file[1], body, Map.of("Cache-Control", "no-cache"));
    }
}
