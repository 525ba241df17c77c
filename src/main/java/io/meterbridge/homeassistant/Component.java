package io.meterbridge.homeassistant;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One entity of a device: an entry of {@code cmps} in a device discovery payload.
 *
 * @param key the component id inside {@code cmps} and the tail of its unique id
 *     ({@code heat_energy}); letters, digits, {@code _}, {@code -}
 * @param platform {@code sensor} or {@code binary_sensor}
 * @param name the entity name shown after the device name ({@code "Heat energy"})
 * @param deviceClass Home Assistant device class, or {@code null}
 * @param unit unit of measurement exactly as Home Assistant spells it ({@code m³}, {@code °C}), or {@code null}
 * @param stateClass {@code measurement}, {@code total}, {@code total_increasing}, or {@code null}
 * @param precision suggested display precision (decimals), or {@code null}
 * @param diagnostic true for {@code entity_category: diagnostic}
 * @param stateTopic the topic its state comes from
 * @param valueTemplate the template that picks its value out of the state JSON
 * @param expires whether {@code expire_after} applies (values of a dead reader must go unavailable)
 * @param extra further options (payload_on, json_attributes_template …), in order
 */
public record Component(String key, String platform, String name, String deviceClass, String unit,
        String stateClass, Integer precision, boolean diagnostic, String stateTopic, String valueTemplate,
        boolean expires, Map<String, Object> extra) {

    public Component {
        Objects.requireNonNull(key, "key");
        if (!DiscoveryConfig.ID.matcher(key).matches()) {
            throw new IllegalArgumentException("component key may hold only [a-zA-Z0-9_-], found \"" + key + "\"");
        }
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(stateTopic, "stateTopic");
        Objects.requireNonNull(valueTemplate, "valueTemplate");
        extra = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(extra));
    }

    /**
     * A template that renders the key's value, or {@code None} if absent, which Home Assistant's
     * MQTT sensors take as "unknown" (not 0, not an error).
     */
    static String template(String jsonKey) {
        return "{{ value_json.get('" + jsonKey + "') }}";
    }
}
