package io.meterbridge.homeassistant;

import java.util.Map;
import java.util.Objects;

/**
 * Which Home Assistant Core release first accepts each device class meterbridge announces, and
 * each unit it announces with that class. A release that does not know a sensor device class
 * refuses the whole component (its MQTT schema coerces {@code device_class} to
 * {@code SensorDeviceClass} and logs an ERROR at every discovery); a unit the release does not
 * allow for the class is refused (recent releases) or warned about (older ones). So
 * {@link DeviceDiscovery} leaves the device class out where the configured release is older
 * than the table says, and keeps unit and state class: the entity then shows its value and
 * statistics, only without the class's conversions and icons.
 *
 * <p>The history, from Home Assistant's own records (core pull requests and the release
 * changelogs in home-assistant/home-assistant.io {@code source/changelogs/core-*.markdown}):
 * <table>
 * <caption>First Home Assistant Core release that accepts each device class and unit</caption>
 * <tr><th>device class</th><th>unit</th><th>first release</th><th>source</th></tr>
 * <tr><td>temperature_delta</td><td>K</td><td>2025.11</td><td>core #147358 "Add TEMPERATURE_DELTA device
 *     class to Number and Sensor entities", in changelogs/core-2025.11</td></tr>
 * <tr><td>power</td><td>MW</td><td>2024.12</td><td>core #130089 "Add support for MW/GW/TW and GWh/TWh",
 *     in changelogs/core-2024.12; 2024.5 still warned "expected one of ['kW', 'W']" (core issue #118486)</td></tr>
 * <tr><td>power</td><td>W, kW</td><td>2024.5 or earlier</td><td>unit list of 2024.5 (core issue #118486)</td></tr>
 * <tr><td>energy</td><td>J, kJ</td><td>2024.8 to 2024.10</td><td>2024.7.2 allowed only kWh, Wh, GJ,
 *     MWh, MJ (rct-power-integration issue #394); 2024.10 allows J and kJ (electrolux_status issue
 *     #102; calories came with them, core #122796, developers' blog 2024-09-10)</td></tr>
 * <tr><td>energy</td><td>MJ</td><td>2023.2</td><td>core #86055 "Add Mega Joule as valid unit of energy",
 *     merged 2023-01-25</td></tr>
 * <tr><td>energy</td><td>GJ</td><td>2022.11</td><td>core #80870 "Add GJ as supported unit for energy sensors",
 *     merged 2022-10-24</td></tr>
 * <tr><td>energy</td><td>Wh, kWh, MWh</td><td>2023.6 or earlier</td><td>unit list of 2023.6 (core issue #94385)</td></tr>
 * <tr><td>volume_flow_rate</td><td>m³/h</td><td>2024.2</td><td>core #106077 "Flow rate unit conversions and
 *     device class", in changelogs/core-2024.2</td></tr>
 * <tr><td>water</td><td>m³</td><td>2022.11</td><td>release notes 2022.11 "Getting insights into water
 *     usage" (blog/2022/11/02/release-202211)</td></tr>
 * <tr><td>volume</td><td>m³</td><td>2022.10</td><td>developers' blog 2022-09-28 "New sensor device classes"</td></tr>
 * <tr><td>duration</td><td>s, min, h, d</td><td>2022.5</td><td>core #70543 "Add duration device class to
 *     sensor platform", merged 2022-04</td></tr>
 * <tr><td>gas, temperature, voltage, current, date, timestamp</td><td>m³; °C; V; A; none; none</td>
 *     <td>2022.10 or earlier</td><td>in the device class list of 2022.10 (OpenBK7231T_App issue #329)
 *     and of 2024.10 (wican-fw issue #217), which has no temperature_delta yet</td></tr>
 * <tr><td>binary_sensor problem, connectivity</td><td>none</td><td>long before 2024.11</td>
 *     <td>binary_sensor {@code BinarySensorDeviceClass}; the exact release was not looked up</td></tr>
 * </table>
 * Only what was added after {@link HomeAssistantVersion#DEVICE_DISCOVERY} changes what is
 * published: the older entries are here so that a class or unit meterbridge announces without an
 * entry is treated as unknown (announced without its device class) rather than guessed at.
 */
final class DeviceClasses {

    /** In every release that reads device discovery; the table above names the release that added it. */
    private static final HomeAssistantVersion ALWAYS = HomeAssistantVersion.DEVICE_DISCOVERY;
    private static final HomeAssistantVersion V2024_12 = new HomeAssistantVersion(2024, 12);
    private static final HomeAssistantVersion V2025_11 = new HomeAssistantVersion(2025, 11);

    /** A class that takes no unit (date, timestamp, binary sensors) is keyed with this unit. */
    private static final String NO_UNIT = "";

    /** Sensor device class → unit → the first release that accepts the two together. */
    private static final Map<String, Map<String, HomeAssistantVersion>> SENSOR = Map.ofEntries(
            Map.entry("energy", Map.of("J", ALWAYS, "kJ", ALWAYS, "MJ", ALWAYS, "GJ", ALWAYS, "Wh", ALWAYS,
                    "kWh", ALWAYS, "MWh", ALWAYS)),
            Map.entry("power", Map.of("W", ALWAYS, "kW", ALWAYS, "MW", V2024_12)),
            Map.entry("temperature", Map.of("°C", ALWAYS)),
            Map.entry("temperature_delta", Map.of("K", V2025_11)),
            Map.entry("volume_flow_rate", Map.of("m³/h", ALWAYS)),
            Map.entry("water", Map.of("m³", ALWAYS)),
            Map.entry("gas", Map.of("m³", ALWAYS)),
            Map.entry("volume", Map.of("m³", ALWAYS)),
            Map.entry("duration", Map.of("s", ALWAYS, "min", ALWAYS, "h", ALWAYS, "d", ALWAYS)),
            Map.entry("voltage", Map.of("V", ALWAYS)),
            Map.entry("current", Map.of("A", ALWAYS)),
            Map.entry("date", Map.of(NO_UNIT, ALWAYS)),
            Map.entry("timestamp", Map.of(NO_UNIT, ALWAYS)));

    /** Binary sensor device class → the first release that knows it. */
    private static final Map<String, HomeAssistantVersion> BINARY_SENSOR = Map.of(
            "problem", ALWAYS,
            "connectivity", ALWAYS);

    private DeviceClasses() {
    }

    /**
     * True if Home Assistant {@code version} accepts {@code deviceClass} on a {@code platform}
     * entity with {@code unit} ({@code null} for none).
     */
    static boolean accepted(HomeAssistantVersion version, String platform, String deviceClass, String unit) {
        Objects.requireNonNull(version, "version");
        HomeAssistantVersion since = switch (platform) {
            case "sensor" -> SENSOR.getOrDefault(deviceClass, Map.of()).get(unit == null ? NO_UNIT : unit);
            case "binary_sensor" -> BINARY_SENSOR.get(deviceClass);
            default -> null;
        };
        return since != null && version.atLeast(since);
    }
}
