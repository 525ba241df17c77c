package io.meterbridge.meter;

import java.util.Map;

/**
 * Names of manufacturers whose heat meters people read over wired M-Bus, by FLAG code (the
 * FLAG association's list; the libmbus corpus). A code not listed is shown as the code itself.
 */
final class Manufacturers {

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("KAM", "Kamstrup"),
            Map.entry("LUG", "Landis+Gyr"),
            Map.entry("LGB", "Landis+Gyr"),
            Map.entry("SEN", "Sensus"),
            Map.entry("SPX", "Sensus"),
            Map.entry("EFE", "Engelmann"),
            Map.entry("ACW", "Itron"),
            Map.entry("ITW", "Itron"),
            Map.entry("ELS", "Elster"),
            Map.entry("HYD", "Diehl Metering"),
            Map.entry("DME", "Diehl Metering"),
            Map.entry("SON", "Sontex"),
            Map.entry("ZRM", "Minol"),
            Map.entry("TCH", "Techem"),
            Map.entry("SLB", "Schlumberger"),
            Map.entry("ABB", "ABB"),
            Map.entry("EMH", "EMH metering"),
            Map.entry("AMT", "Aquametro"),
            Map.entry("GWF", "GWF"),
            Map.entry("REL", "Relay"),
            Map.entry("ELV", "Elvaco"),
            Map.entry("SBC", "Saia-Burgess"),
            Map.entry("NZR", "NZR"),
            Map.entry("SVM", "AB Svensk Värmemätning"),
            Map.entry("EDC", "EDC"),
            Map.entry("EMU", "EMU Elektronik"),
            Map.entry("FIN", "Finder"),
            Map.entry("THI", "Thermokon"),
            Map.entry("BER", "Berg"),
            Map.entry("GMC", "Gossen Metrawatt"),
            Map.entry("RAM", "Rossweiner"),
            Map.entry("SIE", "Siemens"),
            Map.entry("QDS", "Qundis"),
            Map.entry("APA", "Apator"),
            Map.entry("WZG", "Modularis"),
            Map.entry("MTS", "Metrona"),
            Map.entry("ALL", "Allmess"));

    private Manufacturers() {
    }

    /** The manufacturer's name for a three-letter code, or the code itself. */
    static String name(String code) {
        return NAMES.getOrDefault(code, code.isEmpty() ? "unknown" : code);
    }
}
