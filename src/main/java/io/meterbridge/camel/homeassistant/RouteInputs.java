package io.meterbridge.camel.homeassistant;

import io.meterbridge.link.BusLease;
import io.meterbridge.link.BusSettings;
import io.meterbridge.link.BusStatistics;
import io.meterbridge.link.Buses;
import io.meterbridge.link.Parity;
import io.meterbridge.link.PortUnavailableException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.apache.camel.support.ScheduledPollEndpoint;

/**
 * What the running routes say about the meters: which sources are configured, how often the
 * {@code mbus:} routes poll, and the counters of the M-Bus buses they use. Read from the Camel
 * context by endpoint URI, so it needs nothing of the {@code mbus:} component but its URI syntax
 * ({@code mbus:<bus>?addresses=…&baud=…&parity=…}).
 */
final class RouteInputs {

    private RouteInputs() {
    }

    /** The sources of every started route's input (a stopped or removed route configures nothing). */
    static Set<Source> configured(CamelContext ctx) {
        Set<Source> out = new LinkedHashSet<>();
        for (Route r : ctx.getRoutes()) {
            ServiceStatus status = ctx.getRouteController().getRouteStatus(r.getRouteId());
            if (status == null || !(status.isStarted() || status.isStarting())) {
                continue;
            }
            Endpoint e = r.getEndpoint();
            out.addAll(Source.configuredBy(e.getEndpointBaseUri(), e.getEndpointUri()));
        }
        return out;
    }

    /** The longest fixed delay of the started {@code mbus:} polling routes, if any. */
    static Optional<Duration> longestMbusDelay(CamelContext ctx) {
        Duration longest = null;
        for (Route r : ctx.getRoutes()) {
            if (r.getEndpoint() instanceof ScheduledPollEndpoint e && r.getEndpoint().getEndpointBaseUri().startsWith("mbus:")) {
                Map<String, String> o = Source.options(e.getEndpointUri());
                if (o.containsKey("scheduler") || o.containsKey("scheduler.cron")) {
                    continue; // a cron schedule has no fixed delay
                }
                Duration d = Duration.ofMillis(e.getDelay());
                if (longest == null || d.compareTo(longest) > 0) {
                    longest = d;
                }
            }
        }
        return Optional.ofNullable(longest);
    }

    /**
     * The counters of every M-Bus bus an {@code mbus:} endpoint of the context uses and that is
     * open now, summed; empty if none is open. Takes a share of each bus only for the moment of
     * reading its counters (never opens one: buses without leases are skipped).
     */
    static Optional<BusStatistics> busStatistics(CamelContext ctx) {
        Map<String, BusSettings> buses = new LinkedHashMap<>();
        for (Endpoint e : ctx.getEndpoints()) {
            String base = e.getEndpointBaseUri();
            if (!base.startsWith("mbus:")) {
                continue;
            }
            String port = base.substring("mbus:".length()).replaceFirst("^//", "");
            if (port.isBlank()) {
                continue;
            }
            Map<String, String> o = Source.options(e.getEndpointUri());
            try {
                BusSettings s = BusSettings.of(port);
                if (o.containsKey("baud")) {
                    s = s.withBaud(Integer.parseInt(o.get("baud").trim()));
                }
                if (o.containsKey("parity")) {
                    s = s.withParity(Parity.valueOf(o.get("parity").trim().toUpperCase(Locale.ROOT)));
                }
                buses.putIfAbsent(port, s);
            } catch (RuntimeException ignored) {
                // a malformed option fails that route at start-up with the component's own message
            }
        }
        BusStatistics sum = null;
        for (BusSettings s : buses.values()) {
            if (Buses.leases(s.port()) == 0) {
                continue;
            }
            try (BusLease lease = Buses.acquire(s)) {
                BusStatistics b = lease.master().statistics();
                sum = sum == null ? b : plus(sum, b);
            } catch (PortUnavailableException | IllegalStateException e) {
                // closed meanwhile, or opened with other settings by someone else: not ours to count
            }
        }
        return Optional.ofNullable(sum);
    }

    static BusStatistics plus(BusStatistics a, BusStatistics b) {
        return new BusStatistics(a.requests() + b.requests(), a.frames() + b.frames(), a.bytesSent() + b.bytesSent(),
                a.bytesReceived() + b.bytesReceived(), a.noiseBytes() + b.noiseBytes(), a.timeouts() + b.timeouts(),
                a.checksumErrors() + b.checksumErrors(), a.frameErrors() + b.frameErrors(),
                a.collisions() + b.collisions(), a.retries() + b.retries(), a.reopens() + b.reopens());
    }
}
