package io.meterbridge.camel.mbus;

import java.time.Clock;

import io.meterbridge.link.BusLease;
import io.meterbridge.meter.Normalizer;
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
 *
 * <p>The consumer polls at a fixed rate: {@code delay} is the time from the start of one poll to
 * the start of the next ({@code useFixedDelay=false}, unlike Camel's default for scheduled
 * consumers). Reading a bus of meters takes seconds at 2400 Bd, so with a fixed delay
 * {@code delay=5s} would read every 6.75 s, drifting against the clock and against the
 * {@code expire_after} Home Assistant derives from the interval. {@code useFixedDelay=true} in
 * the URI brings back the delay after each poll. A poll that takes longer than {@code delay}
 * never overlaps the next; the polls it overran are skipped, not run back to back, so the next
 * poll starts on the schedule's next slot ({@link io.meterbridge.camel.reading.MeterPollConsumer}).
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "mbus", title = "M-Bus", syntax = "mbus:bus",
        category = { Category.IOT }, headersClass = MbusConstants.class)
public class MbusEndpoint extends ScheduledPollEndpoint {

    @UriParam
    private MbusConfiguration configuration;

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MbusEndpoint.class);

    private BusLease lease;
    private Normalizer normalizer;
    private final MeterReader reader = new MeterReader(Clock.systemUTC());

    MbusEndpoint(String uri, MbusComponent component, MbusConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
        // the endpoint's default, set before the component applies the URI's options, so
        // useFixedDelay=true in the URI still wins
        setUseFixedDelay(false);
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
        warnIfDrainingABattery();
        return consumer;
    }

    private void warnIfDrainingABattery() {
        if (configuration.getWakeUp() > 0) {
            io.meterbridge.camel.reading.BatterySchedule.warnIfDraining(this, LOG);
        }
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        // one master per port for the context; validates the settings now, opens the port lazily
        normalizer = new Normalizer(configuration.calorificValue()); // before the lease: a bad value holds no bus
        lease = ((MbusComponent) getComponent()).buses().acquire(configuration.busSettings());
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

    /** How the consumer turns a read into a reading (unless {@code raw}); one per endpoint, as it remembers warnings. */
    Normalizer normalizer() {
        if (normalizer == null) {
            throw new IllegalStateException("mbus endpoint " + getEndpointUri() + " is not started");
        }
        return normalizer;
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
