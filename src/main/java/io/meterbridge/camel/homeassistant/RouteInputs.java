package io.meterbridge.camel.homeassistant;

import io.meterbridge.camel.cluster.Standby;
import io.meterbridge.camel.mbus.MbusComponent;
import io.meterbridge.camel.mbus.MbusEndpoint;
import io.meterbridge.camel.optical.OpticalEndpoint;
import org.apache.camel.support.ScheduledPollEndpoint;
import io.meterbridge.link.BusStatistics;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;

/**
 * What the running routes say about the meters: which sources are configured, how often the
 * {@code mbus:} routes poll, and the counters of the M-Bus buses they use. Asked of the endpoints
 * themselves ({@link MbusEndpoint}'s configuration and schedule), never parsed from their URIs,
 * so an option the component reads differently (a default, {@code RAW(…)}, a property) cannot
 * make the two disagree. Asked anew each time: a route-file reload changes the routes.
 *
 * @param ctx the context whose routes are asked
 */
public record RouteInputs(CamelContext ctx) implements MeterStates.Routes {

    /**
     * The sources of every started route's input, and of every route that waits while another
     * instance polls its bus ({@link #polledElsewhere}); a stopped or removed route configures nothing.
     */
    Set<Source> configured() {
        Set<Source> out = new LinkedHashSet<>();
        for (Route r : ctx.getRoutes()) {
            ServiceStatus status = ctx.getRouteController().getRouteStatus(r.getRouteId());
            if (status != null && (status.isStarted() || status.isStarting()) || Standby.waiting(r)) {
                out.addAll(Source.configuredBy(r.getEndpoint()));
            }
        }
        return out;
    }

    /** The sources of the routes whose bus another instance polls now (cluster.zookeeper). */
    @Override
    public Set<Source> polledElsewhere() {
        Set<Source> out = new LinkedHashSet<>();
        for (Route r : ctx.getRoutes()) {
            if (Standby.waiting(r)) {
                out.addAll(Source.configuredBy(r.getEndpoint()));
            }
        }
        return out;
    }

    /** The longest fixed delay of the {@code mbus:} and {@code optical:} polling routes, if any. */
    @Override
    public Optional<Duration> longestPollDelay() {
        Duration longest = null;
        for (Route r : ctx.getRoutes()) {
            if (r.getEndpoint() instanceof MbusEndpoint || r.getEndpoint() instanceof OpticalEndpoint) {
                ScheduledPollEndpoint e = (ScheduledPollEndpoint) r.getEndpoint();
                Object scheduler = e.getScheduler();
                if (scheduler != null && !"none".equals(scheduler)) {
                    continue; // a cron schedule (quartz, spring, a scheduler bean) has no fixed delay
                }
                Duration d = Duration.ofMillis(e.getTimeUnit().toMillis(e.getDelay()));
                if (longest == null || d.compareTo(longest) > 0) {
                    longest = d;
                }
            }
        }
        return Optional.ofNullable(longest);
    }

    /**
     * The counters of every M-Bus bus an {@code mbus:} endpoint of the context uses and that is
     * open now, summed; empty if none is open. Asked of the component's bus registry, which
     * never opens a bus to answer.
     */
    @Override
    public Optional<BusStatistics> busStatistics() {
        Set<String> ports = new LinkedHashSet<>();
        MbusComponent component = null;
        for (Endpoint e : ctx.getEndpoints()) {
            if (e instanceof MbusEndpoint mbus) {
                ports.add(mbus.getConfiguration().getBus());
                component = (MbusComponent) mbus.getComponent();
            }
        }
        BusStatistics sum = null;
        for (String port : ports) {
            Optional<BusStatistics> b = component.statistics(port);
            if (b.isPresent()) {
                sum = sum == null ? b.get() : plus(sum, b.get());
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
