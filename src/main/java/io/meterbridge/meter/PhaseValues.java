package io.meterbridge.meter;

import java.math.BigDecimal;

/**
 * Per-phase values of an electricity meter (P1 OBIS 32.7.0/31.7.0/21.7.0/22.7.0 and the
 * sag/swell counters for L1, 52.x/51.x… for L2, 72.x/71.x… for L3). Any value may be {@code null}.
 *
 * @param phase 1, 2 or 3
 * @param voltageV instantaneous voltage, V
 * @param currentA instantaneous current, A
 * @param powerImportKw instantaneous active power imported (+P), kW
 * @param powerExportKw instantaneous active power exported (−P), kW
 * @param voltageSags number of voltage sags
 * @param voltageSwells number of voltage swells
 */
public record PhaseValues(int phase, BigDecimal voltageV, BigDecimal currentA, BigDecimal powerImportKw,
        BigDecimal powerExportKw, Long voltageSags, Long voltageSwells) {

    public PhaseValues {
        if (phase < 1 || phase > 3) {
            throw new IllegalArgumentException("phase must be 1, 2 or 3, found " + phase);
        }
    }
}
