package io.meterbridge.cli;

import io.meterbridge.telegram.Manufacturer;

import java.util.Locale;
import java.util.Map;

/**
 * Human model names from manufacturer and version byte of the long header. Kamstrup's version
 * bytes are from the conformance notes (kamstrup/README.md, as wmbusmeters and libmbus list
 * them); other makers show their code and version.
 */
final class MeterModels {

    private static final int KAM = 0x2C2D;
    private static final Map<Integer, String> KAMSTRUP = Map.of(
            0x40, "MULTICAL 303", 0x34, "MULTICAL 403", 0x35, "MULTICAL 603", 0x39, "MULTICAL 803",
            0x30, "MULTICAL 302", 0x1C, "MULTICAL 602", 0x19, "MULTICAL 402", 0x08, "MULTICAL 601");

    private MeterModels() {
    }

    static String name(int manufacturer, int version) {
        if (manufacturer == KAM && KAMSTRUP.containsKey(version)) {
            return "Kamstrup " + KAMSTRUP.get(version);
        }
        String m = manufacturer == KAM ? "Kamstrup" : Manufacturer.decode(manufacturer);
        return String.format(Locale.ROOT, "%s version 0x%02X", m, version);
    }
}
