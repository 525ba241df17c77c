package io.meterbridge.homeassistant;

import io.meterbridge.meter.MeterIdentity;

/**
 * The MQTT topics of meterbridge and of its Home Assistant discovery.
 *
 * <pre>
 * &lt;prefix&gt;/device/meterbridge_&lt;bridgeId&gt;/config      bridge device config      (retained)
 * &lt;prefix&gt;/device/meterbridge_&lt;meterKey&gt;/config      one per meter             (retained)
 * &lt;prefix&gt;/status                                 Home Assistant's birth/will ("online"/"offline")
 * mqtt.availabilityTopic (meterbridge/status)         bridge availability, last will (retained; configurable)
 * &lt;base&gt;/bridge/info                              version and bus statistics (JSON, retained)
 * &lt;base&gt;/&lt;meterKey&gt;/state                          a meter's reading (JSON)
 * &lt;base&gt;/&lt;meterKey&gt;/availability                   a meter's availability (retained)
 * </pre>
 * The meter key ({@link MeterIdentity#stableKey()}, e.g. {@code kam_82937133}) comes from
 * manufacturer and ID, so topics and ids do not change when a meter moves to another address
 * or gets another name.
 */
public final class Topics {

    /** Prefix of every device and unique id, so they never clash with other integrations' ids. */
    static final String ID_PREFIX = "meterbridge_";

    private final DiscoveryConfig config;

    public Topics(DiscoveryConfig config) {
        this.config = config;
    }

    /** Home Assistant's status topic; {@code online} there means "re-publish discovery". */
    public String homeAssistantStatus() {
        return config.discoveryPrefix() + "/status";
    }

    /** The bridge's availability topic ({@link DiscoveryConfig#bridgeStatusTopic()}). */
    public String bridgeStatus() {
        return config.bridgeStatusTopic();
    }

    public String bridgeInfo() {
        return config.baseTopic() + "/bridge/info";
    }

    public String bridgeConfig() {
        return deviceConfig(bridgeObjectId());
    }

    public String meterState(String meterKey) {
        return config.baseTopic() + "/" + checkKey(meterKey) + "/state";
    }

    public String meterAvailability(String meterKey) {
        return config.baseTopic() + "/" + checkKey(meterKey) + "/availability";
    }

    public String meterConfig(String meterKey) {
        return deviceConfig(meterObjectId(meterKey));
    }

    /** The object id of a meter's device config, e.g. {@code meterbridge_kam_82937133}. */
    public String meterObjectId(String meterKey) {
        return ID_PREFIX + checkKey(meterKey);
    }

    public String bridgeObjectId() {
        return ID_PREFIX + config.bridgeId();
    }

    private String deviceConfig(String objectId) {
        return config.discoveryPrefix() + "/device/" + objectId + "/config";
    }

    private static String checkKey(String meterKey) {
        if (!DiscoveryConfig.ID.matcher(meterKey).matches()) {
            throw new IllegalArgumentException(
                    "meter key may hold only letters, digits, '_' and '-', found \"" + meterKey + "\"");
        }
        return meterKey;
    }
}
