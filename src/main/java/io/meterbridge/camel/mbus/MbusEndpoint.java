package io.meterbridge.camel.mbus;

import java.time.Clock;

import io.meterbridge.link.BusLease;
import io.meterbridge.link.Buses;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.ScheduledPollEndpoint;

/**
 * Reads wired M-Bus meters (EN 13757-2/-3): a scheduled consumer polling a list of meters, and
 * a producer reading one on demand. Options: {@link MbusConfiguration}.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "mbus", title = "M-Bus", syntax = "mbus:bus",
        category = { Category.IOT }, headersClass = MbusConstants.class)
public class MbusEndpoint extends ScheduledPollEndpoint {

    @UriParam
    private MbusConfiguration configuration;

    private BusLease lease;
    private final MeterReader reader = new MeterReader(Clock.systemUTC());

    MbusEndpoint(String uri, MbusComponent component, MbusConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    @Override
    public Producer createProducer() {
        return new MbusProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (configuration.meterAddresses().isEmpty()) {
            throw new IllegalArgumentException("mbus consumer " + getEndpointUri()
                    + " needs addresses, e.g. addresses=1,89 (primary) or addresses=829371332D2C4004 (secondary)");
        }
        MbusConsumer consumer = new MbusConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        // one master per port for the whole process; validates the settings now, opens the port lazily
        lease = Buses.acquire(configuration.busSettings());
    }

    @Override
    protected void doStop() throws Exception {
        if (lease != null) {
            lease.close();
            lease = null;
        }
        super.doStop();
    }

    BusLease lease() {
        if (lease == null) {
            throw new IllegalStateException("mbus endpoint " + getEndpointUri() + " is not started");
        }
        return lease;
    }

    MeterReader reader() {
        return reader;
    }

    public MbusConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(MbusConfiguration configuration) {
        this.configuration = configuration;
    }
}
