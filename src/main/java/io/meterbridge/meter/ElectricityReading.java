package io.meterbridge.meter;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A reading of an electricity meter (P1/DSMR telegram, or an M-Bus electricity meter). Import
 * means delivered to the client (OBIS 1.8.x, +A), export means delivered by the client (2.8.x, −A).
 *
 * @param meter who the meter is
 * @param readAt when this service received the reading
 * @param meterClock the telegram's timestamp (0-0:1.0.0) in meter local time, or {@code null}
 * @param importKwh total imported energy, kWh: the meter's total register (1.8.0), or for a meter that
 *     sends only tariff registers their exact sum (P1 normalisation), {@code null} if it sends neither
 * @param exportKwh total exported energy, kWh, like {@code importKwh} (2.8.0 or the sum of 2.8.x)
 * @param importKwhByTariff imported energy per tariff number (1, 2, …), kWh
 * @param exportKwhByTariff exported energy per tariff number, kWh
 * @param powerImportKw actual power imported, kW
 * @param powerExportKw actual power exported, kW
 * @param tariff the active tariff number (0-0:96.14.0), or {@code null}
 * @param phases per-phase values, phase 1 first
 * @param powerFailures number of power failures in any phase
 * @param longPowerFailures number of long power failures in any phase
 * @param textMessage the utility's text message, or {@code null}
 * @param channels values relayed from M-Bus devices (gas, water, heat), by channel
 * @param records the raw OBIS lines (or M-Bus records)
 */
public record ElectricityReading(MeterIdentity meter, Instant readAt, LocalDateTime meterClock, BigDecimal importKwh,
        BigDecimal exportKwh, SortedMap<Integer, BigDecimal> importKwhByTariff,
        SortedMap<Integer, BigDecimal> exportKwhByTariff, BigDecimal powerImportKw, BigDecimal powerExportKw,
        Integer tariff, List<PhaseValues> phases, Long powerFailures, Long longPowerFailures, String textMessage,
        List<ChannelValue> channels, List<RawRecord> records) implements Reading {

    public ElectricityReading {
        Objects.requireNonNull(meter, "meter");
        Objects.requireNonNull(readAt, "readAt");
        importKwhByTariff = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(importKwhByTariff));
        exportKwhByTariff = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(exportKwhByTariff));
        phases = List.copyOf(phases);
        channels = List.copyOf(channels);
        records = List.copyOf(records);
    }

    /** The first gas channel's value, or {@code null}. */
    public ChannelValue gas() {
        return channels.stream().filter(ChannelValue::isGas).findFirst().orElse(null);
    }

    /** A builder, for parsers that fill fields one line at a time. */
    public static Builder builder(MeterIdentity meter, Instant readAt) {
        return new Builder(meter, readAt);
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        ReadingMaps.putIdentity(m, "electricity", this);
        ReadingMaps.put(m, ReadingKeys.IMPORT_KWH, importKwh);
        ReadingMaps.put(m, ReadingKeys.EXPORT_KWH, exportKwh);
        importKwhByTariff.forEach((t, v) -> ReadingMaps.put(m,
                ReadingKeys.tariffKey(ReadingKeys.IMPORT_TARIFF_PREFIX, t), v));
        exportKwhByTariff.forEach((t, v) -> ReadingMaps.put(m,
                ReadingKeys.tariffKey(ReadingKeys.EXPORT_TARIFF_PREFIX, t), v));
        ReadingMaps.put(m, ReadingKeys.POWER_IMPORT_KW, powerImportKw);
        ReadingMaps.put(m, ReadingKeys.POWER_EXPORT_KW, powerExportKw);
        ReadingMaps.put(m, ReadingKeys.TARIFF, tariff);
        for (PhaseValues p : phases) {
            String l = ReadingKeys.PHASE_PREFIX + p.phase() + "_";
            ReadingMaps.put(m, l + "voltage_v", p.voltageV());
            ReadingMaps.put(m, l + "current_a", p.currentA());
            ReadingMaps.put(m, l + "power_import_kw", p.powerImportKw());
            ReadingMaps.put(m, l + "power_export_kw", p.powerExportKw());
            ReadingMaps.put(m, l + "voltage_sags", p.voltageSags());
            ReadingMaps.put(m, l + "voltage_swells", p.voltageSwells());
        }
        ReadingMaps.put(m, ReadingKeys.POWER_FAILURES, powerFailures);
        ReadingMaps.put(m, ReadingKeys.LONG_POWER_FAILURES, longPowerFailures);
        ReadingMaps.put(m, ReadingKeys.TEXT_MESSAGE, textMessage);
        ChannelValue gas = gas();
        if (gas != null) {
            m.put(ReadingKeys.GAS_M3, Energy.plain(gas.value()));
            if (gas.capturedAt() != null) {
                m.put(ReadingKeys.GAS_TIME, gas.capturedAt().toString());
            }
        }
        for (ChannelValue c : channels) {
            String p = ReadingKeys.CHANNEL_PREFIX + c.channel() + "_";
            m.put(p + "device_type", c.deviceType());
            ReadingMaps.put(m, p + "device_id", c.deviceId());
            m.put(p + "value", Energy.plain(c.value()));
            m.put(p + "unit", c.unit());
            if (c.capturedAt() != null) {
                m.put(p + "time", c.capturedAt().toString());
            }
        }
        return m;
    }

    /** Fills an {@link ElectricityReading}; unset values stay {@code null} or empty. */
    public static final class Builder {
        private final MeterIdentity meter;
        private final Instant readAt;
        private LocalDateTime meterClock;
        private BigDecimal importKwh;
        private BigDecimal exportKwh;
        private final SortedMap<Integer, BigDecimal> importKwhByTariff = new TreeMap<>();
        private final SortedMap<Integer, BigDecimal> exportKwhByTariff = new TreeMap<>();
        private BigDecimal powerImportKw;
        private BigDecimal powerExportKw;
        private Integer tariff;
        private final SortedMap<Integer, PhaseValues> phases = new TreeMap<>();
        private Long powerFailures;
        private Long longPowerFailures;
        private String textMessage;
        private final SortedMap<Integer, ChannelValue> channels = new TreeMap<>();
        private List<RawRecord> records = List.of();

        private Builder(MeterIdentity meter, Instant readAt) {
            this.meter = Objects.requireNonNull(meter, "meter");
            this.readAt = Objects.requireNonNull(readAt, "readAt");
        }

        public Builder meterClock(LocalDateTime v) { meterClock = v; return this; }
        public Builder importKwh(BigDecimal v) { importKwh = v; return this; }
        public Builder exportKwh(BigDecimal v) { exportKwh = v; return this; }
        public Builder importKwh(int tariff, BigDecimal v) { importKwhByTariff.put(tariff, v); return this; }
        public Builder exportKwh(int tariff, BigDecimal v) { exportKwhByTariff.put(tariff, v); return this; }
        public Builder powerImportKw(BigDecimal v) { powerImportKw = v; return this; }
        public Builder powerExportKw(BigDecimal v) { powerExportKw = v; return this; }
        public Builder tariff(Integer v) { tariff = v; return this; }
        /** Sets (replaces) the values of one phase. */
        public Builder phase(PhaseValues v) { phases.put(v.phase(), v); return this; }
        public Builder powerFailures(Long v) { powerFailures = v; return this; }
        public Builder longPowerFailures(Long v) { longPowerFailures = v; return this; }
        public Builder textMessage(String v) { textMessage = v; return this; }
        /** Sets (replaces) the value of one M-Bus channel. */
        public Builder channel(ChannelValue v) { channels.put(v.channel(), v); return this; }
        public Builder records(List<RawRecord> v) { records = v; return this; }

        public ElectricityReading build() {
            return new ElectricityReading(meter, readAt, meterClock, importKwh, exportKwh, importKwhByTariff,
                    exportKwhByTariff, powerImportKw, powerExportKw, tariff, List.copyOf(phases.values()),
                    powerFailures, longPowerFailures, textMessage, List.copyOf(channels.values()), records);
        }
    }
}
