package io.meterbridge.camel.settings;

/**
 * A setting that is not allowed, as one line for the user.
 *
 * @param key     the key as given ({@code mqtt.ulr}), or the environment variable's name
 * @param where   where it was set: {@code /home/pi/meterbridge/application.properties:12},
 *                {@code -D}, {@code environment MQTT_URL} or {@code built-in default}
 * @param message what is wrong and what is allowed, starting with {@code key=value} or {@code key}
 */
public record SettingProblem(String key, String where, String message) {

    /** {@code where: message}. */
    public String line() {
        return where + ": " + message;
    }
}
