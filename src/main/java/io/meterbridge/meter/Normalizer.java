package io.meterbridge.meter;

import io.meterbridge.telegram.DataRecord;
import io.meterbridge.telegram.FixedData;
import io.meterbridge.telegram.Flow;
import io.meterbridge.telegram.Header;
import io.meterbridge.telegram.Manufacturer;
import io.meterbridge.telegram.SecondaryAddress;
import io.meterbridge.telegram.Telegram;
import io.meterbridge.telegram.Value;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the decoded telegrams of one meter read into a {@link Reading}: chooses the meter's
 * {@link MeterProfile} from the header (manufacturer, version, medium) and lets it map the
 * records. Thread-safe; its only side effect is the warning below.
 *
 * <p>It never fails for a meter it does not know: such a meter yields a reading with its
 * identity and every record it sent ({@link GenericReading}, or a {@link HeatReading} with the
 * values the generic heat profile understood). Only a call without any telegram is an error.
 * A profile that fails on a meter's records (a bug in the profile) is logged at WARN, with the
 * meter and the cause, the first time for that meter and profile, and the meter is read with
 * {@link GenericProfile} instead.
 */
public final class Normalizer {

    private static final Logger LOG = LoggerFactory.getLogger(Normalizer.class);

    private final BigDecimal calorificValueMjPerM3;
    /**
     * Meter key and profile of each failure already warned about: a meter is polled every few
     * minutes and would repeat the same stack trace at every poll. As many entries as failing meters.
     */
    private final Set<String> failuresWarned = ConcurrentHashMap.newKeySet();

    /** A normaliser without gas-equivalent estimate. */
    public Normalizer() {
        this(null);
    }

    /**
     * A normaliser that adds the gas-equivalent estimate to heat readings.
     *
     * @param calorificValueMjPerM3 the gas's calorific value in MJ/m³ (e.g. 35.17), or {@code null} for none
     */
    public Normalizer(BigDecimal calorificValueMjPerM3) {
        if (calorificValueMjPerM3 != null && calorificValueMjPerM3.signum() <= 0) {
            throw new IllegalArgumentException(
                    "calorific value must be a positive number of MJ/m³, found " + calorificValueMjPerM3);
        }
        this.calorificValueMjPerM3 = calorificValueMjPerM3;
    }

    /** One telegram. */
    public Reading normalize(Telegram telegram, Integer primaryAddress, Instant readAt) {
        return normalize(List.of(telegram), primaryAddress, readAt);
    }

    /**
     * The reading of one meter from all telegrams of one read (a multi-telegram readout gives
     * several; their records are joined in order).
     *
     * @param telegrams the telegrams, first first
     * @param primaryAddress the primary address the meter was read at, or {@code null} (secondary addressing)
     * @param readAt when it was read
     * @throws IllegalArgumentException if {@code telegrams} is empty
     */
    public Reading normalize(List<Telegram> telegrams, Integer primaryAddress, Instant readAt) {
        Objects.requireNonNull(readAt, "readAt");
        if (telegrams.isEmpty()) {
            throw new IllegalArgumentException("a reading needs at least one telegram, found none");
        }
        Who who = who(telegrams, primaryAddress);
        List<DataRecord> records = new ArrayList<>();
        List<RawRecord> raw = new ArrayList<>();
        for (Telegram t : telegrams) {
            for (DataRecord r : t.records()) {
                records.add(r);
                raw.add(raw(r));
            }
            byte[] tail = t.manufacturerData();
            if (tail != null && tail.length > 0) {
                raw.add(new RawRecord(t.moreRecordsFollow() ? "1F" : "0F", 0, 0, 0, "manufacturer",
                        "manufacturer_data", "Manufacturer-specific data", "", null,
                        HexFormat.of().withUpperCase().formatHex(tail), null));
            }
        }
        MeterIdentity meter = who.meter();
        MeterProfile profile = who.profile();
        Integer status = who.status();
        Reading reading;
        try {
            reading = profile.toReading(meter, readAt, status, records, raw);
        } catch (RuntimeException unexpected) {
            // A profile bug must not lose the reading: the generic profile keeps every record as sent.
            if (failuresWarned.add(meter.stableKey() + " " + profile.name())) {
                LOG.warn("meter {} ({}): the {} profile failed on its records, read with the generic profile "
                        + "instead (logged once for this meter): {}", meter.stableKey(), meter.model(), profile.name(),
                        unexpected.toString(), unexpected);
            } else {
                LOG.debug("meter {}: the {} profile failed again: {}", meter.stableKey(), profile.name(),
                        unexpected.toString());
            }
            reading = new GenericProfile(meter.model()).toReading(meter, readAt, status, records, raw);
        }
        if (calorificValueMjPerM3 != null && reading instanceof HeatReading h) {
            reading = h.withGasEquivalent(calorificValueMjPerM3);
        }
        return reading;
    }

    /**
     * Who sent these telegrams — manufacturer, model, ID, addresses, medium — from their header,
     * without normalising their records (for message headers that name the meter).
     *
     * @throws IllegalArgumentException if {@code telegrams} is empty
     */
    public MeterIdentity identify(List<Telegram> telegrams, Integer primaryAddress) {
        if (telegrams.isEmpty()) {
            throw new IllegalArgumentException("a meter is known by at least one telegram, found none");
        }
        return who(telegrams, primaryAddress).meter();
    }

    private record Who(MeterIdentity meter, MeterProfile profile, Integer status) {
    }

    private static Who who(List<Telegram> telegrams, Integer primaryAddress) {
        Header header = null;
        FixedData fixed = null;
        for (Telegram t : telegrams) {
            if (header == null && t.header() != null && t.header().address() != null) {
                header = t.header();
            }
            if (fixed == null && t.fixedData() != null) {
                fixed = t.fixedData();
            }
        }

        String manufacturer;
        String id;
        Integer version;
        int medium;
        SecondaryAddress secondary = null;
        Integer status;
        if (header != null) {
            secondary = header.address();
            manufacturer = Manufacturer.decode(secondary.manufacturer());
            id = secondary.idText();
            version = secondary.version();
            medium = secondary.medium();
            status = header.status();
        } else if (fixed != null) {
            manufacturer = "";
            id = fixed.idText();
            version = null;
            medium = fixed.medium() & 0xFF;
            status = fixed.status();
        } else {
            // an error or alarm reply, or a header-less telegram: who it is comes from the address only
            manufacturer = "";
            id = primaryAddress != null ? "p" + primaryAddress : "unknown";
            version = null;
            medium = 0x0F;
            status = null;
        }
        MeterProfile profile = Profiles.choose(manufacturer, version, medium);
        MeterIdentity meter = new MeterIdentity(manufacturer, Manufacturers.name(manufacturer), profile.model(), id,
                primaryAddress, secondary, medium, version);
        return new Who(meter, profile, status);
    }

    /** A decoded record as a {@link RawRecord}. */
    static RawRecord raw(DataRecord r) {
        String code = spaced(r.dif() + r.vif());
        BigDecimal number = null;
        String text = null;
        Value v = r.value();
        if (v instanceof Value.Numeric n) {
            number = n.number();
        } else if (v instanceof Value.Text t) {
            text = t.text();
        } else if (v instanceof Value.Date d) {
            text = d.date().toString();
        } else if (v instanceof Value.DateTime dt) {
            text = dt.dateTime().toString();
        } else if (v instanceof Value.Time tm) {
            text = tm.time().toString();
        } else if (v instanceof Value.Bytes b) {
            text = b.hex();
        } else if (v instanceof Value.Invalid inv) {
            text = "invalid: " + inv.reason();
        }
        String flow = r.flow() == Flow.NONE ? null : r.flow().name().toLowerCase(Locale.ROOT);
        return new RawRecord(code, r.storage(), r.tariff(), r.subunit(), r.function().jsonName(),
                r.quantity().jsonName(), r.description(), r.unit(), number, text, flow);
    }

    private static String spaced(String hex) {
        StringBuilder s = new StringBuilder(hex.length() * 3 / 2);
        for (int i = 0; i + 1 < hex.length(); i += 2) {
            if (i > 0) {
                s.append(' ');
            }
            s.append(hex, i, i + 2);
        }
        return s.toString().toUpperCase(Locale.ROOT);
    }
}
