package io.meterbridge.camel.homeassistant;

import io.meterbridge.homeassistant.BridgeInfo;
import io.meterbridge.homeassistant.DeviceDiscovery;
import io.meterbridge.homeassistant.DiscoveryConfig;
import io.meterbridge.homeassistant.MeterAvailability;
import io.meterbridge.homeassistant.Publication;
import io.meterbridge.link.BusStatistics;
import io.meterbridge.meter.Reading;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Home Assistant's view of the meters, as pure state: each event (a good read, a failed poll, a
 * look for silent meters, the routes as they are now, a (re)connect) changes it and the
 * {@link MeterRegistry} it keeps, and returns the messages that tell Home Assistant. No I/O, no
 * Camel, no clock of its own (every event brings its {@link System#nanoTime()}), so that the rules
 * are tested by themselves; the {@link HomeAssistantPublisher} hands it one event at a time (it is
 * not thread safe), publishes the messages and writes the registry. The rules, in short: a meter's
 * config when first seen and whenever the union of the values it ever sent grows (a value one
 * telegram lacks never deletes its entity); its state per reading; offline after failed polls or
 * silence, online on the next good read; removed when no route reads it any more
 * ({@link #reconcile}); everything retained again on a (re)connect ({@link #announce}).
 */
final class MeterStates {

    private static final Logger LOG = LoggerFactory.getLogger(MeterStates.class);
    private static final BusStatistics NO_BUS = new BusStatistics(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** What the state asks of the running routes when it needs it: Camel's in the service, fixed values in tests. */
    interface Routes {
        /** For {@code expire_after} when the settings give no poll interval. */
        Optional<Duration> longestPollDelay();

        /** For the bridge's diagnostic sensors: the counters of the open M-Bus buses, summed. */
        Optional<BusStatistics> busStatistics();

        /**
         * The sources that another instance reads now: their meters are neither announced nor
         * shown offline from here, which would contradict the instance that reads them.
         */
        default Set<Source> polledElsewhere() {
            return Set.of();
        }
    }

    private final HomeAssistantSettings settings;
    private final String version;
    private final Instant startedAt;
    private final MeterRegistry registry;
    private final Routes routes;
    private final Map<String, KnownMeter> meters = new TreeMap<>();
    private final List<Outgoing> out = new ArrayList<>();
    private DeviceDiscovery discovery;
    private long holdUntilNanos;
    private long polls;
    private long failedPolls;

    /** Starts from the meters of {@code registry}, which it keeps up to date (the caller writes it). */
    MeterStates(HomeAssistantSettings settings, String version, Instant startedAt, MeterRegistry registry,
            Routes routes) {
        this.settings = settings;
        this.version = version;
        this.startedAt = startedAt;
        this.registry = registry;
        this.routes = routes;
        registry.meters().values().forEach(e -> meters.put(e.key(), KnownMeter.of(e)));
        discovery = new DeviceDiscovery(discoveryConfig());
    }

    /**
     * A good read of the meter at {@code source}, {@code name} its device name or null: its state,
     * and its config and availability if they changed.
     */
    List<Outgoing> reading(Reading reading, Source source, String name, long now) {
        String key = reading.meter().stableKey();
        KnownMeter m = meters.get(key);
        boolean save = false;
        if (m == null) {
            m = new KnownMeter(key, source);
            meters.put(key, m);
            save = true;
            LOG.info("Home Assistant: new meter {} ({}) at {}", key, reading.meter().model(), source);
        } else if (!m.source.equals(source)) {
            LOG.info("Home Assistant: meter {} now read at {} (was {})", key, source, m.source);
            save = true;
        }
        m.readAt(source);
        for (KnownMeter other : List.copyOf(meters.values())) {
            if (other != m && other.source.equals(source) && source.address() != null) {
                LOG.info("Home Assistant: meter {} at {} was replaced by {}; removing it", other.key, source, key);
                remove(other);
            }
        }
        if (name != null && !name.isBlank() && !name.equals(m.name)) {
            m.name = name;
            save = true;
        }
        followPollInterval(now);
        save |= m.take(reading, now);
        save |= publishConfig(m, now);
        // shared meters: the last instance to publish may have been another one, which said offline
        if (m.availability.changed() || settings.sharedMeters()) {
            send(discovery.meterAvailability(key, m.availability.online()));
        }
        sendState(m, now);
        if (save) {
            registry.put(m.entry());
        }
        if (!source.sendsByItself()) {
            polls++;
            send(discovery.bridgeInfo(bridgeInfo()));
        }
        return messages();
    }

    /**
     * A failed poll of the meter at {@code source}: offline after
     * {@link HomeAssistantSettings#offlineAfterFailedPolls()} in a row. A meter never read at that
     * source yet is not known to Home Assistant and only counted.
     */
    List<Outgoing> failedPoll(Source source, Exception cause, long now) {
        polls++;
        failedPolls++;
        KnownMeter m = meters.values().stream().filter(x -> x.source.equals(source)).findFirst().orElse(null);
        if (m == null) {
            LOG.debug("failed poll of {}, a meter not yet known to Home Assistant: {}", source,
                    cause == null ? "" : cause.getMessage());
        } else {
            if (m.failed(settings.offlineAfterFailedPolls())) {
                LOG.info("Home Assistant: meter {} at {} offline after {} failed polls", m.key, source,
                        m.availability.consecutiveFailures());
                send(discovery.meterAvailability(m.key, m.availability));
            }
        }
        send(discovery.bridgeInfo(bridgeInfo()));
        return messages();
    }

    /**
     * Shows the meters offline that send by themselves and fell silent (cable pulled, dongle gone,
     * meter without power): a P1 meter has no failed polls to count (bad telegrams are dropped, not
     * failed), so silence is the only sign. Online again with the next reading.
     */
    List<Outgoing> silence(long now) {
        Set<Source> elsewhere = routes.polledElsewhere();
        for (KnownMeter m : meters.values()) {
            if (!elsewhere.contains(m.source) && m.fellSilent(now, settings.p1OfflineAfter())) {
                LOG.info("Home Assistant: meter {} at {} offline: no reading for {} s", m.key, m.source,
                        (now - m.lastNanos) / 1_000_000_000L);
                send(discovery.meterAvailability(m.key, m.availability));
            }
        }
        return messages();
    }

    /**
     * Compares the known meters with the sources the started routes configure now and follows a
     * changed poll interval. A meter no route reads any more is removed after {@link #removalGrace()}
     * unless it is read at another source meanwhile: a bus renamed from {@code /dev/ttyUSB0} to its
     * {@code /dev/serial/by-id/} path, or a meter moved to secondary addressing, keeps its device
     * and entities. {@link #removalsDueIn} says when to compare again.
     */
    List<Outgoing> reconcile(Set<Source> configured, long now) {
        for (KnownMeter m : List.copyOf(meters.values())) {
            if (m.unreadFor(removalGrace(), configured, now)) {
                LOG.info("Home Assistant: meter {} is no longer configured (no route reads {}); removing its device",
                        m.key, m.source);
                remove(m);
            }
        }
        followPollInterval(now);
        flushRemovals();
        return messages();
    }

    /** When {@link #reconcile} must run again to finish the removals that wait out their grace; empty if none wait. */
    Optional<Duration> removalsDueIn(long now) {
        return meters.values().stream().flatMap(m -> m.unreadForIn(removalGrace(), now).stream())
                .min(Comparator.naturalOrder());
    }

    /**
     * Everything retained again (after a connect), and with {@code states} the last states that
     * have not expired yet (Home Assistant restarted).
     */
    List<Outgoing> announce(boolean states, long now) {
        send(discovery.bridgeConfig());
        send(discovery.bridgeInfo(bridgeInfo()));
        flushRemovals();
        Set<Source> elsewhere = routes.polledElsewhere();
        for (KnownMeter m : meters.values()) {
            if (elsewhere.contains(m.source)) {
                continue;
            }
            if (m.config != null) {
                send(new Publication(discovery.topics().meterConfig(m.key), m.config, true, 1));
                holdUntilNanos = now + settings.settleDelay().toNanos();
            }
            if (m.availability.state() != MeterAvailability.State.UNKNOWN) {
                send(discovery.meterAvailability(m.key, m.availability.online()));
            }
        }
        Duration expiry = Duration.ofSeconds(discovery.config().expireAfterSeconds());
        meters.values().stream().filter(m -> states && !elsewhere.contains(m.source) && m.readWithin(now, expiry))
                .forEach(m -> sendState(m, now));
        return messages();
    }

    /** The broker acknowledged the last message removing {@code key}: it need not be published again. */
    List<Outgoing> removalPublished(String key) {
        if (!meters.containsKey(key)) {
            registry.removalPublished(key);
        }
        return messages();
    }

    /** How long a meter that no route reads is kept: two poll intervals. */
    Duration removalGrace() {
        return discovery.config().pollInterval().multipliedBy(2);
    }

    /** The meter keys known now (announced, not removed). */
    Set<String> meterKeys() {
        return Set.copyOf(meters.keySet());
    }

    /**
     * Takes a changed poll interval into {@code expire_after} (the routes are read only once they
     * run, and a reload may change them) and re-publishes the configs that change with it.
     */
    private void followPollInterval(long now) {
        DiscoveryConfig cfg = discoveryConfig();
        if (cfg.equals(discovery.config())) {
            return;
        }
        LOG.info("Home Assistant: poll interval {} (expire_after {} s)", cfg.pollInterval(), cfg.expireAfterSeconds());
        discovery = new DeviceDiscovery(cfg);
        for (KnownMeter m : meters.values()) {
            if (m.last != null && publishConfig(m, now)) {
                registry.put(m.entry());
            }
        }
    }

    /** Publishes the meter's config if it differs from the one last published; true if it did. */
    private boolean publishConfig(KnownMeter m, long now) {
        Publication config = discovery.meterConfig(m.last, m.name, m.known);
        if (config.payload().equals(m.config)) {
            return false;
        }
        m.config = config.payload();
        send(config);
        holdUntilNanos = now + settings.settleDelay().toNanos();
        return true;
    }

    private void sendState(KnownMeter m, long now) {
        out.add(new Outgoing(discovery.state(m.last), holdUntilNanos - now > 0 ? holdUntilNanos : 0, null));
    }

    private void send(Publication p) {
        out.add(new Outgoing(p, 0, null));
    }

    /** The removals not yet acknowledged (the broker was away, or they were just decided). */
    private void flushRemovals() {
        for (String key : registry.pendingRemovals()) {
            List<Publication> cleanup = discovery.meterCleanup(key);
            for (int i = 0; i < cleanup.size(); i++) {
                out.add(new Outgoing(cleanup.get(i), 0, i == cleanup.size() - 1 ? key : null));
            }
        }
    }

    private void remove(KnownMeter m) {
        meters.remove(m.key);
        registry.remove(m.key);
    }

    private List<Outgoing> messages() {
        List<Outgoing> messages = List.copyOf(out);
        out.clear();
        return messages;
    }

    private BridgeInfo bridgeInfo() {
        BusStatistics s = routes.busStatistics().orElse(NO_BUS);
        int online = (int) meters.values().stream().filter(m -> m.availability.online()).count();
        return new BridgeInfo(version, startedAt, polls, failedPolls, s.frames(), s.timeouts(),
                s.frameErrors() + s.checksumErrors() + s.collisions(), s.retries(), online, meters.size());
    }

    private DiscoveryConfig discoveryConfig() {
        return settings.discoveryConfig(version, routes.longestPollDelay());
    }

    /** Snapshot for diagnostics: each meter's key, source and availability. */
    @Override
    public String toString() {
        return meters.values().toString();
    }
}
