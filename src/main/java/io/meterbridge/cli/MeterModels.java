package io.meterbridge.cli;

import io.meterbridge.meter.Profiles;
import io.meterbridge.telegram.Manufacturer;

import java.util.Locale;

/**
 * Human model names from manufacturer and version byte of the long header: Kamstrup's from the
 * normalisation profiles' table, other makers' as their code and version.
 */
final class MeterModels {

    private static final int KAM = 0x2C2D;

    private MeterModels() {
    }

    static String name(int manufacturer, int version) {
        String model = manufacturer == KAM ? Profiles.kamstrupModel(version) : null;
        if (model != null) {
            return "Kamstrup " + model;
        }
        String m = manufacturer == KAM ? "Kamstrup" : Manufacturer.decode(manufacturer);
        return String.format(Locale.ROOT, "%s version 0x%02X", m, version);
    }
}
