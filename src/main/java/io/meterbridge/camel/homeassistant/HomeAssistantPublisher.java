package io.meterbridge.camel.homeassistant;

import io.meterbridge.camel.mbus.MbusEndpoint;
import io.meterbridge.camel.mqtt.BrokerConnection;
import io.meterbridge.homeassistant.BridgeInfo;
import io.meterbridge.homeassistant.DeviceDiscovery;
import io.meterbridge.homeassistant.DiscoveryConfig;
import io.meterbridge.homeassistant.MeterAvailability;
import io.meterbridge.homeassistant.Publication;
import io.meterbridge.link.BusStatistics;
import io.meterbridge.meter.Reading;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Home Assistant over the bridge's MQTT connection (bean {@code homeAssistant}): routes hand it
 * every normalised {@link Reading} and every failed poll, and it keeps Home Assistant's view of
 * the meters right.
 *
 * <ul>
 * <li><b>Discovery.</b> On every (re)connect: the bridge device's config (status, version, bus
 * statistics as diagnostic sensors), its info, every known meter's config and availability. A
 * meter's config when it is first seen and whenever its sensor set changes; the sensor set is the
 * union of every value the meter ever sent (kept across restarts in the registry), so a value one
 * telegram lacks never deletes its entity. All again when Home Assistant announces itself
 * ({@code homeassistant/status} = {@code online}), with the last states.</li>
 * <li><b>State</b> per reading, shortly after the config if that was just published.</li>
 * <li><b>Availability.</b> A meter goes {@code offline} after
 * {@link HomeAssistantSettings#offlineAfterFailedPolls()} failed polls in a row and
 * {@code online} on the next good read; {@code expire_after} follows the poll interval. The bridge
 * itself is {@code online}/{@code offline} through the connection's last will.</li>
 * <li><b>Removal.</b> Each meter is remembered with its {@link Source} (route input and address)
 * in a registry file. When the routes change (start-up, route-file reload) every meter whose source
 * no route configures any more, and that is not read at another source within two poll intervals,
 * gets its empty retained config (Home Assistant removes the device) and empty retained
 * availability; a meter replaced by another at the same M-Bus address likewise, at once.</li>
 * </ul>
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
    /** Poll interval used for {@code expire_after} when neither the settings nor the routes give one. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMinutes(5);

    private final HomeAssistantSettings settings;
    private final BrokerConnection broker;
    private final CamelContext context;
    private final String version;
    private final Instant startedAt = Instant.now();
    private final Map<String, Meter> meters = new TreeMap<>();
    private final Map<Source, Integer> unknownFailures = new HashMap<>();
    private MeterRegistry registry = MeterRegistry.inMemory();
    private volatile Outbox outbox;
    private DeviceDiscovery discovery;
    private long holdUntilNanos;
    private long polls;
    private long failedPolls;

    /** What is known of one meter while the service runs. */
    private static final class Meter {
        final String key;
        Source source;
        String name;
        final Map<String, Object> known = new LinkedHashMap<>();
        String config;
        Reading last;
        long lastNanos;
        /** A meter that sends by itself: its usual interval between readings (a moving average), or 0. */
        long gapNanos;
        MeterAvailability availability = MeterAvailability.unknown();
        /** When no route was found to read it ({@link System#nanoTime()}), or 0. */
        long orphanedNanos;

        Meter(String key, Source source) {
            this.key = key;
            this.source = source;
        }
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
            registry = loadRegistry(settings.registryFile());
            for (MeterRegistry.Entry e : registry.meters().values()) {
                Meter m = new Meter(e.key(), e.source());
                m.name = e.name();
                m.known.putAll(e.knownState());
                m.config = e.config();
                meters.put(e.key(), m);
            }
            discovery = new DeviceDiscovery(discoveryConfig());
            LOG.info("Home Assistant discovery for Home Assistant {} and later (homeassistant.version)",
                    settings.homeAssistant());
        }
        outbox = new Outbox(broker, context.getExecutorServiceManager());
        broker.onConnected(b -> announce(false));
        broker.onHomeAssistantOnline(b -> announce(true));
    }

    @Override
    protected void doStop() throws Exception {
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
        // The address names the meter within an mbus: input (one route polls several meters); any
        // other input (p1:, a timer route reading one meter) is the meter's source by itself.
        String address = null;
        if (isPolled(exchange)) {
            address = exchange.getMessage().getHeader(Source.MBUS_ADDRESS_HEADER, String.class);
            if (address == null && body instanceof Reading r) {
                address = r.meter().primaryAddress() != null ? r.meter().primaryAddress().toString()
                        : r.meter().secondaryAddress() != null ? r.meter().secondaryAddress().toString() : null;
            }
        }
        if (failure == null && body instanceof Reading r) {
            reading(r, source(exchange, address), exchange.getMessage().getHeader(METER_NAME_HEADER, String.class));
        } else if (failure != null) {
            // an mbus: poll's failure is counted once, by PollFailures from Camel's exchange events;
            // a route that still calls this bean in its onException must not count it again
            if (!isPolled(exchange)) {
                failedPoll(source(exchange, address), failure);
            }
        } else {
            throw new IllegalArgumentException("homeAssistant expects a normalised reading (io.meterbridge.meter.Reading) "
                    + "or a failed poll, found a body of type " + (body == null ? "null" : body.getClass().getName())
                    + "; put it after the normalize step");
        }
    }

    private static boolean isPolled(Exchange exchange) {
        return exchange.getFromEndpoint() instanceof MbusEndpoint;
    }

    private static Source source(Exchange exchange, String address) {
        Endpoint from = exchange.getFromEndpoint();
        String endpoint = from != null ? from.getEndpointBaseUri() : "unknown:" + exchange.getFromRouteId();
        return new Source(endpoint, address);
    }

    /** A good read of the meter at {@code source}: state, and config and availability if they changed. */
    public void reading(Reading reading, Source source, String name) {
        if (!active()) {
            return;
        }
        String key = reading.meter().stableKey();
        boolean polled = !source.sendsByItself();
        synchronized (this) {
            if (polled) {
                polls++;
            }
            unknownFailures.remove(source);
            Meter m = meters.get(key);
            boolean save = false;
            if (m == null) {
                m = new Meter(key, source);
                meters.put(key, m);
                save = true;
                LOG.info("Home Assistant: new meter {} ({}) at {}", key, reading.meter().model(), source);
            } else if (!m.source.equals(source)) {
                LOG.info("Home Assistant: meter {} now read at {} (was {})", key, source, m.source);
                m.source = source;
                save = true;
            }
            m.orphanedNanos = 0;
            for (Meter other : List.copyOf(meters.values())) {
                if (other != m && other.source.equals(source) && source.address() != null) {
                    LOG.info("Home Assistant: meter {} at {} was replaced by {}; removing it", other.key, source, key);
                    remove(other);
                }
            }
            if (name != null && !name.isBlank() && !name.equals(m.name)) {
                m.name = name;
                save = true;
            }
            followPollInterval();
            int before = m.known.size();
            m.known.putAll(reading.toMap());
            save |= m.known.size() != before;
            long now = System.nanoTime();
            if (!polled && m.lastNanos != 0) {
                long gap = now - m.lastNanos;
                m.gapNanos = m.gapNanos == 0 ? gap : (3 * m.gapNanos + gap) / 4;
            }
            m.last = reading;
            m.lastNanos = now;
            Publication config = discovery.meterConfig(reading, m.name, m.known);
            if (!config.payload().equals(m.config)) {
                m.config = config.payload();
                save = true;
                sendConfig(config);
            }
            m.availability = m.availability.afterSuccess();
            if (m.availability.changed()) {
                send(discovery.meterAvailability(key, m.availability));
            }
            send(discovery.state(reading), holdUntilNanos, null);
            if (save) {
                persist(m);
            }
            if (polled) {
                send(discovery.bridgeInfo(bridgeInfo()));
            }
        }
    }

    /**
     * A failed poll of the meter at {@code source}: after
     * {@link HomeAssistantSettings#offlineAfterFailedPolls()} in a row it is shown offline. A meter
     * never read at that source yet is not known to Home Assistant and only counted.
     */
    public void failedPoll(Source source, Exception cause) {
        if (!active()) {
            return;
        }
        synchronized (this) {
            polls++;
            failedPolls++;
            Meter m = meters.values().stream().filter(x -> x.source.equals(source)).findFirst().orElse(null);
            if (m == null) {
                int n = unknownFailures.merge(source, 1, Integer::sum);
                LOG.debug("failed poll {} of {}, a meter not yet known to Home Assistant: {}", n, source,
                        cause == null ? "" : cause.getMessage());
            } else {
                m.availability = m.availability.afterFailure(settings.offlineAfterFailedPolls());
                if (m.availability.changed()) {
                    LOG.info("Home Assistant: meter {} at {} offline after {} failed polls", m.key, source,
                            m.availability.consecutiveFailures());
                    send(discovery.meterAvailability(m.key, m.availability));
                }
            }
            send(discovery.bridgeInfo(bridgeInfo()));
        }
    }

    /** How often {@link #checkSilence()} runs: often enough that offline comes within a quarter of the limit. */
    Duration silenceCheckPeriod() {
        long quarter = Math.max(100, settings.p1OfflineAfter().toMillis() / 4);
        return Duration.ofMillis(Math.min(quarter, 5000));
    }

    /**
     * Shows a P1 meter offline that has been silent for {@link HomeAssistantSettings#p1OfflineAfter()}
     * or three of its usual intervals, whichever is longer: cable pulled, dongle gone, meter
     * without power. A P1 meter has no failed polls to count (bad telegrams are dropped, not
     * failed), so silence is the only sign. It is online again with its next reading. Called
     * every few seconds.
     */
    public void checkSilence() {
        if (!active()) {
            return;
        }
        synchronized (this) {
            long now = System.nanoTime();
            for (Meter m : meters.values()) {
                if (!m.source.sendsByItself() || !m.availability.online() || m.lastNanos == 0) {
                    continue;
                }
                long allowed = Math.max(settings.p1OfflineAfter().toNanos(), 3 * m.gapNanos);
                if (now - m.lastNanos > allowed) {
                    m.availability = m.availability.afterSilence();
                    LOG.info("Home Assistant: meter {} at {} offline: no reading for {} s", m.key, m.source,
                            (now - m.lastNanos) / 1_000_000_000L);
                    send(discovery.meterAvailability(m.key, m.availability));
                }
            }
        }
    }

    /**
     * Compares the known meters with the sources the started routes configure now and follows a
     * changed poll interval ({@code expire_after}). A meter no route reads any more is removed
     * (empty retained config) after a grace of {@link #removalGrace()}, unless it is read at another
     * source meanwhile: a bus renamed from {@code /dev/ttyUSB0} to its {@code /dev/serial/by-id/}
     * path, or a meter moved to secondary addressing, keeps its device and entities. Called shortly
     * after start-up and after route changes.
     *
     * @return when to call again to finish pending removals, or empty if none are pending
     */
    public java.util.Optional<Duration> reconcile() {
        if (!active()) {
            return java.util.Optional.empty();
        }
        Set<Source> configured = RouteInputs.configured(context);
        synchronized (this) {
            long now = System.nanoTime();
            long grace = removalGrace().toNanos();
            long next = Long.MAX_VALUE;
            for (Meter m : List.copyOf(meters.values())) {
                if (configured.contains(m.source)) {
                    m.orphanedNanos = 0;
                } else if (m.orphanedNanos == 0) {
                    m.orphanedNanos = now;
                    next = Math.min(next, grace);
                    LOG.info("Home Assistant: no route reads {} any more; meter {} is removed after {} unless it is "
                            + "read elsewhere", m.source, m.key, removalGrace());
                } else if (now - m.orphanedNanos >= grace) {
                    LOG.info("Home Assistant: meter {} is no longer configured (no route reads {}); removing its device",
                            m.key, m.source);
                    remove(m);
                } else {
                    next = Math.min(next, grace - (now - m.orphanedNanos));
                }
            }
            followPollInterval();
            flushRemovals();
            return next == Long.MAX_VALUE ? java.util.Optional.empty()
                    : java.util.Optional.of(Duration.ofNanos(next).plusMillis(10));
        }
    }

    /**
     * Takes a changed poll interval into {@code expire_after} (the routes are read only once they
     * run, and a reload may change them) and re-publishes the configs that change with it.
     */
    private void followPollInterval() {
        DiscoveryConfig cfg = discoveryConfig();
        if (cfg.equals(discovery.config())) {
            return;
        }
        LOG.info("Home Assistant: poll interval {} (expire_after {} s)", cfg.pollInterval(), cfg.expireAfterSeconds());
        discovery = new DeviceDiscovery(cfg);
        for (Meter m : meters.values()) {
            if (m.last != null) {
                Publication config = discovery.meterConfig(m.last, m.name, m.known);
                if (!config.payload().equals(m.config)) {
                    m.config = config.payload();
                    sendConfig(config);
                    persist(m);
                }
            }
        }
    }

    /**
     * How long a meter that no route reads is kept before it is removed: two poll intervals, time
     * for its first read at a new source.
     */
    public synchronized Duration removalGrace() {
        return discovery.config().pollInterval().multipliedBy(2);
    }

    /** Everything retained again (after a connect), and with {@code states} the last states (Home Assistant restarted). */
    void announce(boolean states) {
        if (!active()) {
            return;
        }
        synchronized (this) {
            send(discovery.bridgeConfig());
            send(discovery.bridgeInfo(bridgeInfo()));
            flushRemovals();
            for (Meter m : meters.values()) {
                if (m.config != null) {
                    sendConfig(new Publication(discovery.topics().meterConfig(m.key), m.config, true, 1));
                }
                if (m.availability.state() != MeterAvailability.State.UNKNOWN) {
                    send(discovery.meterAvailability(m.key, m.availability.online()));
                }
            }
            if (states) {
                long fresh = Duration.ofSeconds(discovery.config().expireAfterSeconds()).toNanos();
                for (Meter m : meters.values()) {
                    if (m.last != null && System.nanoTime() - m.lastNanos < fresh) {
                        send(discovery.state(m.last), holdUntilNanos, null);
                    }
                }
            }
        }
    }

    /** The meter keys known now (announced, not removed). */
    public synchronized Set<String> meterKeys() {
        return Set.copyOf(meters.keySet());
    }

    private void send(Publication p) {
        send(p, 0, null);
    }

    /** Hands a message to the outbox; nothing once stopped. */
    private void send(Publication p, long notBeforeNanos, Runnable sent) {
        Outbox o = outbox;
        if (o != null) {
            o.send(p, notBeforeNanos, sent);
        }
    }

    private void sendConfig(Publication config) {
        send(config);
        holdUntilNanos = System.nanoTime() + settings.settleDelay().toNanos();
    }

    private void remove(Meter m) {
        meters.remove(m.key);
        registry.remove(m.key);
        saveRegistry();
    }

    private void flushRemovals() {
        for (String key : registry.pendingRemovals()) {
            List<Publication> cleanup = discovery.meterCleanup(key);
            for (int i = 0; i < cleanup.size(); i++) {
                Runnable done = i == cleanup.size() - 1 ? () -> removalPublished(key) : null;
                send(cleanup.get(i), 0, done);
            }
        }
    }

    private synchronized void removalPublished(String key) {
        if (!meters.containsKey(key)) {
            registry.removalPublished(key);
            saveRegistry();
        }
    }

    private void persist(Meter m) {
        registry.put(new MeterRegistry.Entry(m.key, m.source, m.name, m.known, m.config));
        saveRegistry();
    }

    private void saveRegistry() {
        try {
            registry.save();
        } catch (RuntimeException e) {
            LOG.error("{}", e.getMessage());
        }
    }

    private BridgeInfo bridgeInfo() {
        BusStatistics s = RouteInputs.busStatistics(context).orElse(null);
        int online = (int) meters.values().stream().filter(m -> m.availability.online()).count();
        return new BridgeInfo(version, startedAt, polls, failedPolls, s == null ? 0 : s.frames(),
                s == null ? 0 : s.timeouts(), s == null ? 0 : s.frameErrors() + s.checksumErrors() + s.collisions(),
                s == null ? 0 : s.retries(), online, meters.size());
    }

    private DiscoveryConfig discoveryConfig() {
        Duration poll = settings.pollInterval() != null ? settings.pollInterval()
                : RouteInputs.longestMbusDelay(context).orElse(DEFAULT_POLL_INTERVAL);
        return new DiscoveryConfig(settings.discoveryPrefix(), settings.baseTopic(), settings.bridgeId(),
                settings.bridgeName(), version, poll, settings.expireAfterPolls(), settings.bridgeStatusTopic(),
                settings.homeAssistant());
    }

    /** The registry file, or an empty registry if it cannot be read (the unreadable file is kept aside). */
    private static MeterRegistry loadRegistry(Path file) {
        try {
            return MeterRegistry.load(file);
        } catch (MeterRegistry.RegistryException e) {
            Path aside = file.resolveSibling(file.getFileName() + ".unreadable-" + System.currentTimeMillis());
            try {
                Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            } catch (java.io.IOException moveFailed) {
                aside = file;
            }
            LOG.error("{}; starting with no known meters (file kept as {}); meters removed from the routes "
                    + "meanwhile must be deleted in Home Assistant by hand", e.getMessage(), aside);
            return aside.equals(file) ? MeterRegistry.inMemory() : MeterRegistry.load(file);
        }
    }

    /** Snapshot for diagnostics. */
    @Override
    public synchronized String toString() {
        List<String> ms = new ArrayList<>();
        meters.values().forEach(m -> ms.add(m.key + "@" + m.source + "=" + m.availability.state()));
        return "HomeAssistantPublisher" + ms;
    }
}
