package io.meterbridge.meter;

import java.util.Locale;
import java.util.Map;

/**
 * Names of the makers of P1 (DSMR/ESMR) electricity meters, by the three FLAG letters that open
 * their identification line ({@code /ISk5…}, {@code /KFM5…}). Several utilities brand meters with
 * their own letters ({@code FLU} Fluvius, {@code Lux} Creos Smarty); those are named after the
 * utility. A code not listed is shown as the code itself.
 */
final class P1Manufacturers {

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("ISK", "Iskra"),
            Map.entry("KFM", "Kaifa"),
            Map.entry("XMX", "Landis+Gyr"),
            Map.entry("LGF", "Landis+Gyr"),
            Map.entry("LGZ", "Landis+Gyr"),
            Map.entry("KMP", "Kamstrup"),
            Map.entry("KAM", "Kamstrup"),
            Map.entry("SAG", "Sagemcom"),
            Map.entry("ENE", "Sagemcom"),
            Map.entry("EST", "Sagemcom"),
            Map.entry("ELL", "Sagemcom"),
            Map.entry("FLU", "Fluvius"),
            Map.entry("LUX", "Creos (Smarty)"),
            Map.entry("ESY", "EasyMeter"),
            Map.entry("EBZ", "eBZ"),
            Map.entry("EMH", "EMH metering"));

    private P1Manufacturers() {
    }

    /** The maker's name for the identification line's three letters (any case), or the code itself. */
    static String name(String code) {
        String key = code.toUpperCase(Locale.ROOT);
        return NAMES.getOrDefault(key, key.isEmpty() ? "unknown" : key);
    }
}
