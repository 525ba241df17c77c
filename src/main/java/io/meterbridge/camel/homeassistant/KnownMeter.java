package io.meterbridge.camel.homeassistant;

import io.meterbridge.homeassistant.MeterAvailability;
import io.meterbridge.meter.Reading;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@link MeterStates} knows of one meter: what the {@link MeterRegistry} keeps of it across
 * restarts (where it is read, its name, the union of the values it ever sent, its last config) and
 * what only this run knows (its last reading, its availability, its usual interval, since when no
 * route reads it). Pure, like its owner.
 */
final class KnownMeter {

    private static final Logger LOG = LoggerFactory.getLogger(KnownMeter.class);

    final String key;
    Source source;
    String name;
    /** Every value the meter ever sent, the latest of each: its sensor set. */
    final Map<String, Object> known = new LinkedHashMap<>();
    String config;
    Reading last;
    long lastNanos;
    MeterAvailability availability = MeterAvailability.unknown();
    /** Since when no route reads it, or null. */
    private Long unreadSince;
    /** A meter that sends by itself: its usual interval between readings (a moving average), or 0. */
    private long gapNanos;

    KnownMeter(String key, Source source) {
        this.key = key;
        this.source = source;
    }

    /** The meter as the registry kept it: not read yet in this run, its availability unknown. */
    static KnownMeter of(MeterRegistry.Entry e) {
        KnownMeter m = new KnownMeter(e.key(), e.source());
        m.name = e.name();
        m.known.putAll(e.knownState());
        m.config = e.config();
        return m;
    }

    MeterRegistry.Entry entry() {
        return new MeterRegistry.Entry(key, source, name, known, config);
    }

    /** Takes a good reading at {@code now}: online; true if it brought a value never seen (the config grows). */
    boolean take(Reading reading, long now) {
        int before = known.size();
        known.putAll(reading.toMap());
        if (source.sendsByItself() && last != null) {
            long gap = now - lastNanos;
            gapNanos = gapNanos == 0 ? gap : (3 * gapNanos + gap) / 4;
        }
        last = reading;
        lastNanos = now;
        availability = availability.afterSuccess();
        return known.size() != before;
    }

    /** A failed poll: true if that took it offline now. */
    boolean failed(int offlineAfterFailedPolls) {
        availability = availability.afterFailure(offlineAfterFailedPolls);
        return availability.changed();
    }

    /**
     * Takes an online meter that sends by itself offline if it has been silent for {@code limit} or
     * three of its usual intervals, whichever is longer (one sending every 30 s is not late at
     * 60 s); true if it did.
     */
    boolean fellSilent(long now, Duration limit) {
        if (!source.sendsByItself() || !availability.online() || last == null
                || now - lastNanos <= Math.max(limit.toNanos(), 3 * gapNanos)) {
            return false;
        }
        availability = availability.afterSilence();
        return true;
    }

    /** A good read at {@code source}: a route reads it (again). */
    void readAt(Source source) {
        this.source = source;
        unreadSince = null;
    }

    /**
     * The routes configure {@code configured} now: true once none of them has read this meter for
     * {@code grace}, time for its first read at a new source (a renamed bus, secondary addressing).
     */
    boolean unreadFor(Duration grace, Set<Source> configured, long now) {
        if (configured.contains(source)) {
            unreadSince = null;
        } else if (unreadSince == null) {
            unreadSince = now;
            LOG.info("Home Assistant: no route reads {} any more; meter {} is removed after {} unless it is "
                    + "read elsewhere", source, key, grace);
        }
        return unreadSince != null && now - unreadSince >= grace.toNanos();
    }

    /** When {@link #unreadFor} will say true (10 ms late, to be sure), or empty while a route reads it. */
    Optional<Duration> unreadForIn(Duration grace, long now) {
        return unreadSince == null ? Optional.empty()
                : Optional.of(Duration.ofNanos(Math.max(0, grace.toNanos() - (now - unreadSince))).plusMillis(10));
    }

    @Override
    public String toString() {
        return key + "@" + source + "=" + availability.state();
    }

    /** True if its last reading of this run is younger than {@code age}. */
    boolean readWithin(long now, Duration age) {
        return last != null && now - lastNanos < age.toNanos();
    }
}
