package io.meterbridge.homeassistant;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Home Assistant Core release by year and month ({@code 2024.11}). Which device classes and
 * units a discovery payload may use depends on it: Home Assistant refuses a whole component whose
 * device class it does not know (see {@link DeviceClasses}). Device classes and units arrive with
 * the monthly releases, not with their patch releases, so {@code 2025.10.3} is read as
 * {@code 2025.10}.
 *
 * @param year the release's year, 2024 or later
 * @param month the release's month, 1 to 12
 */
public record HomeAssistantVersion(int year, int month) implements Comparable<HomeAssistantVersion> {

    // DEVICE_DISCOVERY as numbers: the constructor checks against them while that constant is made
    private static final int DEVICE_DISCOVERY_YEAR = 2024;
    private static final int DEVICE_DISCOVERY_MONTH = 11;

    /**
     * The first release with MQTT <em>device</em> discovery ({@code cmps} in one config per
     * device), which is how meterbridge announces meters: nothing older reads its payloads.
     */
    public static final HomeAssistantVersion DEVICE_DISCOVERY = new HomeAssistantVersion(DEVICE_DISCOVERY_YEAR,
            DEVICE_DISCOVERY_MONTH);

    private static final Pattern RELEASE = Pattern.compile("(\\d{4})\\.(\\d{1,2})(?:\\.\\d+)?");

    public HomeAssistantVersion {
        if (month < 1 || month > 12) {
            throw new IllegalArgumentException("a Home Assistant release month is 1 to 12, found " + year + "." + month);
        }
        if (year < DEVICE_DISCOVERY_YEAR || year == DEVICE_DISCOVERY_YEAR && month < DEVICE_DISCOVERY_MONTH) {
            throw new IllegalArgumentException("Home Assistant " + year + "." + month
                    + " has no MQTT device discovery, which meterbridge uses: 2024.11 or later is needed");
        }
    }

    /**
     * Reads a release as Home Assistant writes it: {@code 2024.11}, {@code 2025.10.3}.
     *
     * @throws IllegalArgumentException naming what was found and what was expected
     */
    public static HomeAssistantVersion parse(String text) {
        Objects.requireNonNull(text, "text");
        Matcher m = RELEASE.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("expected a Home Assistant Core release such as 2024.11 or 2025.10.3, found \""
                    + text + "\"");
        }
        return new HomeAssistantVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** True if this release is {@code other} or a later one. */
    public boolean atLeast(HomeAssistantVersion other) {
        return compareTo(other) >= 0;
    }

    @Override
    public int compareTo(HomeAssistantVersion o) {
        return year != o.year ? Integer.compare(year, o.year) : Integer.compare(month, o.month);
    }

    /** {@code 2024.11}, as Home Assistant names its releases. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d.%d", year, month);
    }
}
