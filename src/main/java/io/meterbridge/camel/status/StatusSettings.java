package io.meterbridge.camel.status;

import java.net.InetAddress;
import java.util.function.Function;

import io.meterbridge.camel.settings.Settings;

/**
 * The {@code http.status.*} settings (defaults in {@code meterbridge-defaults.properties}).
 *
 * @param enabled {@code http.status.enabled}: whether the page, {@code /health} and {@code /metrics} are served
 * @param bind {@code http.status.bind}: the address to listen on; {@code 127.0.0.1} (the default)
 *             reaches only this machine
 * @param port {@code http.status.port}: the TCP port (8089); 0 takes a free one, logged at start
 * @param token {@code http.status.token}: when set, every request needs it (HTTP Basic password
 *              with any user name, or {@code Authorization: Bearer}); required when {@code bind}
 *              is not a loopback address, so the page is never open to the network by default
 */
public record StatusSettings(boolean enabled, InetAddress bind, int port, String token) {

    public StatusSettings {
        // SettingsCheck refuses this with the place it was set before anything starts; this keeps the type honest
        if (Settings.statusPageOpenToTheNetwork(enabled, bind, token)) {
            throw new IllegalArgumentException("http.status.bind=" + bind.getHostAddress() + " opens the status page to "
                    + "the network: set http.status.token as well (its password), or bind to 127.0.0.1");
        }
    }

    /**
     * Reads the settings through {@code property} (null for a key not set or blank); the defaults
     * file sets all but the token.
     */
    public static StatusSettings from(Function<String, String> property) {
        return new StatusSettings(Boolean.parseBoolean(property.apply("http.status.enabled")),
                Settings.address(property.apply("http.status.bind")),
                Integer.parseInt(property.apply("http.status.port").trim()), property.apply("http.status.token"));
    }
}
