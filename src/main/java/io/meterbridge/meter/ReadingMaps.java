package io.meterbridge.meter;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;

/** The shared part of {@link Reading#toMap()}: identity and times. */
final class ReadingMaps {

    private ReadingMaps() {
    }

    static void putIdentity(Map<String, Object> m, String type, Reading r) {
        MeterIdentity id = r.meter();
        m.put(ReadingKeys.TYPE, type);
        m.put(ReadingKeys.METER_KEY, id.stableKey());
        m.put(ReadingKeys.MANUFACTURER, id.manufacturer());
        m.put(ReadingKeys.MANUFACTURER_NAME, id.manufacturerName());
        m.put(ReadingKeys.MODEL, id.model());
        m.put(ReadingKeys.METER_ID, id.id());
        put(m, ReadingKeys.PRIMARY_ADDRESS, id.primaryAddress());
        if (id.secondaryAddress() != null) {
            m.put(ReadingKeys.SECONDARY_ADDRESS, id.secondaryAddress().toString());
        }
        m.put(ReadingKeys.MEDIUM, id.mediumName());
        m.put(ReadingKeys.MEDIUM_CODE, id.medium());
        if (id.version() != null) {
            m.put(ReadingKeys.VERSION, String.format(Locale.ROOT, "0x%02X", id.version()));
        }
        m.put(ReadingKeys.READ_AT, r.readAt().toString());
        if (r.meterClock() != null) {
            m.put(ReadingKeys.METER_CLOCK, r.meterClock().toString());
        }
    }

    static void put(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value instanceof BigDecimal d ? Energy.plain(d) : value);
        }
    }

    static void putEnergy(Map<String, Object> m, String native_, String unitKey, String kwhKey, String gjKey,
            Energy e) {
        if (e == null) {
            return;
        }
        if (native_ != null) {
            m.put(native_, Energy.plain(e.value()));
            m.put(unitKey, e.unit().symbol());
        }
        m.put(kwhKey, e.kWh());
        m.put(gjKey, e.gj());
    }
}
