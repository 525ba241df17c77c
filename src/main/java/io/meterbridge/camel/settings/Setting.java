package io.meterbridge.camel.settings;

import java.util.Objects;
import java.util.Optional;

/**
 * One setting of {@code application.properties}.
 *
 * @param key      the property key, e.g. {@code mbus.poll}
 * @param type     the values it takes
 * @param optional whether an empty value is allowed (it then switches something off or falls back)
 * @param secret   whether its value must never appear in a message (passwords, keys)
 */
public record Setting(String key, SettingType type, boolean optional, boolean secret) {

    public Setting {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
    }

    static Setting required(String key, SettingType type) {
        return new Setting(key, type, false, false);
    }

    static Setting optional(String key, SettingType type) {
        return new Setting(key, type, true, false);
    }

    Setting hidden() {
        return new Setting(key, type, optional, true);
    }

    /** Why {@code value} is not allowed, or empty if it is. */
    public Optional<String> problem(String value) {
        String v = value == null ? "" : value.trim();
        if (v.isEmpty()) {
            return optional ? Optional.empty() : Optional.of("expected " + type.allowed() + ", found nothing");
        }
        return type.problem(v);
    }

    /** The value as it may be shown: secrets as their length only. */
    public String shown(String value) {
        if (value == null) {
            return "";
        }
        return secret && !value.isEmpty() ? "(" + value.length() + " characters, not shown)" : value;
    }
}
