package io.meterbridge.meter;

import io.meterbridge.telegram.SecondaryAddress;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The readings the three wired Kamstrup telegrams of {@code shared/conformance/kamstrup} must
 * normalise to, written out by hand from the expected values in their JSON files (si values
 * converted: 13000 Wh = 13 kWh, 15372000 s = 4270 h, 1400 W = 1.4 kW).
 */
public final class KamstrupExpected {

    public static final Instant READ_AT = Instant.parse("2026-11-21T03:00:00Z");

    private KamstrupExpected() {
    }

    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    static Energy kwh(String s) {
        return new Energy(d(s), EnergyUnit.KWH);
    }

    /** multical303-heat.json: MULTICAL 303 heat meter, ID 82937133, address 0x85, info code 256. */
    public static HeatReading multical303Heat() {
        MeterIdentity id = new MeterIdentity("KAM", "Kamstrup", "MULTICAL 303", "82937133", 0x85,
                SecondaryAddress.parse("829371332D2C4004"), 0x04, 0x40);
        return HeatReading.builder(id, READ_AT).status(0x10)
                .heatEnergy(kwh("13")).volumeM3(d("3.07"))
                .operatingHours(d("4270")).errorHours(d("150"))
                .flowTemperatureC(d("23.76")).returnTemperatureC(d("23.27")).temperatureDifferenceK(d("0.49"))
                .powerKw(d("0")).maxPowerKw(d("9")).volumeFlowM3h(d("0")).maxVolumeFlowM3h(d("1.383"))
                .infoCode(InfoCode.kamstrup(256))
                .targetDate(new TargetDateValues(LocalDate.of(2024, 6, 1), kwh("0"), null, d("0"), d("0"), d("0")))
                .records(List.of())
                .build();
    }

    /** multical303-heat-cooling.json: MULTICAL 303 heat/cooling meter, ID 30303030, address 0x30. */
    public static HeatReading multical303HeatCooling() {
        MeterIdentity id = new MeterIdentity("KAM", "Kamstrup", "MULTICAL 303", "30303030", 0x30,
                SecondaryAddress.parse("303030302D2C400D"), 0x0D, 0x40);
        return HeatReading.builder(id, READ_AT).status(0x00)
                .heatEnergy(kwh("154")).coolingEnergy(kwh("0")).volumeM3(d("39.49"))
                .operatingHours(d("2697")).errorHours(d("0"))
                .flowTemperatureC(d("29.3")).returnTemperatureC(d("28.2")).temperatureDifferenceK(d("1.1"))
                .powerKw(d("1.4")).maxPowerKw(d("18")).volumeFlowM3h(d("1.128")).maxVolumeFlowM3h(d("1.146"))
                .infoCode(InfoCode.kamstrup(0))
                .targetDate(new TargetDateValues(null, kwh("0"), kwh("0"), d("0"), d("0"), d("0")))
                .records(List.of())
                .build();
    }

    /** multical403-heat.json: MULTICAL 403 heat meter, ID 77447744, address 0x4A; 2609351 minutes operating. */
    public static HeatReading multical403Heat() {
        MeterIdentity id = new MeterIdentity("KAM", "Kamstrup", "MULTICAL 403", "77447744", 0x4A,
                SecondaryAddress.parse("774477442D2C3404"), 0x04, 0x34);
        return HeatReading.builder(id, READ_AT).status(0x00)
                .heatEnergy(kwh("34510")).volumeM3(d("2232.49")).volumeFlowM3h(d("0.527"))
                .flowTemperatureC(d("64.6")).returnTemperatureC(d("45.16"))
                .infoCode(InfoCode.kamstrup(0))
                // 156561060 s / 3600 = 43489.18333… h, kept to 6 decimals
                .operatingHours(d("43489.183333"))
                .records(List.of())
                .build();
    }
}
