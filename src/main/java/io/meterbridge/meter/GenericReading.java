package io.meterbridge.meter;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A reading of a meter this service has no model for (water, gas, a sensor, …): its identity and
 * the records it sent, nothing dropped, nothing guessed. In the flat map each numeric record of
 * storage 0 appears as {@code <quantity>[_<function>][_s<storage>][_t<tariff>][_u<subunit>]}
 * in lower case, e.g. {@code volume}, {@code volume_flow_maximum}.
 *
 * @param meter who the meter is
 * @param readAt when this service read it
 * @param meterClock the meter's clock, or {@code null}
 * @param status the M-Bus header status byte, or {@code null}
 * @param records the raw records, in wire order
 */
public record GenericReading(MeterIdentity meter, Instant readAt, LocalDateTime meterClock, Integer status,
        List<RawRecord> records) implements Reading {

    public GenericReading {
        Objects.requireNonNull(meter, "meter");
        Objects.requireNonNull(readAt, "readAt");
        records = List.copyOf(records);
    }

    /** Keys of the identity part of the map; a record whose key would clash gets the prefix {@code record_}. */
    private static final java.util.Set<String> RESERVED = java.util.Set.of(ReadingKeys.TYPE, ReadingKeys.METER_KEY,
            ReadingKeys.MANUFACTURER, ReadingKeys.MANUFACTURER_NAME, ReadingKeys.MODEL, ReadingKeys.METER_ID,
            ReadingKeys.PRIMARY_ADDRESS, ReadingKeys.SECONDARY_ADDRESS, ReadingKeys.MEDIUM, ReadingKeys.MEDIUM_CODE,
            ReadingKeys.VERSION, ReadingKeys.READ_AT, ReadingKeys.METER_CLOCK, ReadingKeys.STATUS);

    /**
     * The flat-map key of a record (see the class comment); the first record with a key wins. A
     * key equal to an identity key (a record of quantity {@code manufacturer} or {@code medium})
     * is prefixed {@code record_}.
     */
    public static String recordKey(RawRecord r) {
        String k = baseKey(r);
        return RESERVED.contains(k) ? "record_" + k : k;
    }

    private static String baseKey(RawRecord r) {
        StringBuilder k = new StringBuilder(r.quantity().toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9_]", "_"));
        if (!"instantaneous".equals(r.function())) {
            k.append('_').append(r.function());
        }
        if (r.flow() != null) {
            k.append('_').append(r.flow());
        }
        if (r.storage() != 0) {
            k.append("_s").append(r.storage());
        }
        if (r.tariff() != 0) {
            k.append("_t").append(r.tariff());
        }
        if (r.subunit() != 0) {
            k.append("_u").append(r.subunit());
        }
        return k.toString();
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        ReadingMaps.putIdentity(m, "generic", this);
        ReadingMaps.put(m, ReadingKeys.STATUS, status);
        for (RawRecord r : records) {
            if (r.number() != null) {
                m.putIfAbsent(recordKey(r), Energy.plain(r.number()));
            }
        }
        return m;
    }
}
