package io.meterbridge.camel.status;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.meterbridge.camel.journal.JournalBacklog;
import io.meterbridge.camel.mqtt.BrokerConnection;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * {@code /metrics}: the bridge in Prometheus text format, through Micrometer. Polls and their
 * duration per meter and deliveries per output are counted as they happen (from the
 * {@link StatusBoard}); the counters of each bus and head, the journal's backlog per output and
 * the MQTT connection are read from their owners at each scrape, so a bus that a route reload
 * added appears at the next scrape. Names (Prometheus adds {@code _total} to counters):
 * <ul>
 * <li>{@code meterbridge_polls_total{meter,result="ok|failed"}}, {@code meterbridge_poll_duration_seconds{meter}}
 * <li>{@code meterbridge_meter_up{meter}}: 1 online, 0 offline or not yet known
 * <li>{@code meterbridge_deliveries_total{output,result}}: readings an output delivered, or tried to
 * <li>{@code meterbridge_journal_backlog{journal,cursor}}: readings an output has still to deliver
 * <li>{@code meterbridge_mqtt_connected}: 1 while connected (absent when MQTT is off)
 * <li>{@code meterbridge_mbus_<counter>_total{port}} for every counter of {@code BusStatistics}
 * (requests, frames, bytes_sent, bytes_received, noise_bytes, timeouts, checksum_errors,
 * frame_errors, collisions, retries, reopens); {@code meterbridge_optical_<counter>_total{port}}
 * for {@code OpticalStatistics}; {@code meterbridge_p1_<counter>_total{port}} for
 * {@code P1Statistics} (telegrams, crc_errors, … bytes)
 * <li>the JVM's memory ({@code jvm_memory_used_bytes}) and the process's uptime
 * </ul>
 */
final class StatusMetrics implements StatusBoard.Listener {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final BridgeSources sources;
    private final StatusBoard board;
    /** The latest value of every counter read at a scrape, by meter name and tags. */
    private final Map<String, Long> counters = new ConcurrentHashMap<>();
    private final Map<String, Double> gauges = new ConcurrentHashMap<>();

    StatusMetrics(BridgeSources sources, StatusBoard board) {
        this.sources = sources;
        this.board = board;
        new JvmMemoryMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        board.addListener(this);
    }

    @Override
    public void polled(String meterKey, boolean ok, long millis) {
        Counter.builder("meterbridge.polls").description("Polls of a meter (telegrams of a P1 meter)")
                .tags("meter", meterKey, "result", ok ? "ok" : "failed").register(registry).increment();
        Timer.builder("meterbridge.poll.duration").description("How long a poll took, request to reading")
                .tags("meter", meterKey).register(registry).record(millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void delivered(String output, boolean ok) {
        Counter.builder("meterbridge.deliveries").description("Readings an output delivered (ok) or failed to deliver")
                .tags("output", output, "result", ok ? "ok" : "failed").register(registry).increment();
    }

    /** The text of a scrape in the format {@code contentType} asks for (Prometheus 0.0.4 or OpenMetrics). */
    String scrape(String contentType) {
        refresh();
        return registry.scrape(contentType);
    }

    private void refresh() {
        for (BusView bus : sources.buses()) {
            for (Map.Entry<String, Long> c : bus.counters().entrySet()) {
                String name = "meterbridge." + bus.kind() + "." + snake(c.getKey());
                counter(name, Tags.of("port", bus.port()), c.getValue());
            }
        }
        List<JournalBacklog> backlogs = sources.backlogs();
        for (JournalBacklog b : backlogs) {
            gauge("meterbridge.journal.backlog", Tags.of("journal", b.journal(), "cursor", b.cursor()), b.backlog(),
                    "Readings an output has still to deliver");
        }
        BrokerConnection broker = sources.broker();
        if (broker != null) {
            gauge("meterbridge.mqtt.connected", Tags.empty(), broker.isConnected() ? 1 : 0, "1 while connected to the broker");
        }
        for (MeterView m : board.meters()) {
            gauge("meterbridge.meter.up", Tags.of("meter", m.key()), m.availability().equals("online") ? 1 : 0,
                    "1 while the meter is online, as Home Assistant sees it");
        }
    }

    private void counter(String name, Tags tags, long value) {
        String id = name + tags;
        if (counters.put(id, value) == null) {
            FunctionCounter.builder(name, counters, m -> m.getOrDefault(id, 0L)).tags(tags).register(registry);
        }
    }

    private void gauge(String name, Tags tags, double value, String description) {
        String id = name + tags;
        if (gauges.put(id, value) == null) {
            Gauge.builder(name, gauges, m -> m.getOrDefault(id, Double.NaN)).tags(tags).description(description)
                    .register(registry);
        }
    }

    /** {@code bytesSent} → {@code bytes_sent}: a statistics record's component as a metric name part. */
    static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
