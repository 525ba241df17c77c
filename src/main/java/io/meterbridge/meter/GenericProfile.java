package io.meterbridge.meter;

import io.meterbridge.telegram.DataRecord;
import java.time.Instant;
import java.util.List;

/**
 * Any meter that is not a heat meter (water, gas, electricity over M-Bus, sensors): a
 * {@link GenericReading} with identity and every record, nothing interpreted.
 *
 * @param model the model text, e.g. {@code "Itron water meter, version 0x14"}
 */
public record GenericProfile(String model) implements MeterProfile {

    @Override
    public String name() {
        return "generic";
    }

    @Override
    public Reading toReading(MeterIdentity meter, Instant readAt, Integer status, List<DataRecord> records,
            List<RawRecord> raw) {
        return new GenericReading(meter, readAt, MeterProfile.meterClock(records), status, raw);
    }
}
