package io.meterbridge.camel.status;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Function;
import java.util.function.Supplier;

import io.meterbridge.camel.cluster.Standby;
import io.meterbridge.camel.homeassistant.HomeAssistantSettings;
import io.meterbridge.camel.homeassistant.RouteInputs;
import io.meterbridge.camel.mqtt.BrokerConnection;

import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.spi.PropertiesComponent;

/**
 * Adds the status page to a service's Camel context before its routes load, unless
 * {@code http.status.enabled=false}: the {@link StatusBoard} as an event notifier (it feeds the
 * page, {@code /health} and {@code /metrics}), meterbridge's health checks, and the
 * {@link StatusServer} as a service of the context.
 */
public final class StatusSupport {

    private StatusSupport() {
    }

    /**
     * @param broker the service's MQTT connection, or null when MQTT is off
     * @return the server, or null when {@code http.status.enabled=false} (then nothing is added:
     *     no board, no metrics, no checks of ours)
     */
    public static StatusServer install(CamelContext ctx, BrokerConnection broker, String version) {
        PropertiesComponent pc = ctx.getPropertiesComponent();
        Function<String, String> property = k -> pc.resolveProperty(k).filter(v -> !v.isBlank()).orElse(null);
        StatusSettings settings = StatusSettings.from(property);
        if (!settings.enabled()) {
            return null;
        }
        HomeAssistantSettings ha = HomeAssistantSettings.from(property);
        Clock clock = Clock.systemUTC();
        Instant started = clock.instant();
        StatusBoard board = new StatusBoard(clock, ha.offlineAfterFailedPolls(), ha.p1OfflineAfter());
        BridgeSources sources = new BridgeSources(ctx, broker);
        StatusMetrics metrics = new StatusMetrics(sources, board);
        ctx.getManagementStrategy().addEventNotifier(board);
        HealthCheckRegistry health = HealthCheckRegistry.get(ctx);
        if (health != null) {
            // every check in the answer, not only the failing ones: /health is also read by people
            health.setExposureLevel("full");
            // the interval Home Assistant's expire_after is computed from: the setting, else the routes' longest delay
            Supplier<Duration> interval = () -> ha.pollInterval() != null ? ha.pollInterval()
                    : new RouteInputs(ctx).longestPollDelay().orElse(HomeAssistantSettings.DEFAULT_POLL_INTERVAL);
            for (HealthCheck check : MeterbridgeHealthChecks.all(board, sources, interval, clock, started,
                    () -> Standby.only(ctx))) {
                health.register(check);
            }
        }
        // the charts read the daily JSON Lines files, in the machine's time zone
        ConsumptionPages consumption = new ConsumptionPages(Path.of(property.apply("output.dir")),
                property.apply("jsonl.fileName"), ZoneId.systemDefault(), clock);
        StatusServer server = new StatusServer(settings, ctx, board,
                new StatusPages(sources, board, metrics, consumption, version, started, clock));
        try {
            ctx.addService(server, true, true);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the status page: " + e.getMessage(), e);
        }
        return server;
    }
}
