package io.meterbridge.meter;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses the profile of a meter from manufacturer, version byte and medium.
 *
 * <ul>
 * <li>Kamstrup ({@code KAM}) heat, cooling or heat/cooling meter with a version byte of the
 *     MULTICAL family whose wired M-Bus layout is known (0x40 MULTICAL 303, 0x34 403, 0x30 302,
 *     0x19 402, 0x1C 602, 0x35 603, 0x39 803, 0x08 601; wmbusmeters/libmbus and Kamstrup's
 *     M-Bus data sheets): {@link HeatProfile#kamstrup}.</li>
 * <li>Any other heat, cooling or heat/cooling meter (media 0x04, 0x0A, 0x0B, 0x0C, 0x0D):
 *     {@link HeatProfile#generic}, records mapped by their VIF meaning (EN 13757-3).</li>
 * <li>Everything else: {@link GenericProfile}.</li>
 * </ul>
 */
public final class Profiles {

    /** Kamstrup version bytes → MULTICAL model (as libmbus and wmbusmeters list them). */
    static final Map<Integer, String> KAMSTRUP_MODELS = Map.of(
            0x40, "MULTICAL 303",
            0x34, "MULTICAL 403",
            0x30, "MULTICAL 302",
            0x19, "MULTICAL 402",
            0x1C, "MULTICAL 602",
            0x35, "MULTICAL 603",
            0x39, "MULTICAL 803",
            0x08, "MULTICAL 601");

    private Profiles() {
    }

    /** The MULTICAL model of a Kamstrup version byte, e.g. "MULTICAL 403" for 0x34, or null. */
    public static String kamstrupModel(int version) {
        return KAMSTRUP_MODELS.get(version);
    }

    /**
     * The MULTICAL model of this name as the wired path spells it, any case ({@code "multical 403"}
     * gives {@code "MULTICAL 403"}), or empty for a name that is not one of {@link #KAMSTRUP_MODELS}.
     * For a meter read over another protocol whose own answer does not name the model (KMP).
     */
    public static Optional<String> kamstrupModelNamed(String name) {
        String wanted = name.strip();
        return KAMSTRUP_MODELS.values().stream().filter(m -> m.equalsIgnoreCase(wanted)).findFirst();
    }

    /** The MULTICAL models the wired path knows, in version order, for messages that list them. */
    static List<String> kamstrupModels() {
        return KAMSTRUP_MODELS.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(Map.Entry::getValue)
                .toList();
    }

    /** True for media a heat meter reports: heat (outlet, inlet), cooling (outlet, inlet), heat/cooling. */
    public static boolean isThermal(int medium) {
        return medium == 0x04 || medium == 0x0A || medium == 0x0B || medium == 0x0C || medium == 0x0D;
    }

    /**
     * The profile for a meter.
     *
     * @param manufacturer three-letter code ({@code KAM}); empty if unknown
     * @param version the version byte, or {@code null} if unknown (fixed data structure)
     * @param medium the medium byte
     */
    public static MeterProfile choose(String manufacturer, Integer version, int medium) {
        String maker = Manufacturers.name(manufacturer);
        String v = version == null ? "" : String.format(Locale.ROOT, ", version 0x%02X", version);
        if (isThermal(medium)) {
            String kamstrup = "KAM".equals(manufacturer) && version != null ? KAMSTRUP_MODELS.get(version) : null;
            if (kamstrup != null) {
                return HeatProfile.kamstrup(kamstrup);
            }
            return HeatProfile.generic(maker + " " + kind(medium) + v);
        }
        return new GenericProfile(maker + " " + kind(medium) + v);
    }

    private static String kind(int medium) {
        return switch (medium) {
            case 0x04, 0x0C -> "heat meter";
            case 0x0A, 0x0B -> "cooling meter";
            case 0x0D -> "heat/cooling meter";
            case 0x02 -> "electricity meter";
            case 0x03 -> "gas meter";
            case 0x06, 0x15 -> "warm water meter";
            case 0x07, 0x16 -> "water meter";
            case 0x08 -> "heat cost allocator";
            default -> io.meterbridge.telegram.Medium.name(medium) + " device";
        };
    }
}
