package io.meterbridge.homeassistant;

import io.meterbridge.meter.MeterIdentity;
import io.meterbridge.meter.Reading;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds every message meterbridge publishes for Home Assistant, as pure functions: MQTT
 * <em>device</em> discovery (one retained config per device on
 * {@code <prefix>/device/<object_id>/config} with {@code dev}, {@code o} and {@code cmps}; Home
 * Assistant 2024.11 and later), states, availability and the removal of a meter. Device classes
 * that the configured Home Assistant release ({@link DiscoveryConfig#homeAssistant()}) does not
 * know yet are left out of the payloads ({@link DeviceClasses}).
 *
 * <p>Ids: a meter's device identifier and every unique id derive from its manufacturer and ID
 * ({@code meterbridge_kam_82937133}, {@code meterbridge_kam_82937133_heat_energy}), never from
 * its name or address, so they survive restarts, renames and re-addressing.
 *
 * <p>Availability: every meter entity is available only while both the bridge
 * (the service's {@code mqtt.availabilityTopic}, default {@code meterbridge/status}; last will {@code offline}) and the meter
 * ({@code <base>/<key>/availability}) are {@code online} ({@code availability_mode: all}); and
 * values expire ({@code expire_after}) after {@link DiscoveryConfig#expireAfterSeconds()} even
 * if the host dies without its last will being sent.
 */
public final class DeviceDiscovery {

    /** Payloads Home Assistant's availability uses by default. */
    public static final String ONLINE = "online";
    public static final String OFFLINE = "offline";

    private final DiscoveryConfig config;
    private final Topics topics;

    public DeviceDiscovery(DiscoveryConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.topics = new Topics(config);
    }

    public DiscoveryConfig config() {
        return config;
    }

    public Topics topics() {
        return topics;
    }

    /**
     * The retained discovery config of the meter that produced {@code reading}, with a sensor for
     * every value the reading holds.
     *
     * @param reading a reading of the meter (its values choose the sensors)
     * @param name the device name in Home Assistant, or {@code null} for
     *     "{@code <manufacturer> <model> <id>}"
     */
    public Publication meterConfig(Reading reading, String name) {
        return meterConfig(reading, name, Map.of());
    }

    /**
     * The retained discovery config of a meter with a sensor for every value of {@code reading}
     * and of {@code knownState}: pass the union of the states published for this meter so far
     * (e.g. the last {@link Reading#toMap()} merged into a map kept per meter), so that a value
     * one telegram lacks does not remove its entity — Home Assistant deletes components that
     * disappear from a device config. Publish the result whenever its payload differs from the
     * last one published for the meter (payloads are deterministic).
     *
     * @param reading the meter's latest reading
     * @param name the device name in Home Assistant, or {@code null} for the default
     * @param knownState earlier state maps of the same meter merged, or empty
     */
    public Publication meterConfig(Reading reading, String name, Map<String, Object> knownState) {
        MeterIdentity id = reading.meter();
        String key = id.stableKey();
        List<Component> components = MeterComponents.of(reading, topics.meterState(key), knownState);

        Map<String, Object> dev = new LinkedHashMap<>();
        dev.put("identifiers", List.of(deviceId(id)));
        dev.put("name", name != null && !name.isBlank() ? name : defaultName(id));
        dev.put("manufacturer", id.manufacturerName());
        dev.put("model", id.model());
        dev.put("serial_number", id.id());
        if (id.version() != null) {
            dev.put("hw_version", String.format(java.util.Locale.ROOT, "version 0x%02X", id.version()));
        }
        if (!config.sharedMeters()) {
            dev.put("via_device", bridgeDeviceId());
        }

        Map<String, Object> root = new LinkedHashMap<>();
        root.put("dev", dev);
        root.put("o", origin());
        root.put("cmps", cmps(key, components));
        root.put("availability", config.sharedMeters() ? List.of(availability(topics.meterAvailability(key)))
                : List.of(availability(topics.bridgeStatus()), availability(topics.meterAvailability(key))));
        root.put("availability_mode", "all");
        root.put("qos", 1);
        return new Publication(topics.meterConfig(key), Json.write(root), true, 1);
    }

    /** The empty retained config that makes Home Assistant remove a meter's device and entities. */
    public Publication meterRemoval(String meterKey) {
        return new Publication(topics.meterConfig(meterKey), "", true, 1);
    }

    /**
     * Everything to publish when a meter is removed from the configuration: the empty retained
     * config (Home Assistant removes the device and its entities) and the empty retained
     * availability, so nothing of the meter is left on the broker (its state is never retained).
     */
    public List<Publication> meterCleanup(String meterKey) {
        return List.of(meterRemoval(meterKey), new Publication(topics.meterAvailability(meterKey), "", true, 1));
    }

    /** A meter's state: its reading's flat map as JSON, not retained (an old reading is no reading). */
    public Publication state(Reading reading) {
        return new Publication(topics.meterState(reading.meter().stableKey()), Json.write(reading.toMap()), false,
                1);
    }

    /** A meter's availability, retained. */
    public Publication meterAvailability(String meterKey, boolean online) {
        return new Publication(topics.meterAvailability(meterKey), online ? ONLINE : OFFLINE, true, 1);
    }

    /** The bridge's availability, retained: publish {@code online} on every (re)connect. */
    public Publication bridgeAvailability(boolean online) {
        return new Publication(topics.bridgeStatus(), online ? ONLINE : OFFLINE, true, 1);
    }

    /**
     * True if a message is Home Assistant's birth message ({@code <prefix>/status} = {@code online}):
     * then publish the bridge config, every meter config and the availability topics again.
     */
    public boolean isHomeAssistantBirth(String topic, String payload) {
        return topics.homeAssistantStatus().equals(topic) && ONLINE.equals(payload == null ? null : payload.trim());
    }

    /** A meter's availability publication for a state whose {@link MeterAvailability#changed()} is true. */
    public Publication meterAvailability(String meterKey, MeterAvailability availability) {
        return meterAvailability(meterKey, availability.online());
    }

    /** The last will to register when connecting: {@code offline} on the bridge status topic, retained. */
    public Publication lastWill() {
        return bridgeAvailability(false);
    }

    /** The bridge's version and statistics, retained. */
    public Publication bridgeInfo(BridgeInfo info) {
        return new Publication(topics.bridgeInfo(), Json.write(info.toMap()), true, 1);
    }

    /** The retained discovery config of the bridge device: status, version and bus statistics. */
    public Publication bridgeConfig() {
        Map<String, Object> dev = new LinkedHashMap<>();
        dev.put("identifiers", List.of(bridgeDeviceId()));
        dev.put("name", config.bridgeName());
        dev.put("manufacturer", "meterbridge");
        dev.put("model", "M-Bus and P1 bridge");
        dev.put("sw_version", config.swVersion());

        String info = topics.bridgeInfo();
        List<Component> c = new ArrayList<>();
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("payload_on", ONLINE);
        status.put("payload_off", OFFLINE);
        c.add(new Component("status", "binary_sensor", "Status", "connectivity", null, null, null, true,
                topics.bridgeStatus(), "{{ value }}", false, status));
        c.add(bridgeSensor("version", "Version", null, null, info, "version"));
        c.add(bridgeSensor("started", "Started", "timestamp", null, info, "started_at"));
        c.add(bridgeSensor("polls", "Polls", null, "total_increasing", info, "polls"));
        c.add(bridgeSensor("failed_polls", "Failed polls", null, "total_increasing", info, "failed_polls"));
        c.add(bridgeSensor("telegrams", "Telegrams", null, "total_increasing", info, "telegrams"));
        c.add(bridgeSensor("timeouts", "Timeouts", null, "total_increasing", info, "timeouts"));
        c.add(bridgeSensor("frame_errors", "Frame errors", null, "total_increasing", info, "frame_errors"));
        c.add(bridgeSensor("retries", "Retries", null, "total_increasing", info, "retries"));
        c.add(bridgeSensor("meters_online", "Meters online", null, "measurement", info, "meters_online"));

        Map<String, Object> cmps = cmps(config.bridgeId(), c);
        // The status sensor itself must show "disconnected", not "unavailable": it gets no availability.
        for (Map.Entry<String, Object> e : cmps.entrySet()) {
            if (!e.getKey().equals("status")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> m = (Map<String, Object>) e.getValue();
                m.put("availability_topic", topics.bridgeStatus());
            }
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("dev", dev);
        root.put("o", origin());
        root.put("cmps", cmps);
        root.put("qos", 1);
        return new Publication(topics.bridgeConfig(), Json.write(root), true, 1);
    }

    private Component bridgeSensor(String key, String name, String deviceClass, String stateClass, String topic,
            String jsonKey) {
        return new Component(key, "sensor", name, deviceClass, null, stateClass, null, true, topic,
                Component.template(jsonKey), false, Map.of());
    }

    /** The {@code cmps} map; unique ids are {@code meterbridge_<owner>_<component key>}. */
    private Map<String, Object> cmps(String owner, List<Component> components) {
        Map<String, Object> cmps = new LinkedHashMap<>();
        for (Component c : components) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("p", c.platform());
            m.put("name", c.name());
            m.put("unique_id", Topics.ID_PREFIX + owner + "_" + c.key());
            // A release that does not know the class refuses the whole component: leave the class
            // out and keep unit and state class, so the value and its statistics still arrive.
            if (c.deviceClass() != null
                    && DeviceClasses.accepted(config.homeAssistant(), c.platform(), c.deviceClass(), c.unit())) {
                m.put("device_class", c.deviceClass());
            }
            if (c.unit() != null) {
                m.put("unit_of_measurement", c.unit());
            }
            if (c.stateClass() != null) {
                m.put("state_class", c.stateClass());
            }
            if (c.precision() != null) {
                m.put("suggested_display_precision", c.precision());
            }
            if (c.diagnostic()) {
                m.put("entity_category", "diagnostic");
            }
            m.put("state_topic", c.stateTopic());
            m.put("value_template", c.valueTemplate());
            if (c.expires()) {
                m.put("expire_after", config.expireAfterSeconds());
            }
            m.putAll(c.extra());
            if (cmps.put(c.key(), m) != null) {
                throw new IllegalStateException("two components with the key " + c.key());
            }
        }
        return cmps;
    }

    private Map<String, Object> origin() {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("name", "meterbridge");
        o.put("sw_version", config.swVersion());
        return o;
    }

    private static Map<String, Object> availability(String topic) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("topic", topic);
        a.put("payload_available", ONLINE);
        a.put("payload_not_available", OFFLINE);
        return a;
    }

    /** The Home Assistant device identifier of a meter: {@code meterbridge_<manufacturer>_<id>}. */
    public static String deviceId(MeterIdentity id) {
        return Topics.ID_PREFIX + id.stableKey();
    }

    /** The Home Assistant device identifier of this bridge: {@code meterbridge_<bridgeId>}. */
    public String bridgeDeviceId() {
        return Topics.ID_PREFIX + config.bridgeId();
    }

    private static String defaultName(MeterIdentity id) {
        return id.manufacturerName() + " " + id.model() + " " + id.id();
    }
}
