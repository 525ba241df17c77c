package io.meterbridge.meter;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Conversions of a decoded record's value and unit string to the fixed units of a
 * {@link Reading}. A unit this class does not know gives {@code null} (the value stays in the
 * raw records): normalisation never guesses and never throws.
 *
 * <p>Exact where the factor is a power of ten or an integer; a division by 60, 3600 or 3.6
 * (minutes or seconds to hours, J/h to kW) keeps 6 decimals, far below any meter's resolution.
 */
final class Units {

    private static final BigDecimal THOUSAND = new BigDecimal(1000);
    private static final int DIVIDED_SCALE = 6;

    private Units() {
    }

    /** An energy in the unit a meter shows: Wh-based in kWh (MWh stays MWh), J-based in GJ. */
    static Energy energy(BigDecimal v, String unit) {
        if (v == null) {
            return null;
        }
        Energy e = switch (unit) {
            case "Wh" -> new Energy(v, EnergyUnit.WH);
            case "kWh" -> new Energy(v, EnergyUnit.KWH);
            case "MWh" -> new Energy(v, EnergyUnit.MWH);
            case "GWh" -> new Energy(v.multiply(THOUSAND), EnergyUnit.MWH);
            case "J" -> new Energy(v, EnergyUnit.J);
            case "kJ" -> new Energy(v, EnergyUnit.KJ);
            case "MJ" -> new Energy(v, EnergyUnit.MJ);
            case "GJ" -> new Energy(v, EnergyUnit.GJ);
            default -> null;
        };
        if (e == null) {
            return null;
        }
        return switch (e.unit()) {
            case WH -> new Energy(e.in(EnergyUnit.KWH), EnergyUnit.KWH);
            case J, KJ, MJ -> new Energy(e.in(EnergyUnit.GJ), EnergyUnit.GJ);
            default -> e;
        };
    }

    static BigDecimal volumeM3(BigDecimal v, String unit) {
        if (v == null) {
            return null;
        }
        return switch (unit) {
            case "m³", "m3", "m^3" -> v;
            case "L", "l" -> v.movePointLeft(3);
            case "mL" -> v.movePointLeft(6);
            default -> null;
        };
    }

    static BigDecimal celsius(BigDecimal v, String unit) {
        if (v == null) {
            return null;
        }
        return switch (unit) {
            case "°C" -> v;
            case "K" -> v.subtract(new BigDecimal("273.15"));
            case "°F" -> v.subtract(new BigDecimal(32)).multiply(new BigDecimal(5))
                    .divide(new BigDecimal(9), DIVIDED_SCALE, RoundingMode.HALF_EVEN);
            default -> null;
        };
    }

    /** A temperature difference in kelvin (°C and K differences are equal). */
    static BigDecimal kelvinDifference(BigDecimal v, String unit) {
        if (v == null) {
            return null;
        }
        return switch (unit) {
            case "K", "°C" -> v;
            case "°F" -> v.multiply(new BigDecimal(5)).divide(new BigDecimal(9), DIVIDED_SCALE, RoundingMode.HALF_EVEN);
            default -> null;
        };
    }

    static BigDecimal kilowatts(BigDecimal v, String unit) {
        if (v == null) {
            return null;
        }
        return switch (unit) {
            case "mW" -> v.movePointLeft(6);
            case "W" -> v.movePointLeft(3);
            case "kW" -> v;
            case "MW" -> v.movePointRight(3);
            case "GW" -> v.movePointRight(6);
            // 1 kW = 3.6 MJ/h
            case "J/h" -> perHour(v, 0);
            case "kJ/h" -> perHour(v, 3);
            case "MJ/h" -> perHour(v, 6);
            case "GJ/h" -> perHour(v, 9);
            default -> null;
        };
    }

    private static BigDecimal perHour(BigDecimal v, int joulePower) {
        return v.movePointRight(joulePower).divide(new BigDecimal("3.6E6"), new MathContext(16))
                .setScale(DIVIDED_SCALE, RoundingMode.HALF_EVEN);
    }

    static BigDecimal cubicMetresPerHour(BigDecimal v, String unit) {
        if (v == null) {
            return null;
        }
        return switch (unit) {
            case "m³/h" -> v;
            case "m³/min" -> v.multiply(new BigDecimal(60));
            case "m³/s" -> v.multiply(new BigDecimal(3600));
            case "L/h", "l/h" -> v.movePointLeft(3);
            case "L/min", "l/min" -> v.multiply(new BigDecimal("0.06"));
            case "L/s", "l/s" -> v.multiply(new BigDecimal("3.6"));
            default -> null;
        };
    }

    static BigDecimal hours(BigDecimal v, String unit) {
        if (v == null) {
            return null;
        }
        return switch (unit) {
            case "s" -> divide(v, 3600);
            case "min" -> divide(v, 60);
            case "h" -> v;
            case "d" -> v.multiply(new BigDecimal(24));
            default -> null;
        };
    }

    private static BigDecimal divide(BigDecimal v, int by) {
        BigDecimal d = new BigDecimal(by);
        try {
            return v.divide(d);
        } catch (ArithmeticException nonTerminating) {
            return v.divide(d, DIVIDED_SCALE, RoundingMode.HALF_EVEN);
        }
    }
}
