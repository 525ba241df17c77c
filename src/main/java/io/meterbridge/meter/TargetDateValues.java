package io.meterbridge.meter;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The values a heat meter stored at its last target (billing) date: the records with storage
 * number 1 (Kamstrup MULTICAL: "target date" / "accounting date" register). Any component may be
 * {@code null} when not sent; {@code date} is {@code null} while the meter has not reached its
 * first target date (it sends the all-zero "not set" date).
 */
public record TargetDateValues(LocalDate date, Energy heatEnergy, Energy coolingEnergy, BigDecimal volumeM3,
        BigDecimal maxPowerKw, BigDecimal maxVolumeFlowM3h) {
}
