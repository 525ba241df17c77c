package io.meterbridge.meter;

import io.meterbridge.iec62056.DataBlock;
import io.meterbridge.iec62056.DataSet;
import io.meterbridge.iec62056.DataSetValue;
import io.meterbridge.iec62056.Identification;
import io.meterbridge.iec62056.LandisGyrUltraheat;
import io.meterbridge.iec62056.Readout;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Turns the IEC 62056-21 data readout of a Landis+Gyr ULTRAHEAT UH50 / T550 (its optical eye)
 * into a {@link HeatReading}, the data sets named as {@link LandisGyrUltraheat} names them. Pure
 * and thread-safe.
 *
 * <p>Data sets to fields (the meter writes {@code C} for °C, {@code m3} for m³, {@code m3ph} for
 * m³/h and {@code m} for minutes, {@link LandisGyrUltraheat}; conversions as the wired path's
 * {@link Units}):
 * <ul>
 * <li>6.8 → heat energy in the meter's unit (GJ, MWh, kWh); 6.26 → volume;</li>
 * <li>6.31 → operating hours; 6.32 ("hours with a fault") → error hours;</li>
 * <li>6.6 → max power, 6.33 → max volume flow: the highest values since the last yearly set day,
 *     which is what the reading's "maximum in the meter's current period" is;</li>
 * <li>9.36 → the meter clock;</li>
 * <li>the previous-year values 6.8*01, 6.26*01, 6.6*01, 6.33*01 → the target date values. The
 *     UH50 "stores the meter readings for quantity of heat, volume, … as well as the current maxima
 *     … on a yearly set day" (Landis+Gyr, UH50 configuration instructions UH 106-101c, "Previous
 *     year's values"): the set day is its billing date, as the wired path's storage 1 is. The
 *     readout does not send the date of that set day, only the set day itself (6.36,
 *     {@code MM-DD&hh:mm}); the date here is its last occurrence at or before the meter clock,
 *     and {@code null} when either is missing or unreadable.</li>
 * </ul>
 * There is no current power, flow or temperature in the readout; the highest temperatures (9.4),
 * the fault hours until the set day (6.32*01), the error number (F: a number, not the bit field an
 * {@link InfoCode} decodes) and everything no source names stay in the records. Every data set is
 * one {@link RawRecord} ({@link #record(DataSet)}).
 *
 * <p>Identity: manufacturer from the identification ({@code /LUG…}: {@code LUG}, Landis+Gyr, the
 * code the wired header uses). Model: {@code "ULTRAHEAT UH50"} for the identification
 * {@code UH50}, the only one published (the T550 of ultraheat-api sends none); any other is
 * described as the wired path describes an unknown model. ID: the ownership number 9.21, else the
 * device number 9.20. Which of the two a wired M-Bus module sends as its ID is published nowhere
 * we read; 9.21 is chosen because in the one published readout where they differ (the T550 of
 * ultraheat-api, 9.21 = 00073600, 9.20 = 66935074) the two 8-digit numbers of 9.6, which has the
 * layout of the UH50's per-module M-Bus settings (primary address, 8-digit secondary address;
 * UH 106-101c, service loop 4), are the ownership number. Medium: heat (0x04); the readout does
 * not tell a heat from a cooling UH50.
 */
public final class UltraheatNormalizer {

    /** EN 13757-3 medium code of a heat meter (outlet). */
    static final int HEAT = 0x04;

    /** Identifications of published readouts → model. */
    private static final Map<String, String> MODELS = Map.of("UH50", "ULTRAHEAT UH50");

    /** The units as the meter writes them → as people and the wired path write them. */
    private static final Map<String, String> UNITS = Map.of("C", "°C", "m3", "m³", "m3ph", "m³/h", "m", "min");

    private static final DateTimeFormatter SET_DAY = DateTimeFormatter.ofPattern("MM-dd", Locale.ROOT);

    /**
     * The reading of one readout.
     *
     * @param readout the readout, BCC checked
     * @param readAt when this service read the meter
     * @throws IllegalArgumentException if the readout has neither an ownership nor a device number
     */
    public HeatReading normalize(Readout readout, Instant readAt) {
        Objects.requireNonNull(readout, "readout");
        Objects.requireNonNull(readAt, "readAt");
        DataBlock block = readout.dataBlock();
        MeterIdentity meter = identity(readout.identification(), block);
        List<RawRecord> raw = new ArrayList<>(block.dataSets().size());
        for (DataSet d : block.dataSets()) {
            raw.add(record(d));
        }
        LocalDateTime clock = dateTime(LandisGyrUltraheat.METER_DATE_TIME.in(block));
        HeatReading.Builder b = HeatReading.builder(meter, readAt)
                .meterClock(clock)
                .heatEnergy(energy(block, LandisGyrUltraheat.ENERGY))
                .volumeM3(number(block, LandisGyrUltraheat.VOLUME, Units::volumeM3))
                .operatingHours(number(block, LandisGyrUltraheat.OPERATING_HOURS, Units::hours))
                .errorHours(number(block, LandisGyrUltraheat.FAULT_HOURS, Units::hours))
                .maxPowerKw(number(block, LandisGyrUltraheat.POWER_MAX, Units::kilowatts))
                .maxVolumeFlowM3h(number(block, LandisGyrUltraheat.FLOW_RATE_MAX, Units::cubicMetresPerHour))
                .records(raw);
        Energy targetHeat = energy(block, LandisGyrUltraheat.ENERGY_PREVIOUS_YEAR);
        BigDecimal targetVolume = number(block, LandisGyrUltraheat.VOLUME_PREVIOUS_YEAR, Units::volumeM3);
        BigDecimal targetPower = number(block, LandisGyrUltraheat.POWER_MAX_PREVIOUS_YEAR, Units::kilowatts);
        BigDecimal targetFlow = number(block, LandisGyrUltraheat.FLOW_RATE_MAX_PREVIOUS_YEAR,
                Units::cubicMetresPerHour);
        if (targetHeat != null || targetVolume != null || targetPower != null || targetFlow != null) {
            b.targetDate(new TargetDateValues(lastSetDay(LandisGyrUltraheat.YEARLY_SET_DAY.in(block), clock),
                    targetHeat, null, targetVolume, targetPower, targetFlow));
        }
        return b.build();
    }

    private static MeterIdentity identity(Identification identification, DataBlock block) {
        String manufacturer = identification.manufacturer().toUpperCase(Locale.ROOT);
        String maker = Manufacturers.name(manufacturer);
        String model = "LUG".equals(manufacturer) ? MODELS.get(identification.ident()) : null;
        if (model == null) {
            model = maker + " heat meter, identification " + identification.text();
        }
        String id = text(LandisGyrUltraheat.OWNERSHIP_NUMBER.in(block))
                .or(() -> text(LandisGyrUltraheat.DEVICE_NUMBER.in(block)))
                .orElseThrow(() -> new IllegalArgumentException("expected the ownership number (9.21) or the device"
                        + " number (9.20) in the readout of " + identification.text() + ", found neither"));
        return new MeterIdentity(manufacturer, maker, model, id, null, null, HEAT, null);
    }

    /** The text of a one-value data set that is not empty, as sent (leading zeros kept). */
    private static Optional<String> text(Optional<DataSet> d) {
        return d.filter(s -> s.values().size() == 1 && !s.raw().isBlank()).map(s -> s.value().text().strip());
    }

    /**
     * A data set as a raw record: code its address ({@code 6.8}, {@code 6.8*01}); storage the
     * number after {@code *}; quantity the {@link LandisGyrUltraheat} name in lower case, or
     * {@code unknown}; function {@code maximum} for the highest values, {@code error} for the
     * fault hours, else {@code instantaneous}. A single number with a unit is the number in that
     * unit's usual symbol; anything else (several values, a number without a unit, which may be
     * an identifier with leading zeros, a date, an empty set) is the text between the parentheses.
     */
    static RawRecord record(DataSet d) {
        Optional<LandisGyrUltraheat> field = LandisGyrUltraheat.of(d.address());
        String quantity = field.map(f -> f.name().toLowerCase(Locale.ROOT)).orElse("unknown");
        String description = field.map(LandisGyrUltraheat::description).orElse("not named by any published source");
        String function = field.map(UltraheatNormalizer::function).orElse("instantaneous");
        long storage = d.address().storage().orElse(0);
        List<DataSetValue> values = d.values();
        DataSetValue v = values.get(0);
        if (values.size() == 1 && v.isNumber() && !v.unit().isEmpty()) {
            return new RawRecord(d.address().text(), storage, 0, 0, function, quantity, description, unit(v),
                    v.decimal(), null, null);
        }
        return new RawRecord(d.address().text(), storage, 0, 0, function, quantity, description, "", null, d.raw(),
                null);
    }

    private static String function(LandisGyrUltraheat f) {
        return switch (f) {
            case POWER_MAX, POWER_MAX_PREVIOUS_YEAR, FLOW_RATE_MAX, FLOW_RATE_MAX_PREVIOUS_YEAR, TEMPERATURES_MAX,
                    TEMPERATURES_MAX_PREVIOUS_YEAR -> "maximum";
            case FAULT_HOURS, FAULT_HOURS_PREVIOUS_YEAR -> "error";
            default -> "instantaneous";
        };
    }

    private static String unit(DataSetValue v) {
        return UNITS.getOrDefault(v.unit(), v.unit());
    }

    /** The single numeric value of a field, converted from its unit; {@code null} if absent or not a number. */
    private static BigDecimal number(DataBlock block, LandisGyrUltraheat field,
            BiFunction<BigDecimal, String, BigDecimal> convert) {
        DataSetValue v = single(block, field);
        return v == null ? null : convert.apply(v.decimal(), unit(v));
    }

    private static Energy energy(DataBlock block, LandisGyrUltraheat field) {
        DataSetValue v = single(block, field);
        return v == null ? null : Units.energy(v.decimal(), unit(v));
    }

    private static DataSetValue single(DataBlock block, LandisGyrUltraheat field) {
        DataSet d = field.in(block).orElse(null);
        if (d == null || d.values().size() != 1 || !d.value().isNumber()) {
            return null;
        }
        return d.value();
    }

    /** 9.36 {@code YYYY-MM-DD&hh:mm:ss}. */
    private static LocalDateTime dateTime(Optional<DataSet> d) {
        if (d.isEmpty() || d.get().values().size() != 2) {
            return null;
        }
        try {
            List<DataSetValue> v = d.get().values();
            return LocalDateTime.of(LocalDate.parse(v.get(0).text()), LocalTime.parse(v.get(1).text()));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The last occurrence of the yearly set day 6.36 ({@code MM-DD&hh:mm}) at or before {@code clock}. */
    static LocalDate lastSetDay(Optional<DataSet> setDay, LocalDateTime clock) {
        if (setDay.isEmpty() || clock == null || setDay.get().values().size() != 2) {
            return null;
        }
        try {
            List<DataSetValue> v = setDay.get().values();
            MonthDay day = MonthDay.parse(v.get(0).text(), SET_DAY);
            LocalTime time = LocalTime.parse(v.get(1).text());
            LocalDateTime thisYear = day.atYear(clock.getYear()).atTime(time);
            return (thisYear.isAfter(clock) ? day.atYear(clock.getYear() - 1).atTime(time) : thisYear).toLocalDate();
        } catch (DateTimeException e) {
            return null;
        }
    }
}
