package io.meterbridge.meter;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A record as the meter sent it, kept alongside the normalised values so that nothing is lost:
 * an M-Bus data record (DIF/VIF bytes, storage, tariff, sub-unit, function, quantity, value after
 * the VIF scale, unit) or a P1 OBIS line (code = OBIS reference).
 *
 * @param code the record's coding: DIF…VIFE bytes in hex for M-Bus ({@code "04 86 3C"}), the
 *     OBIS reference for P1 ({@code "1-0:1.8.1"})
 * @param storage storage number (0 = current value, 1 = target date, …)
 * @param tariff tariff number (0 = total)
 * @param subunit sub-unit (device) number
 * @param function {@code instantaneous}, {@code maximum}, {@code minimum}, {@code error}, or
 *     {@code manufacturer} for a manufacturer-specific tail
 * @param quantity the quantity's stable snake-case name from the decoder ({@code energy},
 *     {@code volume}, {@code manufacturer_specific} …; {@code manufacturer_data} for a DIF 0x0F tail)
 * @param description the decoder's description in words, e.g. {@code "Energy (kWh), backward flow"}
 * @param unit the unit of {@code number} ({@code "kWh"}, {@code "m³"}, …), empty if none
 * @param number the numeric value after the VIF scale, or {@code null} for text/date/bytes
 * @param text the value as text when it is not a number (a date in ISO 8601, a string, hex
 *     bytes), or {@code null}
 * @param flow {@code "forward"} or {@code "backward"} (combinable VIFE 0x3B/0x3C), or {@code null}
 */
public record RawRecord(String code, long storage, int tariff, int subunit, String function, String quantity,
        String description, String unit, BigDecimal number, String text, String flow) {

    public RawRecord {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(description, "description");
        unit = unit == null ? "" : unit;
    }

    /** The record as a flat JSON-friendly map; null values are left out. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", code);
        m.put("storage", storage);
        m.put("tariff", tariff);
        m.put("subunit", subunit);
        m.put("function", function);
        m.put("quantity", quantity);
        m.put("description", description);
        if (!unit.isEmpty()) {
            m.put("unit", unit);
        }
        if (number != null) {
            m.put("value", number);
        } else if (text != null) {
            m.put("value", text);
        }
        if (flow != null) {
            m.put("flow", flow);
        }
        return m;
    }
}
