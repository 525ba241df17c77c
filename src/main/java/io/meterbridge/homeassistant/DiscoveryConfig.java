package io.meterbridge.homeassistant;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Settings of Home Assistant discovery.
 *
 * @param discoveryPrefix Home Assistant's discovery prefix ({@code homeassistant})
 * @param baseTopic the topic under which meterbridge publishes states and availability
 *     ({@code meterbridge})
 * @param bridgeId this bridge's id, part of its device identifier; letters, digits, {@code _}
 *     and {@code -} only ({@code bridge}; give each bridge its own if you run several)
 * @param bridgeName the bridge device's name in Home Assistant
 * @param swVersion meterbridge's version, shown as the origin's and bridge's software version
 * @param pollInterval how often meters are read; sets {@code expire_after}
 * @param expireAfterPolls after how many poll intervals without a reading Home Assistant shows a
 *     meter's values as unavailable (the host may have died without its last will: power cut)
 * @param bridgeStatusTopic the bridge's availability topic: where the MQTT connection publishes
 *     {@code online} on every (re)connect and the broker its last will {@code offline}
 *     ({@code <baseTopic>/bridge/status} unless the service's {@code mqtt.availabilityTopic} says otherwise)
 * @param homeAssistant the oldest Home Assistant release that is to read the payloads: device
 *     classes and units it does not know yet are left out (see {@link DeviceClasses})
 * @param sharedMeters the meters are read by whichever of several bridges polls their bus now:
 *     their configs then name no bridge (no {@code via_device}, not the bridge's availability),
 *     so every bridge publishes the same config, and a bus moving to another bridge changes
 *     nothing in Home Assistant; a meter is unavailable by its own availability topic and by
 *     {@code expire_after} when no bridge reads it
 */
public record DiscoveryConfig(String discoveryPrefix, String baseTopic, String bridgeId, String bridgeName,
        String swVersion, Duration pollInterval, int expireAfterPolls, String bridgeStatusTopic,
        HomeAssistantVersion homeAssistant, boolean sharedMeters) {

    /** Home Assistant's rule for node and object ids in discovery topics (mqtt/discovery.py TOPIC_MATCHER). */
    static final Pattern ID = Pattern.compile("[a-zA-Z0-9_-]+");

    public DiscoveryConfig {
        requireTopic("discovery prefix", discoveryPrefix);
        requireTopic("base topic", baseTopic);
        Objects.requireNonNull(bridgeId, "bridgeId");
        if (!ID.matcher(bridgeId).matches()) {
            throw new IllegalArgumentException(
                    "bridge id may hold only letters, digits, '_' and '-' (Home Assistant discovery ids), found \""
                            + bridgeId + "\"");
        }
        Objects.requireNonNull(bridgeName, "bridgeName");
        Objects.requireNonNull(swVersion, "swVersion");
        Objects.requireNonNull(pollInterval, "pollInterval");
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("poll interval must be positive, found " + pollInterval);
        }
        if (expireAfterPolls < 1) {
            throw new IllegalArgumentException("expireAfterPolls must be at least 1, found " + expireAfterPolls);
        }
        requireTopic("bridge status topic", bridgeStatusTopic);
        Objects.requireNonNull(homeAssistant, "homeAssistant");
    }

    /** Settings for one bridge that reads its meters alone. */
    public DiscoveryConfig(String discoveryPrefix, String baseTopic, String bridgeId, String bridgeName,
            String swVersion, Duration pollInterval, int expireAfterPolls, String bridgeStatusTopic,
            HomeAssistantVersion homeAssistant) {
        this(discoveryPrefix, baseTopic, bridgeId, bridgeName, swVersion, pollInterval, expireAfterPolls,
                bridgeStatusTopic, homeAssistant, false);
    }

    /** Settings for the oldest Home Assistant with device discovery, {@link HomeAssistantVersion#DEVICE_DISCOVERY}. */
    public DiscoveryConfig(String discoveryPrefix, String baseTopic, String bridgeId, String bridgeName,
            String swVersion, Duration pollInterval, int expireAfterPolls, String bridgeStatusTopic) {
        this(discoveryPrefix, baseTopic, bridgeId, bridgeName, swVersion, pollInterval, expireAfterPolls,
                bridgeStatusTopic, HomeAssistantVersion.DEVICE_DISCOVERY);
    }

    /** Settings whose bridge status topic is {@code <baseTopic>/bridge/status}, for Home Assistant 2024.11 and later. */
    public DiscoveryConfig(String discoveryPrefix, String baseTopic, String bridgeId, String bridgeName,
            String swVersion, Duration pollInterval, int expireAfterPolls) {
        this(discoveryPrefix, baseTopic, bridgeId, bridgeName, swVersion, pollInterval, expireAfterPolls,
                baseTopic + "/bridge/status", HomeAssistantVersion.DEVICE_DISCOVERY);
    }

    /**
     * Defaults: prefix {@code homeassistant}, base {@code meterbridge}, bridge {@code bridge}, 5
     * minutes, 3 polls, Home Assistant 2024.11 and later.
     */
    public static DiscoveryConfig defaults(String swVersion) {
        return new DiscoveryConfig("homeassistant", "meterbridge", "bridge", "meterbridge", swVersion,
                Duration.ofMinutes(5), 3);
    }

    /** The same settings for payloads that Home Assistant {@code release} and later read. */
    public DiscoveryConfig forHomeAssistant(HomeAssistantVersion release) {
        return new DiscoveryConfig(discoveryPrefix, baseTopic, bridgeId, bridgeName, swVersion, pollInterval,
                expireAfterPolls, bridgeStatusTopic, release, sharedMeters);
    }

    /**
     * {@code expire_after} in seconds: {@code expireAfterPolls} poll intervals plus one minute for
     * a slow bus (a 300-baud read of two meters takes tens of seconds), rounded up.
     */
    public long expireAfterSeconds() {
        long poll = (pollInterval.toMillis() + 999) / 1000;
        return poll * expireAfterPolls + 60;
    }

    private static void requireTopic(String what, String topic) {
        Objects.requireNonNull(topic, what);
        if (topic.isEmpty() || topic.startsWith("/") || topic.endsWith("/") || topic.contains("//")
                || topic.contains("+") || topic.contains("#")) {
            throw new IllegalArgumentException(what + " must be a topic without wildcards, without empty levels "
                    + "and without a leading or trailing '/', found \"" + topic + "\"");
        }
    }
}
