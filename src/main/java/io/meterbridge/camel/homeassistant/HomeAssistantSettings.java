package io.meterbridge.camel.homeassistant;

import io.meterbridge.homeassistant.DiscoveryConfig;
import io.meterbridge.homeassistant.HomeAssistantVersion;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.apache.camel.util.TimeUtils;

/**
 * The {@code homeassistant.*} properties of the service.
 *
 * <p>Defaults: {@code meterbridge-defaults.properties}, except where a blank value means something.
 *
 * @param enabled {@code homeassistant.enabled}: publish discovery, states and availability (when
 *     {@code mqtt.url} is set)
 * @param discoveryPrefix {@code homeassistant.discoveryPrefix}: Home Assistant's discovery prefix
 * @param baseTopic {@code mqtt.topicPrefix}: states and availability go under it
 * @param bridgeStatusTopic {@code mqtt.availabilityTopic}: the bridge's online/offline (last will) topic
 * @param bridgeId {@code homeassistant.bridgeId}: part of the bridge's device id; one per bridge
 * @param bridgeName {@code homeassistant.bridgeName}: the bridge device's name
 * @param pollInterval {@code homeassistant.pollInterval} ({@code 5m}, {@code 30s}): how often meters
 *     are read, for {@code expire_after}; null means "the longest {@code delay} of the
 *     {@code mbus:} polling routes, else 5 minutes"
 * @param expireAfterPolls {@code homeassistant.expireAfterPolls}: values go unavailable after this
 *     many poll intervals (plus a minute) without a reading
 * @param offlineAfterFailedPolls {@code homeassistant.offlineAfterFailedPolls}: a meter is shown
 *     offline after this many failed polls in a row
 * @param p1OfflineAfter {@code homeassistant.p1OfflineAfter}: a P1 meter, which sends by itself, is
 *     shown offline when no reading of it arrived for this long, or for three of its usual intervals
 *     if that is longer (default one minute)
 * @param homeAssistant {@code homeassistant.version} ({@code 2024.11}, {@code 2025.10.3}): the oldest
 *     Home Assistant release that is to read the discovery; device classes it does not know yet
 *     are left out
 * @param registryFile {@code homeassistant.registry}: the file of announced meters
 * @param settleDelay how long a state waits after a discovery config was published, so that
 *     Home Assistant has subscribed to the state topic when the state arrives
 * @param sharedMeters {@code cluster.zookeeper} is set: other instances may read these meters
 *     ({@link DiscoveryConfig#sharedMeters()})
 */
public record HomeAssistantSettings(boolean enabled, String discoveryPrefix, String baseTopic,
        String bridgeStatusTopic, String bridgeId, String bridgeName, Duration pollInterval, int expireAfterPolls,
        int offlineAfterFailedPolls, Duration p1OfflineAfter, HomeAssistantVersion homeAssistant, Path registryFile,
        Duration settleDelay, boolean sharedMeters) {

    /** Default of {@link #p1OfflineAfter()}. */
    public static final Duration P1_OFFLINE_AFTER = Duration.ofMinutes(1);

    /** Default of {@link #settleDelay()}. */
    public static final Duration SETTLE_DELAY = Duration.ofSeconds(1);

    /** Poll interval used for {@code expire_after} when neither the settings nor the routes give one. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMinutes(5);

    public HomeAssistantSettings {
        Objects.requireNonNull(discoveryPrefix, "discoveryPrefix");
        Objects.requireNonNull(baseTopic, "baseTopic");
        Objects.requireNonNull(bridgeStatusTopic, "bridgeStatusTopic");
        Objects.requireNonNull(bridgeId, "bridgeId");
        Objects.requireNonNull(bridgeName, "bridgeName");
        Objects.requireNonNull(settleDelay, "settleDelay");
        Objects.requireNonNull(homeAssistant, "homeAssistant");
        if (offlineAfterFailedPolls < 1) {
            throw new IllegalArgumentException(
                    "homeassistant.offlineAfterFailedPolls must be at least 1, found " + offlineAfterFailedPolls);
        }
        if (expireAfterPolls < 1) {
            throw new IllegalArgumentException("homeassistant.expireAfterPolls must be at least 1, found "
                    + expireAfterPolls);
        }
        Objects.requireNonNull(p1OfflineAfter, "p1OfflineAfter");
        if (p1OfflineAfter.isZero() || p1OfflineAfter.isNegative()) {
            throw new IllegalArgumentException("homeassistant.p1OfflineAfter must be positive, found " + p1OfflineAfter);
        }
        if (pollInterval != null && (pollInterval.isZero() || pollInterval.isNegative())) {
            throw new IllegalArgumentException("homeassistant.pollInterval must be positive, found " + pollInterval);
        }
    }

    /**
     * The discovery settings for meterbridge {@code version}, with {@link #pollInterval()} if set,
     * else {@code routesPoll} (the longest delay of the {@code mbus:} routes), else
     * {@link #DEFAULT_POLL_INTERVAL}.
     */
    public DiscoveryConfig discoveryConfig(String version, Optional<Duration> routesPoll) {
        Duration poll = pollInterval != null ? pollInterval : routesPoll.orElse(DEFAULT_POLL_INTERVAL);
        return new DiscoveryConfig(discoveryPrefix, baseTopic, bridgeId, bridgeName, version, poll, expireAfterPolls,
                bridgeStatusTopic, homeAssistant, sharedMeters);
    }

    /**
     * How often to look for silent P1 meters: a quarter of {@link #p1OfflineAfter()} (0.1 to 5 s),
     * so that offline comes at most that late.
     */
    public Duration silenceCheckPeriod() {
        long quarter = Math.max(100, p1OfflineAfter.toMillis() / 4);
        return Duration.ofMillis(Math.min(quarter, 5000));
    }

    /**
     * The settings from properties ({@code property} returns null for a missing or blank one). The
     * defaults are not repeated here: {@code meterbridge-defaults.properties}, always on the
     * service's classpath, is their one home.
     *
     * @throws IllegalArgumentException naming the property and what was expected
     * @throws IllegalStateException naming a property that has no value at all (the defaults were not loaded)
     */
    public static HomeAssistantSettings from(Function<String, String> property) {
        Duration p1Silence = duration(property, "homeassistant.p1OfflineAfter");
        return new HomeAssistantSettings(
                bool(property, "homeassistant.enabled"),
                required(property, "homeassistant.discoveryPrefix"),
                required(property, "mqtt.topicPrefix"),
                required(property, "mqtt.availabilityTopic"),
                required(property, "homeassistant.bridgeId"),
                required(property, "homeassistant.bridgeName"),
                duration(property, "homeassistant.pollInterval"),
                integer(property, "homeassistant.expireAfterPolls"),
                integer(property, "homeassistant.offlineAfterFailedPolls"),
                // optional in the settings (blank: this fallback), so not in the defaults file
                p1Silence != null ? p1Silence : P1_OFFLINE_AFTER,
                version(property, "homeassistant.version"),
                Path.of(required(property, "homeassistant.registry")),
                SETTLE_DELAY,
                property.apply("cluster.zookeeper") != null);
    }

    private static String required(Function<String, String> property, String key) {
        String v = property.apply(key);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException(key + " has no value; its default is in meterbridge-defaults.properties, "
                    + "which was not loaded");
        }
        return v.trim();
    }

    private static boolean bool(Function<String, String> property, String key) {
        String v = required(property, key);
        if (v.equalsIgnoreCase("true")) {
            return true;
        }
        if (v.equalsIgnoreCase("false")) {
            return false;
        }
        throw new IllegalArgumentException(key + ": expected true or false, found \"" + v + "\"");
    }

    private static Duration duration(Function<String, String> property, String key) {
        String v = property.apply(key);
        if (v == null) {
            return null;
        }
        try {
            return Duration.ofMillis(TimeUtils.toMilliSeconds(v));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(key + ": expected a duration such as 5m, 30s or 300000 (ms), found \""
                    + v + "\"", e);
        }
    }

    private static HomeAssistantVersion version(Function<String, String> property, String key) {
        String v = required(property, key);
        try {
            return HomeAssistantVersion.parse(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
        }
    }

    private static int integer(Function<String, String> property, String key) {
        String v = required(property, key);
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": expected a whole number, found \"" + v + "\"", e);
        }
    }
}
