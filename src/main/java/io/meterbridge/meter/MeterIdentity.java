package io.meterbridge.meter;

import io.meterbridge.telegram.Medium;
import io.meterbridge.telegram.SecondaryAddress;
import java.util.Locale;
import java.util.Objects;

/**
 * Who a meter is.
 *
 * @param manufacturer the three-letter manufacturer code ({@code KAM}), or for a P1 meter the
 *     three letters of its identification line ({@code ISK}, {@code KFM})
 * @param manufacturerName the manufacturer's name ({@code Kamstrup}), or the code if unknown
 * @param model the model name ({@code MULTICAL 403}), or a description such as
 *     {@code "KAM heat meter, version 0x7F"} for a model no profile knows
 * @param id the identification number as printed on the meter (eight digits for M-Bus; the
 *     equipment identifier for P1)
 * @param primaryAddress the M-Bus primary address it was read at, or {@code null}
 * @param secondaryAddress the M-Bus secondary address from its header, or {@code null} (P1)
 * @param medium the medium code (EN 13757-3 table; 0x02 electricity for P1)
 * @param version the version (generation) byte of an M-Bus header, or {@code null}
 */
public record MeterIdentity(String manufacturer, String manufacturerName, String model, String id,
        Integer primaryAddress, SecondaryAddress secondaryAddress, int medium, Integer version) {

    public MeterIdentity {
        Objects.requireNonNull(manufacturer, "manufacturer");
        Objects.requireNonNull(manufacturerName, "manufacturerName");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(id, "id");
        if (primaryAddress != null && (primaryAddress < 0 || primaryAddress > 255)) {
            throw new IllegalArgumentException("primary address must be 0..255, found " + primaryAddress);
        }
        if (medium < 0 || medium > 255) {
            throw new IllegalArgumentException("medium must be 0..255, found " + medium);
        }
    }

    /** The medium's name, e.g. {@code "heat (outlet)"}. */
    public String mediumName() {
        return Medium.name(medium);
    }

    /**
     * A key that stays the same for this physical meter across restarts, renames and address
     * changes: lower-case manufacturer code, underscore, ID with anything but {@code [a-z0-9]}
     * dropped, e.g. {@code kam_82937133}. Used for Home Assistant unique ids and file names.
     */
    public String stableKey() {
        String m = manufacturer.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        String i = id.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return (m.isEmpty() ? "meter" : m) + "_" + (i.isEmpty() ? "unknown" : i);
    }
}
