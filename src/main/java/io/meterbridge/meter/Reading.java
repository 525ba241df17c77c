package io.meterbridge.meter;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * One normalised reading of one meter: who it is, when it was read, the values in explicit
 * units, and the raw records it sent.
 *
 * <p>The family is closed: {@link HeatReading} for heat, cooling and heat/cooling meters (M-Bus
 * media 0x04, 0x0A, 0x0B, 0x0C, 0x0D), {@link ElectricityReading} for P1/DSMR electricity meters,
 * and {@link GenericReading} for any other meter (M-Bus electricity meters included), which
 * carries its identity and records. Every value is an exact {@link java.math.BigDecimal} in the unit its accessor names;
 * a value the meter did not send is {@code null}, never zero.
 */
public sealed interface Reading permits HeatReading, ElectricityReading, GenericReading {

    /** Who the meter is. */
    MeterIdentity meter();

    /** When this service read the meter (its own clock). */
    Instant readAt();

    /** The meter's own clock as it sent it (local meter time, no zone), or {@code null} if it sent none. */
    LocalDateTime meterClock();

    /** The records as decoded, in wire order (OBIS lines for a P1 meter), for logs and for "show me everything". */
    List<RawRecord> records();

    /**
     * The reading as a flat map for JSON Lines, CSV and MQTT state payloads: snake_case keys in
     * a stable order, values are {@link String}, {@link Integer}, {@link Long},
     * {@link java.math.BigDecimal} or {@link Boolean}; absent values are left out (never null).
     * The raw records are not included: see {@link RawRecord#toMap()}. Key names are part of the
     * public interface (Home Assistant value templates use them), see {@link ReadingKeys}.
     */
    Map<String, Object> toMap();
}
