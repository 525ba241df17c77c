package io.meterbridge.camel.status;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.meterbridge.camel.journal.JournalBacklog;
import io.meterbridge.camel.journal.JournalComponent;
import io.meterbridge.camel.mbus.MbusComponent;
import io.meterbridge.camel.mbus.MbusEndpoint;
import io.meterbridge.camel.mqtt.BrokerConnection;
import io.meterbridge.camel.optical.OpticalEndpoint;
import io.meterbridge.camel.p1.P1Consumer;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Route;

/**
 * Where the page, the health checks and the metrics read the bridge's state from, one home for
 * all three: the buses and heads of the running routes with their counters, the MQTT connection,
 * and the journal's backlog per output.
 */
final class BridgeSources {

    private final CamelContext context;
    private final BrokerConnection broker;

    /** @param broker the service's MQTT connection, or null when MQTT is off */
    BridgeSources(CamelContext context, BrokerConnection broker) {
        this.context = context;
        this.broker = broker;
    }

    CamelContext context() {
        return context;
    }

    /** Every bus and head a running route reads, once each (several routes may share an M-Bus). */
    List<BusView> buses() {
        Map<String, BusView> out = new LinkedHashMap<>();
        for (Route route : context.getRoutes()) {
            Endpoint e = route.getEndpoint();
            if (e instanceof MbusEndpoint m) {
                String port = m.getConfiguration().busSettings().port();
                ((MbusComponent) m.getComponent()).statistics(port)
                        .ifPresent(s -> out.putIfAbsent("mbus " + port, BusView.of("mbus", port, s)));
            } else if (e instanceof OpticalEndpoint o) {
                out.putIfAbsent("optical " + o.getEndpointBaseUri(),
                        BusView.of("optical", o.getConfiguration().getPort(), o.statistics()));
            } else if (route.getConsumer() instanceof P1Consumer p) {
                out.putIfAbsent("p1 " + p.getEndpoint().getPort(), BusView.of("p1", p.getEndpoint().getPort(), p.getStatistics()));
            }
        }
        return new ArrayList<>(out.values());
    }

    /** The last frames on every M-Bus and optical head a running route reads, for the bus monitor. */
    List<BridgeView.BusFrames> monitor() {
        Map<String, BridgeView.BusFrames> out = new LinkedHashMap<>();
        for (Route route : context.getRoutes()) {
            if (route.getEndpoint() instanceof MbusEndpoint m) {
                String port = m.getConfiguration().busSettings().port();
                out.computeIfAbsent("mbus " + port, p -> new BridgeView.BusFrames("mbus", port,
                        ((MbusComponent) m.getComponent()).buses().recentFrames(port)));
            } else if (route.getEndpoint() instanceof OpticalEndpoint o) {
                out.computeIfAbsent("optical " + o.getEndpointBaseUri(), p -> new BridgeView.BusFrames("optical",
                        o.getConfiguration().getPort(), o.recentFrames()));
            }
        }
        return new ArrayList<>(out.values());
    }

    /** The service's MQTT connection, or null when MQTT is off. */
    BrokerConnection broker() {
        return broker;
    }

    /** What each output has still to deliver. */
    List<JournalBacklog> backlogs() {
        return context.hasComponent("journal") instanceof JournalComponent j ? j.backlogs() : List.of();
    }
}
