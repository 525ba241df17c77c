package io.meterbridge.sim;

import io.meterbridge.sim.UltraheatMeter.EnergyUnit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Random;

/**
 * What a simulated ULTRAHEAT measures and keeps: power, temperatures and flow moving with time,
 * the registers they integrate into, the yearly set day's copies, and the text of the data
 * block that shows them. The protocol around it is {@link UltraheatMeter}'s; not thread-safe
 * on its own (the meter holds its lock).
 */
final class UltraheatRegisters {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'&'HH:mm:ss");
    /** kWh to raise 1 m³ of water by 1 K. */
    private static final double KWH_PER_M3_K = 1.163;

    private final Random random;
    private final EnergyUnit unit;
    private final String number;
    private LocalDateTime now;
    private double energyKwh = 91_353.0;
    private double volumeM3 = 3_329.67;
    private double operatingHours = 107_988;
    private double flowHours = 28_849;
    private int faultHours = 5;
    private double powerKw = 8.0;
    private double flowTemp = 78.0;
    private double returnTemp = 48.0;
    private double flowM3h;
    private double powerMax;
    private double flowMax;
    private double flowTempMax;
    private double returnTempMax;
    private double energyPreviousYear = 87_405.0;
    private double volumePreviousYear = 3_188.07;
    private double powerMaxPreviousYear = 22.4;
    private double flowMaxPreviousYear = 0.744;
    private double flowTempMaxPreviousYear = 98.5;
    private double returnTempMaxPreviousYear = 96.1;
    private int faultHoursPreviousYear = 5;

    UltraheatRegisters(Random random, LocalDateTime start, EnergyUnit unit, String number) {
        this.random = random;
        this.now = start;
        this.unit = unit;
        this.number = number;
        this.flowM3h = powerKw / (KWH_PER_M3_K * (flowTemp - returnTemp));
        this.powerMax = powerKw;
        this.flowMax = flowM3h;
        this.flowTempMax = flowTemp;
        this.returnTempMax = returnTemp;
    }

    /** The meter's clock. */
    LocalDateTime now() {
        return now;
    }

    /**
     * Lets {@code step} of heat delivery pass. Power and temperatures take one random step; energy,
     * volume and hours integrate them, split at the yearly set day (01-01 00:00) if the step crosses it.
     */
    void advance(Duration step) {
        powerKw = clamp(powerKw + random.nextGaussian() * 0.8 + (8.0 - powerKw) * 0.1, 0.0, 25.0);
        flowTemp = clamp(flowTemp + random.nextGaussian() * 0.5 + (78.0 - flowTemp) * 0.1, 55.0, 95.0);
        returnTemp = clamp(returnTemp + random.nextGaussian() * 0.5 + (48.0 - returnTemp) * 0.1, 30.0, flowTemp - 5.0);
        flowM3h = powerKw / (KWH_PER_M3_K * (flowTemp - returnTemp));
        powerMax = Math.max(powerMax, powerKw);
        flowMax = Math.max(flowMax, flowM3h);
        flowTempMax = Math.max(flowTempMax, flowTemp);
        returnTempMax = Math.max(returnTempMax, returnTemp);
        LocalDateTime end = now.plus(step);
        LocalDateTime setDay = LocalDateTime.of(now.getYear() + 1, 1, 1, 0, 0);
        while (!end.isBefore(setDay)) {
            integrate(Duration.between(now, setDay));
            now = setDay;
            yearlySetDay();
            setDay = setDay.plusYears(1);
        }
        integrate(Duration.between(now, end));
        now = end;
    }

    private void integrate(Duration d) {
        double hours = d.toMillis() / 3_600_000.0;
        energyKwh += powerKw * hours;
        volumeM3 += flowM3h * hours;
        operatingHours += hours;
        if (flowM3h > 0.001) {
            flowHours += hours;
        }
    }

    private void yearlySetDay() {
        energyPreviousYear = energyKwh;
        volumePreviousYear = volumeM3;
        powerMaxPreviousYear = powerMax;
        flowMaxPreviousYear = flowMax;
        flowTempMaxPreviousYear = flowTempMax;
        returnTempMaxPreviousYear = returnTempMax;
        faultHoursPreviousYear = faultHours;
        powerMax = powerKw;
        flowMax = flowM3h;
        flowTempMax = flowTemp;
        returnTempMax = returnTemp;
    }

    /** The energy register as the next data block will show it, in the meter's unit. */
    BigDecimal energy() {
        return new BigDecimal(energyText(energyKwh));
    }

    /** The volume register as the next data block will show it. */
    BigDecimal volume() {
        return new BigDecimal(fmt(volumeM3, 5, 2));
    }

    /** The data block's text between STX and ETX, as the meter writes it now (IEC 62056-21 data set lines). */
    String dataText() {
        StringBuilder t = new StringBuilder(1100);
        String e = "*" + unit.text();
        t.append("6.8(").append(energyText(energyKwh)).append(e).append(")6.26(").append(fmt(volumeM3, 5, 2))
                .append("*m3)9.21(").append(number).append(")\r\n");
        t.append("6.26*01(").append(fmt(volumePreviousYear, 5, 2)).append("*m3)6.8*01(").append(energyText(energyPreviousYear))
                .append(e).append(")\r\n");
        t.append("F(0)9.20(").append(number).append(")6.35(60*m)\r\n");
        t.append("6.6(").append(fmt(powerMax, 4, 1)).append("*kW)6.6*01(").append(fmt(powerMaxPreviousYear, 4, 1))
                .append("*kW)6.33(").append(fmt(flowMax, 3, 3)).append("*m3ph)9.4(").append(fmt(flowTempMax, 3, 1))
                .append("*C&").append(fmt(returnTempMax, 3, 1)).append("*C)\r\n");
        t.append("6.31(").append(fmt(operatingHours, 7, 0)).append("*h)6.32(").append(fmt(faultHours, 7, 0))
                .append("*h)9.22(R)9.6(000&").append(number).append("&0&000&").append(number).append("&0)\r\n");
        t.append("9.7(20000)6.32*01(").append(fmt(faultHoursPreviousYear, 7, 0)).append("*h)6.36(01-01&00:00)6.33*01(")
                .append(fmt(flowMaxPreviousYear, 3, 3)).append("*m3ph)\r\n");
        t.append("6.8.1()6.8.2()6.8.3()6.8.4()6.8.5()\r\n");
        t.append("6.8.1*01()6.8.2*01()6.8.3*01()\r\n");
        t.append("6.8.4*01()6.8.5*01()\r\n");
        t.append("9.4*01(").append(fmt(flowTempMaxPreviousYear, 3, 1)).append("*C&").append(fmt(returnTempMaxPreviousYear, 3, 1))
                .append("*C)\r\n");
        String installed = now.minusYears(6).format(DATE);
        for (int i = 1; i <= 4; i++) {
            t.append("6.36.").append(i).append('(').append(installed).append(")6.36.").append(i).append("*01(")
                    .append(installed).append(")\r\n");
        }
        t.append("6.36.5()6.36*02(01&00:00)9.36(").append(now.format(DATE_TIME)).append(")9.24(1.5*m3ph)\r\n");
        t.append("9.17(0)9.18()9.19()9.25()\r\n");
        t.append("9.1(0&1&0&0000&CECV&CECV&1&5.16&5.16&F&101008&040404&08&0)\r\n");
        t.append("9.2(&&)9.29()9.31(").append(fmt(flowHours, 7, 0)).append("*h)\r\n");
        t.append("9.0.1(00000000)9.0.2(00000000)9.34.1(000.00000*m3)9.34.2(000.00000*m3)\r\n");
        t.append("8.26.1(00000000*m3)8.26.2(00000000*m3)\r\n");
        t.append("8.26.1*01(00000000*m3)8.26.2*01(00000000*m3)\r\n");
        t.append("6.26.1()6.26.4()6.26.5()\r\n");
        t.append("6.26.1*01()6.26.4*01()6.26.5*01()0.0(").append(number).append(")\r\n");
        t.append("!\r\n");
        return t.toString();
    }

    private String energyText(double kwh) {
        return switch (unit) {
            case GJ -> fmt(kwh * 0.0036, 4, 3);
            case MWH -> fmt(kwh / 1000.0, 4, 3);
            case KWH -> fmt(kwh, 7, 0);
        };
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(max, v));
    }

    /** {@code v} rounded down to {@code decimals}, zero-padded to {@code integerDigits}, as the meter writes it. */
    private static String fmt(double v, int integerDigits, int decimals) {
        String plain = BigDecimal.valueOf(v).setScale(decimals, RoundingMode.DOWN).toPlainString();
        int dot = plain.indexOf('.');
        int intLen = dot < 0 ? plain.length() : dot;
        return "0".repeat(Math.max(0, integerDigits - intLen)) + plain;
    }
}
