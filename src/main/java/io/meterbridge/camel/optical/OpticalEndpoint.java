package io.meterbridge.camel.optical;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.meterbridge.camel.reading.BatterySchedule;
import io.meterbridge.link.FrameExchange;
import io.meterbridge.link.OpticalStatistics;
import io.meterbridge.meter.MeterIdentity;
import io.meterbridge.meter.Reading;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one heat meter through its optical eye: a scheduled consumer (hourly by default, for the
 * meter's battery) and a producer reading on demand. Options: {@link OpticalConfiguration}.
 *
 * <p>One head reads one meter, so one endpoint owns its port: the port is opened on the first
 * read, kept open between reads, closed when the endpoint stops, and opened again after a head
 * was unplugged. Polls run at a fixed rate, as {@code mbus:} polls do.
 */
@UriEndpoint(firstVersion = "0.2.0", scheme = "optical", title = "Optical eye (KMP, IEC 62056-21)", syntax = "optical:port",
        category = { Category.IOT }, headersClass = OpticalConstants.class)
public class OpticalEndpoint extends ScheduledPollEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(OpticalEndpoint.class);
    /** One read an hour unless the route says otherwise: see {@link OpticalConfiguration} on battery. */
    static final long DEFAULT_DELAY_MILLIS = TimeUnit.HOURS.toMillis(1);

    @UriParam
    private OpticalConfiguration configuration;

    private OpticalMeter meter;

    OpticalEndpoint(String uri, OpticalComponent component, OpticalConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
        // the endpoint's defaults, set before the component applies the URI's options, which win
        setUseFixedDelay(false);
        setDelay(DEFAULT_DELAY_MILLIS);
    }

    @Override
    public Producer createProducer() {
        return new OpticalProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        configuration.requireProtocol();
        OpticalConsumer consumer = new OpticalConsumer(this, processor);
        configureConsumer(consumer);
        BatterySchedule.warnIfDraining(this, LOG);
        return consumer;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        meter = OpticalMeter.of(configuration, Clock.systemUTC()); // validates the options now; opens the port lazily
    }

    @Override
    protected void doStop() throws Exception {
        if (meter != null) {
            meter.close();
            meter = null;
        }
        super.doStop();
    }

    /** Reads the meter and puts the reading and the headers naming it into {@code m}. */
    void read(Message m) throws Exception {
        if (meter == null) {
            throw new IllegalStateException("optical endpoint " + getEndpointUri() + " is not started");
        }
        m.setHeader(OpticalConstants.PORT, configuration.getPort());
        m.setHeader(OpticalConstants.PROTOCOL, configuration.getProtocol().name());
        Reading reading = meter.read();
        MeterIdentity id = reading.meter();
        m.setBody(reading);
        m.setHeader(OpticalConstants.METER_KEY, id.stableKey());
        m.setHeader(OpticalConstants.MANUFACTURER, id.manufacturer());
        m.setHeader(OpticalConstants.MODEL, id.model());
        m.setHeader(OpticalConstants.READ_AT, reading.readAt());
    }

    /** The last requests and answers through the head, oldest first; none before the endpoint started. */
    public List<FrameExchange> recentFrames() {
        OpticalMeter m = meter;
        return m == null ? List.of() : m.recentFrames();
    }

    /** The head's counters, or empty counters before the endpoint started. */
    public OpticalStatistics statistics() {
        OpticalMeter m = meter;
        return m == null ? new OpticalStatistics(0, 0, 0, 0, 0, 0, 0) : m.statistics();
    }

    public OpticalConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(OpticalConfiguration configuration) {
        this.configuration = configuration;
    }
}
