package io.meterbridge.meter;

import io.meterbridge.kmp.KmpRegister;
import io.meterbridge.kmp.KmpRegisterValue;
import io.meterbridge.kmp.KmpResponse;
import io.meterbridge.kmp.KmpUnit;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Turns what a Kamstrup MULTICAL answers over KMP through its optical eye (GetType, GetSerialNo,
 * GetRegister) into the {@link HeatReading} the wired path ({@link HeatProfile#kamstrup}) gives
 * for the same meter: the same fields in the same units, the same identity. Pure and thread-safe.
 *
 * <p>Registers ({@link KmpRegister}, units {@link KmpUnit}) to fields; the first value of a
 * register wins, as in {@link HeatProfile}:
 * <ul>
 * <li>E1 → heat energy, E3 → cooling energy, in the register's unit, converted as the wired path
 *     converts ({@link Units#energy}: Wh → kWh, J/kJ/MJ → GJ, GWh → MWh); "GJ × 10" counts tens of GJ.
 *     An energy in calories (cal … Gcal) stays in the records only: {@link EnergyUnit} has no
 *     calorie, and which calorie a MULTICAL counts (4.1868 J or 4.184 J) is published nowhere we read;</li>
 * <li>V1 → volume (m³, l, "m³ × 10");</li>
 * <li>T1, T2 → flow and return temperature, in °C only (unit K is KMP's temperature difference);
 *     T1−T2 → temperature difference (K or °C);</li>
 * <li>power → kW (W, kW, MW, GW); flow V1 → m³/h (l/h, m³/h);</li>
 * <li>hour counter → operating hours, error hour counter → error hours, in h, min, s or d; a value
 *     sent as a plain number (units 0 and 51) counts hours, which is what these registers hold
 *     (PyKMP "HourCounter", "Error hour counter"; MeterLogger "Operational hour counter");</li>
 * <li>info code → {@link InfoCode#kamstrup}, the bits the M-Bus info record has (MULTICAL 403
 *     technical description, "Info codes": one info code, shown in the display and sent in the
 *     data), when it is a non-negative whole number;</li>
 * <li>date and time → the meter clock (both needed);</li>
 * <li>target date, when it is a date (units yy:mm:dd, yyyy:mm:dd) → the target date values' date;
 *     no register of the table holds values stored at that date. In unit mm:dd it is the yearly
 *     set day, not a date, and stays in the records.</li>
 * </ul>
 * Every register answered, in the table or not, is a {@link RawRecord} ({@link #record(KmpRegisterValue)}); so is
 * the GetType answer, which has no other place in a reading.
 *
 * <p>Identity: manufacturer {@code KAM}; ID the serial number, eight digits zero-padded as the
 * wired IDs are. The wired ID is the customer number: MULTICAL 403 technical description
 * 5512-1689, section 3.3 "Data": "M-Bus ID-No. (used for secondary address): Customer no." and
 * "Customer no. equal to S/N" unless the order says otherwise. So the two paths give the same
 * {@link MeterIdentity#stableKey()} for a meter whose customer number is the factory default,
 * and different keys for one whose customer number was programmed (KMP registers 1010 and 112
 * hold the customer number, PyKMP and MeterLogger; they are not in {@link KmpRegister}'s table).
 *
 * <p>Model: no source publishes what GetType's meter type codes mean ({@link KmpResponse.MeterType};
 * PyKMP, MeterLogger, bsdphk/PyKamstrup, ESPHome's kamstrup_kmp and golles/ha-kamstrup_403 read
 * or ignore the code, none names a model), so this class maps none: a meter is described as the
 * wired path describes a version byte it does not know ({@code "Kamstrup heat meter, KMP meter
 * type 0x0004"}), unless the configuration names the model ({@link #KmpNormalizer(String)}).
 *
 * <p>Medium: heat (0x04). Nothing KMP answers says heat/cooling: register 404 "Meter type"
 * (PyKMP, PyKamstrup 603) has no published values. Status: none (KMP has no M-Bus status byte).
 */
public final class KmpNormalizer {

    /** FLAG code of Kamstrup, as the wired header spells it. */
    static final String KAMSTRUP = "KAM";
    /** EN 13757-3 medium code of a heat meter (outlet). */
    static final int HEAT = 0x04;

    private final String model;

    /** A normaliser that describes each meter by its GetType answer. */
    public KmpNormalizer() {
        this.model = null;
    }

    /**
     * A normaliser for meters the configuration says are {@code model}, spelt as the wired path
     * names it, so that both paths give the same model string.
     *
     * @param model a MULTICAL model of {@link Profiles}' table, any case: {@code "MULTICAL 403"}
     * @throws IllegalArgumentException for a name that is not in that table
     */
    public KmpNormalizer(String model) {
        Objects.requireNonNull(model, "model");
        this.model = Profiles.kamstrupModelNamed(model).orElseThrow(() -> new IllegalArgumentException(
                "expected a MULTICAL model the wired path knows (" + String.join(", ", Profiles.kamstrupModels())
                        + "), found '" + model + "'"));
    }

    /**
     * The reading of one KMP read.
     *
     * @param type the GetType answer, or {@code null} if it was not asked
     * @param serialNumber the GetSerialNo answer, 0–4294967295
     * @param values the registers of the GetRegister answers, in the order received
     * @param readAt when this service read the meter
     * @throws IllegalArgumentException for a serial number outside 0–4294967295
     */
    public HeatReading normalize(KmpResponse.MeterType type, long serialNumber, List<KmpRegisterValue> values,
            Instant readAt) {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(readAt, "readAt");
        // The record checks the range, with the message GetSerialNo's own parser gives.
        long serial = new KmpResponse.SerialNo(serialNumber).serialNumber();
        MeterIdentity meter = new MeterIdentity(KAMSTRUP, Manufacturers.name(KAMSTRUP), model(type),
                String.format(Locale.ROOT, "%08d", serial), null, null, HEAT, null);

        List<RawRecord> raw = new ArrayList<>(values.size() + 1);
        if (type != null) {
            raw.add(record(type));
        }
        Map<KmpRegister, KmpRegisterValue> first = new EnumMap<>(KmpRegister.class);
        for (KmpRegisterValue v : values) {
            raw.add(record(v));
            v.register().ifPresent(r -> first.putIfAbsent(r, v));
        }

        HeatReading.Builder b = HeatReading.builder(meter, readAt)
                .meterClock(clock(first.get(KmpRegister.DATE), first.get(KmpRegister.TIME)))
                .heatEnergy(energy(first.get(KmpRegister.E1)))
                .coolingEnergy(energy(first.get(KmpRegister.E3)))
                .volumeM3(volume(first.get(KmpRegister.V1)))
                .flowTemperatureC(celsius(first.get(KmpRegister.T1)))
                .returnTemperatureC(celsius(first.get(KmpRegister.T2)))
                .temperatureDifferenceK(convert(first.get(KmpRegister.T1_T2), Units::kelvinDifference))
                .powerKw(convert(first.get(KmpRegister.POWER), Units::kilowatts))
                .volumeFlowM3h(convert(first.get(KmpRegister.FLOW1), Units::cubicMetresPerHour))
                .operatingHours(hours(first.get(KmpRegister.HOURS)))
                .errorHours(hours(first.get(KmpRegister.ERROR_HOURS)))
                .infoCode(infoCode(first.get(KmpRegister.INFO)))
                .records(raw);
        LocalDate target = first.containsKey(KmpRegister.TARGET_DATE)
                ? first.get(KmpRegister.TARGET_DATE).date().orElse(null) : null;
        if (target != null) {
            b.targetDate(new TargetDateValues(target, null, null, null, null, null));
        }
        return b.build();
    }

    /** The model: the configured one, else a description of the GetType answer. */
    private String model(KmpResponse.MeterType type) {
        if (model != null) {
            return model;
        }
        String maker = Manufacturers.name(KAMSTRUP);
        return type == null ? maker + " heat meter"
                : String.format(Locale.ROOT, "%s heat meter, KMP meter type 0x%04X", maker, type.meterType());
    }

    /**
     * A register as a raw record: code {@code "KMP 0x003C"}; quantity the register's name in lower
     * case ({@code e1}, {@code t1_t2}) or {@code unknown} outside the table; function
     * {@code instantaneous} (the register's content as answered); a date or time register whose
     * digits spell one as ISO text, anything else as its exact number in its unit's symbol.
     */
    static RawRecord record(KmpRegisterValue v) {
        Optional<KmpRegister> register = v.register();
        Optional<KmpUnit> unit = v.unit();
        String code = String.format(Locale.ROOT, "KMP 0x%04X", v.registerId());
        String quantity = register.map(r -> r.name().toLowerCase(Locale.ROOT)).orElse("unknown");
        String description = register.map(KmpRegister::description)
                .orElse(String.format(Locale.ROOT, "register 0x%04X (%d), in no published table", v.registerId(),
                        v.registerId()));
        if (unit.isEmpty()) {
            description += ", unit code " + v.unitCode() + " (not published)";
        }
        String text = v.date().map(LocalDate::toString).or(() -> v.time().map(LocalTime::toString)).orElse(null);
        if (text != null) {
            return new RawRecord(code, 0, 0, 0, "instantaneous", quantity, description, "", null, text, null);
        }
        return new RawRecord(code, 0, 0, 0, "instantaneous", quantity, description,
                unit.map(KmpUnit::symbol).orElse(""), v.value(), null, null);
    }

    /** The GetType answer as a raw record: the meter type code as the number, the revision in the description. */
    static RawRecord record(KmpResponse.MeterType type) {
        String description = "meter type (GetType), software revision "
                + type.softwareRevision().orElse("not sent");
        return new RawRecord("KMP GetType", 0, 0, 0, "instantaneous", "meter_type", description, "",
                BigDecimal.valueOf(type.meterType()), null, null);
    }

    private static LocalDateTime clock(KmpRegisterValue date, KmpRegisterValue time) {
        if (date == null || time == null) {
            return null;
        }
        Optional<LocalDate> d = date.date();
        Optional<LocalTime> t = time.time();
        return d.isPresent() && t.isPresent() ? LocalDateTime.of(d.get(), t.get()) : null;
    }

    private static Energy energy(KmpRegisterValue v) {
        KmpUnit u = v == null ? null : v.unit().orElse(null);
        if (u == null) {
            return null;
        }
        if (u == KmpUnit.GJ_X10) {
            return new Energy(v.value().movePointRight(1), EnergyUnit.GJ);
        }
        return Units.energy(v.value(), u.symbol());
    }

    private static BigDecimal volume(KmpRegisterValue v) {
        KmpUnit u = v == null ? null : v.unit().orElse(null);
        if (u == null) {
            return null;
        }
        return u == KmpUnit.CUBIC_METRE_X10 ? v.value().movePointRight(1) : Units.volumeM3(v.value(), u.symbol());
    }

    private static BigDecimal celsius(KmpRegisterValue v) {
        return v != null && v.unitCode() == KmpUnit.CELSIUS.code() ? v.value() : null;
    }

    private static BigDecimal hours(KmpRegisterValue v) {
        KmpUnit u = v == null ? null : v.unit().orElse(null);
        if (u == null) {
            return null;
        }
        return u == KmpUnit.NONE || u == KmpUnit.NUMBER ? v.value() : Units.hours(v.value(), u.symbol());
    }

    private static InfoCode infoCode(KmpRegisterValue v) {
        KmpUnit u = v == null ? null : v.unit().orElse(null);
        if (u != KmpUnit.NONE && u != KmpUnit.NUMBER && u != KmpUnit.BITFIELD) {
            return null;
        }
        if (v.value().signum() < 0) {
            return null;
        }
        try {
            return InfoCode.kamstrup(v.value().longValueExact());
        } catch (ArithmeticException notAWholeNumber) {
            return null;
        }
    }

    private static BigDecimal convert(KmpRegisterValue v, BiFunction<BigDecimal, String, BigDecimal> c) {
        KmpUnit u = v == null ? null : v.unit().orElse(null);
        return u == null ? null : c.apply(v.value(), u.symbol());
    }
}
