package io.meterbridge.camel.service;

import java.util.ArrayList;
import java.util.List;

import io.meterbridge.camel.mbus.MbusEndpoint;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.apache.camel.spi.PropertiesComponent;

/**
 * The one line the service logs once it runs, so a user sees at a glance what it does: version,
 * the M-Bus (port, addresses, poll, baud), the P1 port, the outputs and the routes.
 * {@code meterbridge 1.0: M-Bus sim, meters 1,89 every 5m at 2400 Bd; P1 off; outputs: files in
 * /home/pi/data, MQTT tcp://ha:1883; 7 routes from 6 files}.
 */
final class ServiceSummary {

    private ServiceSummary() {
    }

    static String of(CamelContext ctx, String version, java.nio.file.Path home) {
        PropertiesComponent pc = ctx.getPropertiesComponent();
        String bus = value(pc, "mbus.bus");
        String mbus = bus.isEmpty() ? "M-Bus off"
                : "M-Bus " + bus + ", meters " + value(pc, "mbus.addresses") + " every " + value(pc, "mbus.poll")
                        + " at " + value(pc, "mbus.baud") + " Bd";
        // buses of routes/buses.yaml's template: each its own route, named by its id and port
        List<String> templated = new ArrayList<>();
        for (Route r : ctx.getRoutes()) {
            if (r.isCreatedByRouteTemplate() && r.getEndpoint() instanceof MbusEndpoint m) {
                templated.add(r.getRouteId() + " (" + m.getConfiguration().busSettings().port() + ")");
            }
        }
        if (!templated.isEmpty()) {
            mbus += "; " + templated.size() + " more bus" + (templated.size() == 1 ? "" : "es") + " from routes: "
                    + String.join(", ", templated);
        }
        String p1 = value(pc, "p1.port");
        List<String> outputs = new ArrayList<>();
        outputs.add("files in " + value(pc, "output.dir"));
        if (!value(pc, "mqtt.url").isEmpty()) {
            outputs.add("MQTT " + value(pc, "mqtt.url") + ("true".equalsIgnoreCase(value(pc, "homeassistant.enabled"))
                    ? " with Home Assistant discovery" : ""));
        }
        if (!value(pc, "http.url").isEmpty()) {
            outputs.add("HTTP " + org.apache.camel.util.URISupport.sanitizeUri(value(pc, "http.url")));
        }
        if (!value(pc, "influxdb.url").isEmpty()) {
            outputs.add("InfluxDB " + org.apache.camel.util.URISupport.sanitizeUri(value(pc, "influxdb.url")));
        }
        if (!value(pc, "postgresql.url").isEmpty()) {
            // a password given as a URL parameter (?password=…) is masked like http.url's
            outputs.add("PostgreSQL " + org.apache.camel.util.URISupport.sanitizeUri(value(pc, "postgresql.url")));
        }
        if (!value(pc, "kafka.brokers").isEmpty()) {
            outputs.add("Kafka " + value(pc, "kafka.topic") + " on " + value(pc, "kafka.brokers"));
        }
        long running = ctx.getRoutes().stream()
                .filter(r -> ctx.getRouteController().getRouteStatus(r.getRouteId()) == ServiceStatus.Started).count();
        return "meterbridge " + version + " in " + home + ": " + mbus + "; P1 " + (p1.isEmpty() ? "off" : p1)
                + "; outputs: " + String.join(", ", outputs) + "; " + running + " routes running";
    }

    private static String value(PropertiesComponent pc, String key) {
        return pc.resolveProperty(key).map(String::trim).orElse("");
    }
}
