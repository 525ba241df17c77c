package io.meterbridge.homeassistant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Home Assistant's documented rules for MQTT device discovery payloads, as a table, so that
 * every payload meterbridge generates can be held against them.
 *
 * <p>Sources (read 2026-11; Home Assistant 2025.x):
 * <ul>
 * <li>Which release accepts which sensor and binary sensor device class with which unit: the
 *     history in {@code src/test/resources/homeassistant/device-class-history.csv}, one row per
 *     class and unit with the release that added it and the evidence (core pull requests,
 *     release changelogs, logged unit lists of past releases). A class a release does not know
 *     makes it refuse the whole component; an unknown unit is refused or warned about.</li>
 * <li>Sensor device classes, their units and state classes: Home Assistant developer docs,
 *     "Sensor entity → Available device classes" (developers.home-assistant.io/docs/core/entity/sensor),
 *     which is generated from {@code homeassistant/components/sensor/const.py}
 *     {@code DEVICE_CLASS_UNITS} and {@code DEVICE_CLASS_STATE_CLASSES} (home-assistant/core).
 *     Non-numeric classes ({@code date}, {@code enum}, {@code timestamp}) take neither unit nor
 *     state class.</li>
 * <li>Binary sensor device classes: developers.home-assistant.io/docs/core/entity/binary-sensor.</li>
 * <li>Discovery topic: {@code <prefix>/<component>/[<node_id>/]<object_id>/config} with ids of
 *     {@code [a-zA-Z0-9_-]+} (home-assistant.io/integrations/mqtt "Discovery topic";
 *     {@code mqtt/discovery.py TOPIC_MATCHER}).</li>
 * <li>Device discovery: {@code dev}/{@code device} (with {@code identifiers} or
 *     {@code connections}), {@code o}/{@code origin} (with {@code name}) and
 *     {@code cmps}/{@code components}, each with {@code p}/{@code platform} and, for an entity,
 *     {@code unique_id} ({@code mqtt/schemas.py DEVICE_DISCOVERY_SCHEMA}, {@code check_unique_id}).</li>
 * <li>Entity category: sensors may only be {@code diagnostic} (a sensor cannot be a
 *     {@code config} entity); {@code expire_after} a positive number of seconds; availability
 *     mode one of {@code all}, {@code any}, {@code latest} (integrations/sensor.mqtt,
 *     integrations/binary_sensor.mqtt).</li>
 * </ul>
 */
public final class HomeAssistantRules {

    static final Set<String> STATE_CLASSES = Set.of("measurement", "total", "total_increasing");
    private static final Set<String> MEASUREMENT = Set.of("measurement");
    private static final Set<String> TOTALS = Set.of("total", "total_increasing");
    private static final Set<String> ANY = STATE_CLASSES;
    private static final Set<String> NONE = Set.of();

    /** The oldest Home Assistant release meterbridge supports: the first with MQTT device discovery. */
    static final HomeAssistantVersion OLDEST = HomeAssistantVersion.DEVICE_DISCOVERY;
    /** The newest release whose device classes and units the history below was checked against. */
    static final HomeAssistantVersion NEWEST = new HomeAssistantVersion(2025, 11);

    /**
     * One row of {@code homeassistant/device-class-history.csv}: Home Assistant accepts
     * {@code deviceClass} with {@code unit} ({@code ""} for none) on {@code platform} from
     * release {@code since} on. A {@code since} of 2024.11 means "in every release with device
     * discovery"; {@code source} names the release that really added it and the evidence.
     */
    record Accepted(String platform, String deviceClass, String unit, HomeAssistantVersion since, String source) {
    }

    /** The history, read from the test resource (sources per row). */
    static final List<Accepted> HISTORY = history();

    private static List<Accepted> history() {
        try (var in = HomeAssistantRules.class.getResourceAsStream("/homeassistant/device-class-history.csv")) {
            if (in == null) {
                throw new IllegalStateException("homeassistant/device-class-history.csv is missing from the test resources");
            }
            List<Accepted> rows = new ArrayList<>();
            for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                rows.add(new Accepted(r.get("platform"), r.get("device_class"), r.get("unit"),
                        HomeAssistantVersion.parse(r.get("since")), r.get("source")));
            }
            return List.copyOf(rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The units Home Assistant {@code version} accepts with sensor device class {@code dc}; empty if it does not know it. */
    static Set<String> units(HomeAssistantVersion version, String dc) {
        Set<String> units = new TreeSet<>();
        for (Accepted a : HISTORY) {
            if (a.platform().equals("sensor") && a.deviceClass().equals(dc) && version.atLeast(a.since())) {
                units.add(a.unit());
            }
        }
        return units;
    }

    /** True if Home Assistant {@code version} knows device class {@code dc} on {@code platform}. */
    static boolean knows(HomeAssistantVersion version, String platform, String dc) {
        return HISTORY.stream().anyMatch(a -> a.platform().equals(platform) && a.deviceClass().equals(dc)
                && version.atLeast(a.since()));
    }

    /** Device class → allowed state classes (sensor/const.py DEVICE_CLASS_STATE_CLASSES). */
    static final Map<String, Set<String>> STATE_CLASSES_OF = Map.ofEntries(
            Map.entry("apparent_power", MEASUREMENT),
            Map.entry("current", MEASUREMENT),
            Map.entry("date", NONE),
            Map.entry("duration", ANY),
            Map.entry("energy", TOTALS),
            Map.entry("enum", NONE),
            Map.entry("frequency", MEASUREMENT),
            Map.entry("gas", TOTALS),
            Map.entry("power", MEASUREMENT),
            Map.entry("pressure", MEASUREMENT),
            Map.entry("reactive_power", MEASUREMENT),
            Map.entry("temperature", MEASUREMENT),
            Map.entry("temperature_delta", MEASUREMENT),
            Map.entry("timestamp", NONE),
            Map.entry("voltage", MEASUREMENT),
            Map.entry("volume", TOTALS),
            Map.entry("volume_flow_rate", MEASUREMENT),
            Map.entry("water", TOTALS),
            Map.entry("weight", ANY));

    static final Set<String> NON_NUMERIC = Set.of("date", "enum", "timestamp");

    /** Options of MQTT sensors (integrations/sensor.mqtt), full names and the abbreviation {@code p}. */
    static final Set<String> SENSOR_KEYS = Set.of("p", "platform", "name", "unique_id", "device_class",
            "unit_of_measurement", "state_class", "suggested_display_precision", "entity_category", "state_topic",
            "value_template", "expire_after", "json_attributes_topic", "json_attributes_template", "icon",
            "availability", "availability_topic", "availability_mode", "payload_available", "payload_not_available",
            "force_update", "last_reset_value_template", "qos", "enabled_by_default", "encoding", "options",
            "default_entity_id", "entity_picture");

    /** Options of MQTT binary sensors (integrations/binary_sensor.mqtt). */
    static final Set<String> BINARY_SENSOR_KEYS = Set.of("p", "platform", "name", "unique_id", "device_class",
            "entity_category", "state_topic", "value_template", "expire_after", "payload_on", "payload_off",
            "off_delay", "json_attributes_topic", "json_attributes_template", "icon", "availability",
            "availability_topic", "availability_mode", "payload_available", "payload_not_available", "force_update",
            "qos", "enabled_by_default", "encoding", "default_entity_id", "entity_picture");

    /** Device options (integrations/mqtt, "device" of every platform), full names. */
    static final Set<String> DEVICE_KEYS = Set.of("identifiers", "connections", "name", "manufacturer", "model",
            "model_id", "serial_number", "hw_version", "sw_version", "suggested_area", "configuration_url",
            "via_device");

    static final Set<String> ROOT_KEYS = Set.of("dev", "device", "o", "origin", "cmps", "components", "availability",
            "availability_topic", "availability_mode", "payload_available", "payload_not_available", "state_topic",
            "command_topic", "qos", "encoding", "~");

    static final Pattern ID = Pattern.compile("[a-zA-Z0-9_-]+");
    static final Pattern DEVICE_TOPIC = Pattern.compile("(?<prefix>[^+#]+)/device/(?<object>[a-zA-Z0-9_-]+)/config");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private HomeAssistantRules() {
    }

    /**
     * Every rule the device discovery publication breaks for the oldest supported Home Assistant
     * ({@link #OLDEST}), as "where: what"; empty if it is valid.
     */
    public static List<String> violations(Publication p) {
        return violations(p, OLDEST);
    }

    /** Every rule the publication breaks for Home Assistant {@code version}; empty if that release accepts it. */
    public static List<String> violations(Publication p, HomeAssistantVersion version) {
        List<String> v = new ArrayList<>();
        if (!DEVICE_TOPIC.matcher(p.topic()).matches()) {
            v.add("topic " + p.topic() + ": not <prefix>/device/<[a-zA-Z0-9_-]+>/config");
        }
        if (!p.retain()) {
            v.add("topic " + p.topic() + ": discovery config must be retained");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(p.payload());
        } catch (Exception e) {
            v.add("payload: not JSON: " + e.getMessage());
            return v;
        }
        if (root == null || !root.isObject()) {
            v.add("payload: not a JSON object");
            return v;
        }
        root.fieldNames().forEachRemaining(k -> {
            if (!ROOT_KEYS.contains(k)) {
                v.add("root: unknown key " + k);
            }
        });
        JsonNode dev = either(root, "dev", "device");
        if (dev == null || !dev.isObject()) {
            v.add("root: device (dev) missing");
        } else {
            dev.fieldNames().forEachRemaining(k -> {
                if (!DEVICE_KEYS.contains(k)) {
                    v.add("dev: unknown key " + k);
                }
            });
            JsonNode ids = dev.get("identifiers");
            boolean hasIds = ids != null && (ids.isTextual() && !ids.asText().isEmpty()
                    || ids.isArray() && ids.size() > 0);
            JsonNode cns = dev.get("connections");
            if (!hasIds && (cns == null || cns.size() == 0)) {
                v.add("dev: needs identifiers or connections");
            }
            if (ids != null && ids.isArray()) {
                ids.forEach(i -> {
                    if (!i.isTextual() || i.asText().isEmpty()) {
                        v.add("dev.identifiers: not a non-empty string: " + i);
                    }
                });
            }
            if (!text(dev, "name")) {
                v.add("dev: name missing");
            }
        }
        JsonNode origin = either(root, "o", "origin");
        if (origin == null || !text(origin, "name")) {
            v.add("root: origin (o) with a name missing");
        }
        availability(root, "root", v);
        JsonNode cmps = either(root, "cmps", "components");
        if (cmps == null || !cmps.isObject() || cmps.size() == 0) {
            v.add("root: components (cmps) missing or empty");
            return v;
        }
        for (Map.Entry<String, JsonNode> e : cmps.properties()) {
            component(e.getKey(), e.getValue(), root, version, v);
        }
        return v;
    }

    private static void component(String key, JsonNode c, JsonNode root, HomeAssistantVersion version,
            List<String> v) {
        String where = "cmps." + key;
        if (!ID.matcher(key).matches()) {
            v.add(where + ": component id not [a-zA-Z0-9_-]+");
        }
        JsonNode pn = either(c, "p", "platform");
        String platform = pn == null ? null : pn.asText();
        Set<String> allowed;
        if ("sensor".equals(platform)) {
            allowed = SENSOR_KEYS;
        } else if ("binary_sensor".equals(platform)) {
            allowed = BINARY_SENSOR_KEYS;
        } else {
            v.add(where + ": platform must be sensor or binary_sensor, found " + platform);
            return;
        }
        c.fieldNames().forEachRemaining(k -> {
            if (!allowed.contains(k)) {
                v.add(where + ": unknown " + platform + " option " + k);
            }
        });
        if (!text(c, "unique_id")) {
            v.add(where + ": unique_id missing");
        } else if (!ID.matcher(c.get("unique_id").asText()).matches()) {
            v.add(where + ": unique_id not [a-zA-Z0-9_-]+: " + c.get("unique_id").asText());
        }
        String stateTopic = text(c, "state_topic") ? c.get("state_topic").asText()
                : text(root, "state_topic") ? root.get("state_topic").asText() : null;
        if (stateTopic == null) {
            v.add(where + ": state_topic missing");
        } else if (stateTopic.contains("+") || stateTopic.contains("#") || stateTopic.isEmpty()) {
            v.add(where + ": state_topic has wildcards: " + stateTopic);
        }
        if (c.has("entity_category") && !"diagnostic".equals(c.get("entity_category").asText())) {
            v.add(where + ": entity_category of a " + platform + " must be diagnostic, found "
                    + c.get("entity_category").asText());
        }
        if (c.has("expire_after") && (!c.get("expire_after").canConvertToInt() || c.get("expire_after").asInt() <= 0)) {
            v.add(where + ": expire_after must be a positive integer");
        }
        availability(c, where, v);
        String dc = c.has("device_class") ? c.get("device_class").asText() : null;
        if (platform.equals("binary_sensor")) {
            if (dc != null && !knows(version, "binary_sensor", dc)) {
                v.add(where + ": Home Assistant " + version + " does not know binary_sensor device_class " + dc);
            }
            return;
        }
        String unit = c.has("unit_of_measurement") ? c.get("unit_of_measurement").asText() : null;
        String sc = c.has("state_class") ? c.get("state_class").asText() : null;
        if (sc != null && !STATE_CLASSES.contains(sc)) {
            v.add(where + ": unknown state_class " + sc);
        }
        if (c.has("suggested_display_precision")
                && (!c.get("suggested_display_precision").isInt() || c.get("suggested_display_precision").asInt() < 0)) {
            v.add(where + ": suggested_display_precision must be a non-negative integer");
        }
        if (dc == null) {
            return;
        }
        if (!knows(version, "sensor", dc)) {
            v.add(where + ": Home Assistant " + version + " does not know sensor device_class " + dc
                    + " and refuses the component");
            return;
        }
        if (NON_NUMERIC.contains(dc)) {
            if (unit != null) {
                v.add(where + ": non-numeric device_class " + dc + " takes no unit, found " + unit);
            }
            if (sc != null) {
                v.add(where + ": non-numeric device_class " + dc + " takes no state_class, found " + sc);
            }
            if (c.has("suggested_display_precision")) {
                v.add(where + ": non-numeric device_class " + dc + " takes no display precision");
            }
            return;
        }
        if (unit == null || !units(version, dc).contains(unit)) {
            v.add(where + ": in Home Assistant " + version + " device_class " + dc + " allows units "
                    + units(version, dc) + ", found " + unit);
        }
        if (sc != null && !STATE_CLASSES_OF.get(dc).contains(sc)) {
            v.add(where + ": device_class " + dc + " allows state classes " + STATE_CLASSES_OF.get(dc) + ", found "
                    + sc);
        }
    }

    private static void availability(JsonNode node, String where, List<String> v) {
        if (node.has("availability_mode")
                && !Set.of("all", "any", "latest").contains(node.get("availability_mode").asText())) {
            v.add(where + ": availability_mode must be all, any or latest");
        }
        JsonNode a = node.get("availability");
        if (a != null) {
            if (!a.isArray() || a.size() == 0) {
                v.add(where + ": availability must be a non-empty list");
            } else {
                a.forEach(e -> {
                    if (!text(e, "topic") || e.get("topic").asText().contains("+") || e.get("topic").asText().contains("#")) {
                        v.add(where + ": availability entry without a plain topic: " + e);
                    }
                });
            }
        }
        if (node.has("availability_topic") && a != null) {
            v.add(where + ": availability and availability_topic are exclusive");
        }
    }

    private static JsonNode either(JsonNode n, String abbreviation, String full) {
        if (n.has(abbreviation) && n.has(full)) {
            return null;
        }
        return n.has(abbreviation) ? n.get(abbreviation) : n.get(full);
    }

    private static boolean text(JsonNode n, String key) {
        return n.has(key) && n.get(key).isTextual() && !n.get(key).asText().isEmpty();
    }
}
