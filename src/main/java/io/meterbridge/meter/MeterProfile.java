package io.meterbridge.meter;

import io.meterbridge.telegram.DataRecord;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

/**
 * How one kind of meter's records map onto a {@link Reading}. Chosen by {@link Profiles#choose}
 * from manufacturer, version byte and medium.
 */
public sealed interface MeterProfile permits HeatProfile, GenericProfile {

    /** The model name the profile gives the meter, e.g. {@code MULTICAL 403}. */
    String model();

    /** A short, stable name of the profile for logs and headers: {@code kamstrup-multical}, {@code generic-heat}, {@code generic}. */
    String name();

    /**
     * Maps decoded records to a reading.
     *
     * @param meter the identity (with this profile's model)
     * @param readAt when the meter was read
     * @param status the header status byte, or {@code null}
     * @param records the decoded records of all telegrams of the read, in wire order
     * @param raw the same records as {@link RawRecord}s, plus the manufacturer data tail
     */
    Reading toReading(MeterIdentity meter, Instant readAt, Integer status, List<DataRecord> records,
            List<RawRecord> raw);

    /** The meter clock: the first storage-0 instantaneous date-time record, or {@code null}. */
    static LocalDateTime meterClock(List<DataRecord> records) {
        for (DataRecord r : records) {
            if (r.storage() == 0 && r.tariff() == 0 && r.subunit() == 0
                    && r.value() instanceof io.meterbridge.telegram.Value.DateTime dt
                    && r.quantity() == io.meterbridge.telegram.Quantity.DATE_TIME) {
                return dt.dateTime();
            }
        }
        return null;
    }
}
