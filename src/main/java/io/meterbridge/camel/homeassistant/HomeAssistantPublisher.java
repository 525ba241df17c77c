package io.meterbridge.camel.homeassistant;

import io.meterbridge.camel.mbus.MbusEndpoint;
import io.meterbridge.camel.mqtt.BrokerConnection;
import io.meterbridge.meter.Reading;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Home Assistant over the bridge's MQTT connection (bean {@code homeAssistant}): every normalised
 * {@link Reading}, failed poll, (re)connect, Home Assistant birth, silence check and route change
 * is an {@link Event} for {@link MeterStates}, which keeps Home Assistant's view of the meters; what
 * it answers goes to the {@link Outbox}, and the {@link MeterRegistry} file is written when it changed.
 *
 * <p>From YAML: {@code - process: {ref: homeAssistant}} after the step that makes the
 * {@link Reading}. A failed poll of an {@code mbus:} consumer needs no step: {@link PollFailures}
 * takes it from Camel's exchange events (the meter found by the {@code MbusAddress} header and the
 * route input), handled by an {@code onException} or not, and this bean ignores such a failure
 * should a route still call it in its {@code onException}. Routes with other inputs (a timer
 * route reading a meter itself) call it in their {@code onException} for failed polls; it
 * recognises a failed exchange by its caught exception. Header {@code MeterbridgeMeterName} names the
 * device in Home Assistant (default "Kamstrup MULTICAL 403 77447744").
 *
 * <p>Without a broker ({@code mqtt.url} unset) or with {@code homeassistant.enabled=false} it does
 * nothing, so routes can call it unconditionally.
 */
public final class HomeAssistantPublisher extends ServiceSupport implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(HomeAssistantPublisher.class);

    /** The registry name routes use. */
    public static final String BEAN = "homeAssistant";
    /** Header with the device name to show in Home Assistant (optional). */
    public static final String METER_NAME_HEADER = "MeterbridgeMeterName";

    private final HomeAssistantSettings settings;
    private final BrokerConnection broker;
    private final CamelContext context;
    private final String version;
    private final Instant startedAt = Instant.now();
    private MeterRegistry registry;
    private MeterStates state;
    private volatile Outbox outbox;

    /** Something that happened, for the state at {@code now} ({@link System#nanoTime()}); its answer is published. */
    @FunctionalInterface
    interface Event {
        List<Outgoing> apply(MeterStates state, long now);
    }

    /**
     * @param settings the {@code homeassistant.*} settings
     * @param broker the bridge's MQTT connection, or null when MQTT is off (then this does nothing)
     * @param context the Camel context whose routes configure the meters
     * @param version meterbridge's version, shown on the bridge device
     */
    public HomeAssistantPublisher(HomeAssistantSettings settings, BrokerConnection broker, CamelContext context,
            String version) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.broker = broker;
        this.context = Objects.requireNonNull(context, "context");
        this.version = Objects.requireNonNull(version, "version");
    }

    /** True if it is to publish: a broker is configured and Home Assistant discovery is on. */
    public boolean configured() {
        return broker != null && settings.enabled();
    }

    /** True if it publishes now: {@link #configured()} and started. */
    public boolean active() {
        return configured() && outbox != null;
    }

    @Override
    protected void doStart() {
        if (!configured()) {
            LOG.info("Home Assistant discovery off ({})", broker == null ? "mqtt.url not set" : "homeassistant.enabled=false");
            return;
        }
        synchronized (this) {
            registry = MeterRegistry.loadOrSetAside(settings.registryFile());
            state = new MeterStates(settings, version, startedAt, registry, new RouteInputs(context));
        }
        LOG.info("Home Assistant discovery for Home Assistant {} and later (homeassistant.version)",
                settings.homeAssistant());
        outbox = new Outbox(broker, context.getExecutorServiceManager(),
                key -> on((s, now) -> s.removalPublished(key)));
        broker.onConnected(b -> on((s, now) -> s.announce(false, now)));
        broker.onHomeAssistantOnline(b -> on((s, now) -> s.announce(true, now)));
    }

    @Override
    protected void doStop() {
        Outbox o = outbox;
        outbox = null;
        if (o != null) {
            o.stop();
        }
    }

    /**
     * For routes: an exchange with a {@link Reading} body is a good read; an exchange that failed
     * (in {@code onException}, or carrying its exception) is a failed poll of the meter at its
     * source.
     *
     * @throws IllegalArgumentException if the exchange is neither (a body of another type)
     */
    @Override
    public void process(Exchange exchange) {
        Exception failure = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        Object body = exchange.getMessage().getBody();
        if (failure == null && body instanceof Reading r) {
            Source source = Source.of(exchange, r);
            String name = exchange.getMessage().getHeader(METER_NAME_HEADER, String.class);
            on((s, now) -> s.reading(r, source, name, now));
        } else if (failure != null) {
            // an mbus: poll's failure is counted once, by PollFailures from Camel's exchange events;
            // a route that still calls this bean in its onException must not count it again
            if (!(exchange.getFromEndpoint() instanceof MbusEndpoint)) {
                Source source = Source.of(exchange, null);
                on((s, now) -> s.failedPoll(source, failure, now));
            }
        } else {
            throw new IllegalArgumentException("homeAssistant expects a normalised reading (io.meterbridge.meter.Reading) "
                    + "or a failed poll, found a body of type " + (body == null ? "null" : body.getClass().getName())
                    + "; put it after the normalize step");
        }
    }

    /**
     * Compares the known meters with the sources the started routes configure now
     * ({@link MeterStates#reconcile}). Called shortly after start-up and after route changes.
     *
     * @return when to call again to finish pending removals, or empty if none are pending
     */
    public Optional<Duration> reconcile() {
        if (!active()) {
            return Optional.empty();
        }
        Set<Source> configured = new RouteInputs(context).configured();
        on((s, now) -> s.reconcile(configured, now));
        synchronized (this) {
            return state.removalsDueIn(System.nanoTime());
        }
    }

    /** The meter keys known now (announced, not removed). */
    public synchronized Set<String> meterKeys() {
        return state == null ? Set.of() : state.meterKeys();
    }

    /**
     * Hands {@code event} to the state at the moment it happens, writes the registry if it changed
     * and hands the messages to the outbox; one event at a time, so the messages of one never
     * interleave with another's. Nothing while not {@link #active()}.
     */
    void on(Event event) {
        if (!active()) {
            return;
        }
        synchronized (this) {
            List<Outgoing> messages = event.apply(state, System.nanoTime());
            try {
                registry.save();
            } catch (UncheckedIOException e) {
                LOG.error("{}", e.getMessage());
            }
            Outbox o = outbox;
            if (o != null) {
                messages.forEach(o::send);
            }
        }
    }

    /** Snapshot for diagnostics. */
    @Override
    public synchronized String toString() {
        return "HomeAssistantPublisher" + (state == null ? "[]" : state.toString());
    }
}
