package io.meterbridge.camel.homeassistant;

import io.meterbridge.homeassistant.HomeAssistantVersion;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import org.apache.camel.util.TimeUtils;

/**
 * The {@code homeassistant.*} properties of the service.
 *
 * @param enabled {@code homeassistant.enabled}: publish discovery, states and availability (when
 *     {@code mqtt.url} is set); default true
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
 *     are left out (default {@link HomeAssistantVersion#DEVICE_DISCOVERY}, the first with device
 *     discovery)
 * @param registryFile {@code homeassistant.registry}: the file of announced meters
 * @param settleDelay how long a state waits after a discovery config was published, so that
 *     Home Assistant has subscribed to the state topic when the state arrives
 */
public record HomeAssistantSettings(boolean enabled, String discoveryPrefix, String baseTopic,
        String bridgeStatusTopic, String bridgeId, String bridgeName, Duration pollInterval, int expireAfterPolls,
        int offlineAfterFailedPolls, Duration p1OfflineAfter, HomeAssistantVersion homeAssistant, Path registryFile,
        Duration settleDelay) {

    /** Default of {@link #p1OfflineAfter()}. */
    public static final Duration P1_OFFLINE_AFTER = Duration.ofMinutes(1);

    /** Default of {@link #settleDelay()}. */
    public static final Duration SETTLE_DELAY = Duration.ofSeconds(1);

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
     * The settings from properties ({@code property} returns null for a missing or blank one).
     *
     * @throws IllegalArgumentException naming the property and what was expected
     */
    public static HomeAssistantSettings from(Function<String, String> property, Path defaultRegistry) {
        Duration poll = duration(property, "homeassistant.pollInterval");
        Duration p1Silence = duration(property, "homeassistant.p1OfflineAfter");
        String registry = property.apply("homeassistant.registry");
        return new HomeAssistantSettings(
                !"false".equalsIgnoreCase(or(property.apply("homeassistant.enabled"), "true")),
                or(property.apply("homeassistant.discoveryPrefix"), "homeassistant"),
                or(property.apply("mqtt.topicPrefix"), "meterbridge"),
                or(property.apply("mqtt.availabilityTopic"), "meterbridge/status"),
                or(property.apply("homeassistant.bridgeId"), "bridge"),
                or(property.apply("homeassistant.bridgeName"), "meterbridge"),
                poll,
                integer(property, "homeassistant.expireAfterPolls", 3),
                integer(property, "homeassistant.offlineAfterFailedPolls", 3),
                p1Silence != null ? p1Silence : P1_OFFLINE_AFTER,
                version(property, "homeassistant.version"),
                registry != null ? Path.of(registry) : defaultRegistry,
                SETTLE_DELAY);
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
        String v = property.apply(key);
        if (v == null || v.isBlank()) {
            return HomeAssistantVersion.DEVICE_DISCOVERY;
        }
        try {
            return HomeAssistantVersion.parse(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
        }
    }

    private static int integer(Function<String, String> property, String key, int fallback) {
        String v = property.apply(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": expected a whole number, found \"" + v + "\"", e);
        }
    }

    private static String or(String v, String fallback) {
        return v == null || v.isBlank() ? fallback : v.trim();
    }
}
