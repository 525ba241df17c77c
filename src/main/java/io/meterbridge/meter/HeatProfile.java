package io.meterbridge.meter;

import io.meterbridge.telegram.DataRecord;
import io.meterbridge.telegram.Flow;
import io.meterbridge.telegram.Function;
import io.meterbridge.telegram.Quantity;
import io.meterbridge.telegram.Value;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Heat, cooling and heat/cooling meters. Records are mapped by their VIF meaning (EN 13757-3
 * table 10), which is how every brand's heat meter sends its registers; a Kamstrup MULTICAL
 * additionally has three manufacturer-specific records that the {@link #kamstrup} variant reads:
 *
 * <ul>
 * <li>{@code FF 22}: the info code, a bit field read unsigned (16 bits on the 303, 32 on the 403);</li>
 * <li>{@code A5 FF 21} (MULTICAL 403): operating time in minutes, behind a manufacturer escape;</li>
 * <li>{@code FF 07}, {@code FF 08}: volume-weighted flow/return temperature sums (kept raw only).</li>
 * </ul>
 * A generic meter's info code comes from the standard error-flags record (VIF {@code FD 17}).
 *
 * <p>Which record is which (storage 0, tariff 0, sub-unit 0, unless said otherwise):
 * energy without direction → heat energy (cooling energy on a cooling-only meter, media
 * 0x0A/0x0B); energy with backward flow (VIFE 0x3C) → cooling energy (Kamstrup heat/cooling
 * meters); volume; flow/return temperature; temperature difference; power and
 * volume flow (instantaneous, and maximum → max); on time or operating time → operating hours,
 * the same with function "value during error state" → error hours; storage 1 → target-date
 * values with the storage-1 date. Tariff registers and pulse inputs (sub-units) stay in the raw
 * records. When a register appears twice, the first wins.
 */
public final class HeatProfile implements MeterProfile {

    private final String model;
    private final boolean kamstrup;

    private HeatProfile(String model, boolean kamstrup) {
        this.model = model;
        this.kamstrup = kamstrup;
    }

    /** A Kamstrup MULTICAL of a known model. */
    public static HeatProfile kamstrup(String model) {
        return new HeatProfile(model, true);
    }

    /** Any other heat meter, mapped by VIF meaning. */
    public static HeatProfile generic(String model) {
        return new HeatProfile(model, false);
    }

    @Override
    public String model() {
        return model;
    }

    @Override
    public String name() {
        return kamstrup ? "kamstrup-multical" : "generic-heat";
    }

    @Override
    public Reading toReading(MeterIdentity meter, Instant readAt, Integer status, List<DataRecord> records,
            List<RawRecord> raw) {
        boolean coolingOnly = meter.medium() == 0x0A || meter.medium() == 0x0B;
        // Backward-flow energy is the cooling register of a heat/cooling meter (medium 0x0D) and of
        // a Kamstrup MULTICAL; on another brand's heat-only meter its meaning is not defined, so it
        // stays in the raw records.
        boolean backwardIsCooling = kamstrup || meter.medium() == 0x0D;
        Fields f = new Fields();
        for (DataRecord r : records) {
            if (kamstrup && kamstrupRecord(r, f)) {
                continue;
            }
            if (r.manufacturerSpecific() || r.tariff() != 0 || r.subunit() != 0 || !plainMeaning(r)) {
                continue;
            }
            if (r.storage() == 0) {
                current(r, f, coolingOnly, backwardIsCooling);
            } else if (r.storage() == 1) {
                target(r, f, coolingOnly, backwardIsCooling);
            }
        }
        HeatReading.Builder b = HeatReading.builder(meter, readAt)
                .meterClock(MeterProfile.meterClock(records))
                .status(status)
                .heatEnergy(f.heat).coolingEnergy(f.cooling).volumeM3(f.volume)
                .flowTemperatureC(f.flowT).returnTemperatureC(f.returnT).temperatureDifferenceK(f.deltaT)
                .powerKw(f.power).maxPowerKw(f.maxPower).volumeFlowM3h(f.flow).maxVolumeFlowM3h(f.maxFlow)
                .operatingHours(f.operatingHours != null ? f.operatingHours : f.onHours)
                .errorHours(f.errorHours)
                .infoCode(f.infoCode)
                .records(raw);
        if (f.hasTarget) {
            b.targetDate(new TargetDateValues(f.targetDate, f.targetHeat, f.targetCooling, f.targetVolume,
                    f.targetMaxPower, f.targetMaxFlow));
        }
        return b.build();
    }

    /** Kamstrup's manufacturer-specific records; true if the record was one of them. */
    private static boolean kamstrupRecord(DataRecord r, Fields f) {
        String vif = r.vif().toUpperCase(java.util.Locale.ROOT);
        if (vif.equals("FF22")) {
            if (r.storage() == 0 && f.infoCode == null) {
                Long code = unsigned(r);
                if (code != null) {
                    f.infoCode = InfoCode.kamstrup(code);
                }
            }
            return true;
        }
        if (vif.equals("A5FF21")) {
            // VIF 0x25 = operating time in minutes; the FF 21 tail is Kamstrup's qualifier.
            if (r.storage() == 0 && r.function() == Function.INSTANTANEOUS && f.operatingHours == null) {
                Long minutes = unsigned(r);
                if (minutes != null) {
                    f.operatingHours = Units.hours(BigDecimal.valueOf(minutes), "min");
                }
            }
            return true;
        }
        return vif.equals("FF07") || vif.equals("FF08");
    }

    private static void current(DataRecord r, Fields f, boolean coolingOnly, boolean backwardIsCooling) {
        BigDecimal v = r.number();
        Function fn = r.function();
        Quantity q = r.quantity();
        String u = r.unit();
        if (q == Quantity.ON_TIME || q == Quantity.OPERATING_TIME) {
            BigDecimal h = Units.hours(v, u);
            if (fn == Function.ERROR) {
                f.errorHours = first(f.errorHours, h);
            } else if (fn == Function.INSTANTANEOUS) {
                if (q == Quantity.OPERATING_TIME) {
                    f.operatingHours = first(f.operatingHours, h);
                } else {
                    f.onHours = first(f.onHours, h);
                }
            }
            return;
        }
        if (q == Quantity.ERROR_FLAGS && fn == Function.INSTANTANEOUS) {
            Long code = unsigned(r);
            if (code != null && f.infoCode == null) {
                f.infoCode = InfoCode.errorFlags(code);
            }
            return;
        }
        if (fn == Function.MAXIMUM) {
            switch (q) {
                case POWER -> f.maxPower = first(f.maxPower, Units.kilowatts(v, u));
                case VOLUME_FLOW -> f.maxFlow = first(f.maxFlow, Units.cubicMetresPerHour(v, u));
                default -> { }
            }
            return;
        }
        if (fn != Function.INSTANTANEOUS) {
            return;
        }
        switch (q) {
            case ENERGY -> {
                Energy e = Units.energy(v, u);
                if (r.flow() == Flow.BACKWARD) {
                    if (backwardIsCooling) {
                        f.cooling = first(f.cooling, e);
                    }
                } else if (coolingOnly) {
                    f.cooling = first(f.cooling, e);
                } else {
                    f.heat = first(f.heat, e);
                }
            }
            case VOLUME -> {
                if (r.flow() != Flow.BACKWARD) {
                    f.volume = first(f.volume, Units.volumeM3(v, u));
                }
            }
            case FLOW_TEMPERATURE -> f.flowT = first(f.flowT, Units.celsius(v, u));
            case RETURN_TEMPERATURE -> f.returnT = first(f.returnT, Units.celsius(v, u));
            case TEMPERATURE_DIFFERENCE -> f.deltaT = first(f.deltaT, Units.kelvinDifference(v, u));
            case POWER -> f.power = first(f.power, Units.kilowatts(v, u));
            case VOLUME_FLOW -> f.flow = first(f.flow, Units.cubicMetresPerHour(v, u));
            default -> { }
        }
    }

    private static void target(DataRecord r, Fields f, boolean coolingOnly, boolean backwardIsCooling) {
        BigDecimal v = r.number();
        String u = r.unit();
        Function fn = r.function();
        switch (r.quantity()) {
            case DATE, DATE_TIME -> {
                f.hasTarget = true;
                if (f.targetDate == null) {
                    if (r.value() instanceof Value.Date d) {
                        f.targetDate = d.date();
                    } else if (r.value() instanceof Value.DateTime dt) {
                        f.targetDate = dt.dateTime().toLocalDate();
                    }
                }
            }
            case ENERGY -> {
                if (fn == Function.INSTANTANEOUS) {
                    Energy e = Units.energy(v, u);
                    if (r.flow() == Flow.BACKWARD) {
                        if (backwardIsCooling) {
                            f.targetCooling = first(f.targetCooling, e);
                            f.hasTarget |= e != null;
                        }
                    } else if (coolingOnly) {
                        f.targetCooling = first(f.targetCooling, e);
                        f.hasTarget |= e != null;
                    } else {
                        f.targetHeat = first(f.targetHeat, e);
                        f.hasTarget |= e != null;
                    }
                }
            }
            case VOLUME -> {
                if (fn == Function.INSTANTANEOUS && r.flow() != Flow.BACKWARD) {
                    f.targetVolume = first(f.targetVolume, Units.volumeM3(v, u));
                    f.hasTarget |= f.targetVolume != null;
                }
            }
            case POWER -> {
                if (fn == Function.MAXIMUM) {
                    f.targetMaxPower = first(f.targetMaxPower, Units.kilowatts(v, u));
                    f.hasTarget |= f.targetMaxPower != null;
                }
            }
            case VOLUME_FLOW -> {
                if (fn == Function.MAXIMUM) {
                    f.targetMaxFlow = first(f.targetMaxFlow, Units.cubicMetresPerHour(v, u));
                    f.hasTarget |= f.targetMaxFlow != null;
                }
            }
            default -> { }
        }
    }

    /**
     * True if the record's combinable VIFEs leave its quantity as it is: none, forward/backward
     * flow (0x3B/0x3C) or a multiplicative correction already applied (0x70–0x77, 0x7D). Any
     * other VIFE (limits and their exceedance counts/dates/durations, "per unit", start date,
     * additive correction, …) makes it another quantity, e.g. {@code 04 BE 50} is the duration
     * of a flow-limit exceedance, not a flow.
     */
    static boolean plainMeaning(DataRecord r) {
        for (io.meterbridge.telegram.CombinableVife v : r.combinables()) {
            int c = v.code();
            boolean plain = !v.secondTable() && (c == 0x3B || c == 0x3C || c >= 0x70 && c <= 0x77 || c == 0x7D);
            if (!plain) {
                return false;
            }
        }
        return true;
    }

    /**
     * The record's integer data read unsigned little-endian (bit fields, EN 13757-3 type D), or
     * {@code null} if its data field is not a binary integer (then the numeric value, if any).
     */
    static Long unsigned(DataRecord r) {
        int df = r.dataField();
        if (df >= 1 && df <= 4 || df == 6) {
            byte[] d = r.data();
            long v = 0;
            for (int i = d.length - 1; i >= 0; i--) {
                v = v << 8 | (d[i] & 0xFF);
            }
            return v;
        }
        BigDecimal n = r.number();
        if (n != null && n.signum() >= 0) {
            try {
                return n.longValueExact();
            } catch (ArithmeticException notAnInteger) {
                return null;
            }
        }
        return null;
    }

    private static <T> T first(T existing, T candidate) {
        return existing != null ? existing : candidate;
    }

    /** The values found so far. */
    private static final class Fields {
        Energy heat;
        Energy cooling;
        BigDecimal volume;
        BigDecimal flowT;
        BigDecimal returnT;
        BigDecimal deltaT;
        BigDecimal power;
        BigDecimal maxPower;
        BigDecimal flow;
        BigDecimal maxFlow;
        BigDecimal operatingHours;
        BigDecimal onHours;
        BigDecimal errorHours;
        InfoCode infoCode;
        boolean hasTarget;
        LocalDate targetDate;
        Energy targetHeat;
        Energy targetCooling;
        BigDecimal targetVolume;
        BigDecimal targetMaxPower;
        BigDecimal targetMaxFlow;
    }

    @Override
    public String toString() {
        return name() + " (" + model + ")";
    }
}
