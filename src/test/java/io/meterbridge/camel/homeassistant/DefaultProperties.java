package io.meterbridge.camel.homeassistant;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

/**
 * The service's own {@code meterbridge-defaults.properties}, as tests that build settings from a
 * map need them: read from the classpath, so a changed default is never copied into a test.
 * Placeholders ({@code {{output.dir}}}) stay unresolved; tests that look at such a value set it.
 */
final class DefaultProperties {

    private static final Properties DEFAULTS = load();

    private DefaultProperties() {
    }

    /** The defaults with {@code overrides} on top; null for a missing or blank key, as the service's lookup. */
    static Function<String, String> with(Map<String, String> overrides) {
        return key -> {
            String v = overrides.containsKey(key) ? overrides.get(key) : DEFAULTS.getProperty(key);
            return v == null || v.isBlank() ? null : v;
        };
    }

    /** The defaults alone. */
    static Function<String, String> only() {
        return with(Map.of());
    }

    private static Properties load() {
        try (InputStream in = DefaultProperties.class.getResourceAsStream("/meterbridge-defaults.properties")) {
            if (in == null) {
                throw new IllegalStateException("meterbridge-defaults.properties is not on the test classpath");
            }
            Properties p = new Properties();
            p.load(in);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
