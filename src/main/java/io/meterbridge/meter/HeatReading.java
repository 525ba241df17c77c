package io.meterbridge.meter;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A reading of a heat (or heat/cooling) meter. Units are in the accessor names; every value is
 * the meter's, after its VIF scale, converted to the named unit: exactly where the factor is a
 * power of ten or an integer (W → kW, l → m³, MJ → GJ, days → hours); a division by 60, 3600 or
 * 3.6 (minutes or seconds → hours, J/h → kW) keeps six decimals, and J → Wh conversions of
 * {@link Energy} sixteen significant digits. A value the meter did not send, or sent marked
 * invalid, is {@code null}.
 *
 * @param meter who the meter is
 * @param readAt when this service read it
 * @param meterClock the meter's clock, or {@code null}
 * @param status the M-Bus header status byte (bits 0-1 application state, 2 power low,
 *     3 permanent error, 4 temporary error), or {@code null}
 * @param heatEnergy accumulated heat energy (storage 0), in the meter's unit
 * @param coolingEnergy accumulated cooling energy (heat/cooling meters; Kamstrup: VIFE 0x3C)
 * @param volumeM3 accumulated volume, m³
 * @param flowTemperatureC flow (forward, T1) temperature, °C
 * @param returnTemperatureC return (T2) temperature, °C
 * @param temperatureDifferenceK flow minus return, K
 * @param powerKw current thermal power, kW
 * @param maxPowerKw maximum power in the meter's current period, kW
 * @param volumeFlowM3h current volume flow, m³/h
 * @param maxVolumeFlowM3h maximum volume flow in the meter's current period, m³/h
 * @param operatingHours hours the meter has been operating (Kamstrup: "hour counter")
 * @param errorHours hours spent in an error state
 * @param infoCode info code / error flags with decoded alarms
 * @param targetDate the values stored at the last target (billing) date, storage 1
 * @param gasEquivalent the optional gas-volume estimate of {@code heatEnergy}
 * @param records the raw records, in wire order
 */
public record HeatReading(MeterIdentity meter, Instant readAt, LocalDateTime meterClock, Integer status,
        Energy heatEnergy, Energy coolingEnergy, BigDecimal volumeM3, BigDecimal flowTemperatureC,
        BigDecimal returnTemperatureC, BigDecimal temperatureDifferenceK, BigDecimal powerKw, BigDecimal maxPowerKw,
        BigDecimal volumeFlowM3h, BigDecimal maxVolumeFlowM3h, BigDecimal operatingHours, BigDecimal errorHours,
        InfoCode infoCode, TargetDateValues targetDate, GasEquivalent gasEquivalent, List<RawRecord> records)
        implements Reading {

    public HeatReading {
        Objects.requireNonNull(meter, "meter");
        Objects.requireNonNull(readAt, "readAt");
        records = List.copyOf(records);
    }

    /** A builder, for profiles that fill fields one record at a time. */
    public static Builder builder(MeterIdentity meter, Instant readAt) {
        return new Builder(meter, readAt);
    }

    /** A builder starting from this reading's values. */
    public Builder toBuilder() {
        Builder b = new Builder(meter, readAt);
        b.meterClock = meterClock;
        b.status = status;
        b.heatEnergy = heatEnergy;
        b.coolingEnergy = coolingEnergy;
        b.volumeM3 = volumeM3;
        b.flowTemperatureC = flowTemperatureC;
        b.returnTemperatureC = returnTemperatureC;
        b.temperatureDifferenceK = temperatureDifferenceK;
        b.powerKw = powerKw;
        b.maxPowerKw = maxPowerKw;
        b.volumeFlowM3h = volumeFlowM3h;
        b.maxVolumeFlowM3h = maxVolumeFlowM3h;
        b.operatingHours = operatingHours;
        b.errorHours = errorHours;
        b.infoCode = infoCode;
        b.targetDate = targetDate;
        b.gasEquivalent = gasEquivalent;
        b.records = records;
        return b;
    }

    /** This reading with a gas-equivalent estimate at {@code calorificValueMjPerM3}, if it has heat energy. */
    public HeatReading withGasEquivalent(BigDecimal calorificValueMjPerM3) {
        if (heatEnergy == null) {
            return this;
        }
        return toBuilder().gasEquivalent(GasEquivalent.of(heatEnergy, calorificValueMjPerM3)).build();
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        ReadingMaps.putIdentity(m, "heat", this);
        ReadingMaps.put(m, ReadingKeys.STATUS, status);
        ReadingMaps.putEnergy(m, ReadingKeys.HEAT_ENERGY, ReadingKeys.HEAT_ENERGY_UNIT, ReadingKeys.HEAT_ENERGY_KWH,
                ReadingKeys.HEAT_ENERGY_GJ, heatEnergy);
        ReadingMaps.putEnergy(m, ReadingKeys.COOLING_ENERGY, ReadingKeys.COOLING_ENERGY_UNIT,
                ReadingKeys.COOLING_ENERGY_KWH, ReadingKeys.COOLING_ENERGY_GJ, coolingEnergy);
        ReadingMaps.put(m, ReadingKeys.VOLUME_M3, volumeM3);
        ReadingMaps.put(m, ReadingKeys.FLOW_TEMPERATURE_C, flowTemperatureC);
        ReadingMaps.put(m, ReadingKeys.RETURN_TEMPERATURE_C, returnTemperatureC);
        ReadingMaps.put(m, ReadingKeys.TEMPERATURE_DIFFERENCE_K, temperatureDifferenceK);
        ReadingMaps.put(m, ReadingKeys.POWER_KW, powerKw);
        ReadingMaps.put(m, ReadingKeys.MAX_POWER_KW, maxPowerKw);
        ReadingMaps.put(m, ReadingKeys.VOLUME_FLOW_M3H, volumeFlowM3h);
        ReadingMaps.put(m, ReadingKeys.MAX_VOLUME_FLOW_M3H, maxVolumeFlowM3h);
        ReadingMaps.put(m, ReadingKeys.OPERATING_HOURS, operatingHours);
        ReadingMaps.put(m, ReadingKeys.ERROR_HOURS, errorHours);
        if (infoCode != null) {
            m.put(ReadingKeys.INFO_CODE, infoCode.value());
            m.put(ReadingKeys.INFO_ALARMS, infoCode.keys());
            m.put(ReadingKeys.INFO_TEXT, infoCode.text());
            m.put(ReadingKeys.PROBLEM, infoCode.problem());
        }
        if (targetDate != null) {
            if (targetDate.date() != null) {
                m.put(ReadingKeys.TARGET_DATE, targetDate.date().toString());
            }
            ReadingMaps.putEnergy(m, null, null, ReadingKeys.TARGET_HEAT_ENERGY_KWH, ReadingKeys.TARGET_HEAT_ENERGY_GJ,
                    targetDate.heatEnergy());
            ReadingMaps.putEnergy(m, null, null, ReadingKeys.TARGET_COOLING_ENERGY_KWH,
                    ReadingKeys.TARGET_COOLING_ENERGY_GJ, targetDate.coolingEnergy());
            ReadingMaps.put(m, ReadingKeys.TARGET_VOLUME_M3, targetDate.volumeM3());
            ReadingMaps.put(m, ReadingKeys.TARGET_MAX_POWER_KW, targetDate.maxPowerKw());
            ReadingMaps.put(m, ReadingKeys.TARGET_MAX_VOLUME_FLOW_M3H, targetDate.maxVolumeFlowM3h());
        }
        if (gasEquivalent != null) {
            ReadingMaps.put(m, ReadingKeys.GAS_EQUIVALENT_M3_ESTIMATE, gasEquivalent.volumeM3());
            ReadingMaps.put(m, ReadingKeys.GAS_CALORIFIC_VALUE_MJ_M3, gasEquivalent.calorificValueMjPerM3());
        }
        return m;
    }

    /** Fills a {@link HeatReading} field by field; unset fields stay {@code null}. */
    public static final class Builder {
        private final MeterIdentity meter;
        private final Instant readAt;
        private LocalDateTime meterClock;
        private Integer status;
        private Energy heatEnergy;
        private Energy coolingEnergy;
        private BigDecimal volumeM3;
        private BigDecimal flowTemperatureC;
        private BigDecimal returnTemperatureC;
        private BigDecimal temperatureDifferenceK;
        private BigDecimal powerKw;
        private BigDecimal maxPowerKw;
        private BigDecimal volumeFlowM3h;
        private BigDecimal maxVolumeFlowM3h;
        private BigDecimal operatingHours;
        private BigDecimal errorHours;
        private InfoCode infoCode;
        private TargetDateValues targetDate;
        private GasEquivalent gasEquivalent;
        private List<RawRecord> records = List.of();

        private Builder(MeterIdentity meter, Instant readAt) {
            this.meter = Objects.requireNonNull(meter, "meter");
            this.readAt = Objects.requireNonNull(readAt, "readAt");
        }

        public Builder meterClock(LocalDateTime v) { meterClock = v; return this; }
        public Builder status(Integer v) { status = v; return this; }
        public Builder heatEnergy(Energy v) { heatEnergy = v; return this; }
        public Builder coolingEnergy(Energy v) { coolingEnergy = v; return this; }
        public Builder volumeM3(BigDecimal v) { volumeM3 = v; return this; }
        public Builder flowTemperatureC(BigDecimal v) { flowTemperatureC = v; return this; }
        public Builder returnTemperatureC(BigDecimal v) { returnTemperatureC = v; return this; }
        public Builder temperatureDifferenceK(BigDecimal v) { temperatureDifferenceK = v; return this; }
        public Builder powerKw(BigDecimal v) { powerKw = v; return this; }
        public Builder maxPowerKw(BigDecimal v) { maxPowerKw = v; return this; }
        public Builder volumeFlowM3h(BigDecimal v) { volumeFlowM3h = v; return this; }
        public Builder maxVolumeFlowM3h(BigDecimal v) { maxVolumeFlowM3h = v; return this; }
        public Builder operatingHours(BigDecimal v) { operatingHours = v; return this; }
        public Builder errorHours(BigDecimal v) { errorHours = v; return this; }
        public Builder infoCode(InfoCode v) { infoCode = v; return this; }
        public Builder targetDate(TargetDateValues v) { targetDate = v; return this; }
        public Builder gasEquivalent(GasEquivalent v) { gasEquivalent = v; return this; }
        public Builder records(List<RawRecord> v) { records = v; return this; }

        public HeatReading build() {
            return new HeatReading(meter, readAt, meterClock, status, heatEnergy, coolingEnergy, volumeM3,
                    flowTemperatureC, returnTemperatureC, temperatureDifferenceK, powerKw, maxPowerKw, volumeFlowM3h,
                    maxVolumeFlowM3h, operatingHours, errorHours, infoCode, targetDate, gasEquivalent, records);
        }
    }
}
