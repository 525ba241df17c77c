package io.meterbridge.camel.mbus;

import java.util.Map;
import java.util.Optional;

import io.meterbridge.link.BusStatistics;
import io.meterbridge.link.Buses;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

/** The {@code mbus:} component: wired M-Bus meters. Options: {@link MbusConfiguration}. */
@Component("mbus")
public class MbusComponent extends DefaultComponent {

    @Metadata(description = "Options shared by every mbus endpoint (each endpoint may override them).")
    private MbusConfiguration configuration = new MbusConfiguration();

    /** The bus masters of this component's endpoints, one per port. */
    private final Buses buses = new Buses();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (remaining == null || remaining.isBlank()) {
            throw new IllegalArgumentException("mbus: needs a bus, e.g. mbus:/dev/ttyUSB0, mbus:tcp:192.168.1.5:10001 or mbus:sim; found " + uri);
        }
        MbusConfiguration config = configuration.copy();
        config.setBus(remaining);
        MbusEndpoint endpoint = new MbusEndpoint(uri, this, config);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    /** The registry of this context's bus masters: its endpoints lease from it. */
    public Buses buses() {
        return buses;
    }

    /** The counters of the bus open on {@code port}, if an endpoint of this component has it open. */
    public Optional<BusStatistics> statistics(String port) {
        return buses.statistics(port);
    }

    public MbusConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(MbusConfiguration configuration) {
        this.configuration = configuration;
    }
}
