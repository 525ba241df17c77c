package io.meterbridge.sim;

import io.meterbridge.p1.Crc16;
import io.meterbridge.p1.P1Version;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Random;

/**
 * A smart electricity meter on a P1 port: produces telegrams of one {@link P1Version} whose values
 * move like a household's (power wandering around a base load, energy registers integrating it,
 * tariff switching at 07:00/23:00, a gas meter on M-Bus channel 1 reporting every 5 minutes), and
 * injects {@link P1Fault}s on request. Deterministic for a given seed and start time.
 */
public final class P1Simulator {

    private static final DateTimeFormatter TST = DateTimeFormatter.ofPattern("yyMMddHHmmss");

    private final P1Version version;
    private final Random random;
    private final ZoneId zone;
    private ZonedDateTime now;
    private double importT1 = 1234.567;
    private double importT2 = 2345.678;
    private double exportT1 = 123.456;
    private double exportT2 = 234.567;
    private double gas = 987.654;
    private double powerKw = 0.4;
    private double solarKw;

    /**
     * @param version the dialect to emit ({@code OTHER_*} are not simulated)
     * @param seed    seed of the value noise and of the faults
     * @param start   the meter time of the first telegram
     */
    public P1Simulator(P1Version version, long seed, ZonedDateTime start) {
        if (version == P1Version.OTHER_WITH_CRC || version == P1Version.OTHER_WITHOUT_CRC) {
            throw new IllegalArgumentException("the simulator emits DSMR 2.2/3, 4, 5, e-MUCS, Smarty and Nordic ESMR5, not "
                    + version);
        }
        this.version = version;
        this.random = new Random(seed);
        this.zone = start.getZone();
        this.now = start;
    }

    /** The dialect this simulator emits. */
    public P1Version version() {
        return version;
    }

    /** Advances the meter by {@code step} and returns the next correct telegram, CR LF terminated. */
    public byte[] next(Duration step) {
        return next(step, P1Fault.NONE);
    }

    /** Advances the meter by {@code step} and returns the next telegram with {@code fault} applied. */
    public byte[] next(Duration step, P1Fault fault) {
        advance(step);
        byte[] telegram = render();
        return switch (fault) {
            case NONE -> telegram;
            case BAD_CRC -> {
                byte[] bad = telegram.clone();
                int digit = indexOf(bad, (byte) '(') + 1; // the first value digit after the header
                while (!Character.isDigit(bad[digit])) {
                    digit++;
                }
                bad[digit] = (byte) (bad[digit] == '9' ? '8' : bad[digit] + 1);
                yield bad;
            }
            case TRUNCATED -> Arrays.copyOf(telegram, 1 + random.nextInt(indexOf(telegram, (byte) '!')));
            case NOISE -> withNoiseBefore(telegram, random, '/');
        };
    }

    /**
     * 8 to 71 random bytes, none of them {@code start} (the byte a telegram begins with), then the
     * telegram: line noise a framer has to skip.
     */
    static byte[] withNoiseBefore(byte[] telegram, Random random, int start) {
        byte[] noise = new byte[8 + random.nextInt(64)];
        for (int i = 0; i < noise.length; i++) {
            int b;
            do {
                b = random.nextInt(256);
            } while (b == start);
            noise[i] = (byte) b;
        }
        byte[] out = Arrays.copyOf(noise, noise.length + telegram.length);
        System.arraycopy(telegram, 0, out, noise.length, telegram.length);
        return out;
    }

    private void advance(Duration step) {
        double hours = step.toMillis() / 3_600_000.0;
        now = now.plus(step);
        powerKw = Math.max(0.05, Math.min(9.0, powerKw + random.nextGaussian() * 0.15 + (0.45 - powerKw) * 0.05));
        int hour = now.getHour();
        double sun = hour >= 8 && hour < 18 ? Math.sin(Math.PI * (hour - 8) / 10.0) * 3.0 : 0.0;
        solarKw = Math.max(0.0, sun + random.nextGaussian() * 0.1);
        double net = powerKw - solarKw;
        boolean lowTariff = isLowTariff();
        if (net >= 0) {
            if (lowTariff) {
                importT1 += net * hours;
            } else {
                importT2 += net * hours;
            }
        } else if (lowTariff) {
            exportT1 += -net * hours;
        } else {
            exportT2 += -net * hours;
        }
        gas += random.nextDouble() * 0.002 * step.toSeconds();
    }

    private boolean isLowTariff() {
        int hour = now.getHour();
        return hour < 7 || hour >= 23;
    }

    private String tst(ZonedDateTime t, boolean withFlag) {
        String s = t.format(TST);
        if (!withFlag) {
            return s;
        }
        return s + (zone.getRules().isDaylightSavings(t.toInstant()) ? "S" : "W");
    }

    private static String fmt(double v, int integerDigits, int decimals) {
        BigDecimal d = BigDecimal.valueOf(v).setScale(decimals, RoundingMode.DOWN);
        String plain = d.toPlainString();
        int dot = plain.indexOf('.');
        int intLen = dot < 0 ? plain.length() : dot;
        return "0".repeat(Math.max(0, integerDigits - intLen)) + plain;
    }

    private byte[] render() {
        StringBuilder t = new StringBuilder(1024);
        double net = powerKw - solarKw;
        double imp = Math.max(0, net);
        double exp = Math.max(0, -net);
        String tariff = isLowTariff() ? "0001" : "0002";
        ZonedDateTime gasTime = now.withSecond(0).withMinute(now.getMinute() / 5 * 5);
        double[] volts = {229.0 + random.nextDouble() * 4, 230.0 + random.nextDouble() * 4, 228.0 + random.nextDouble() * 4};
        double[] share = {0.5, 0.3, 0.2};
        switch (version) {
            case DSMR_2_OR_3 -> {
                line(t, "/KMP5 KA6U001585654321");
                line(t, "");
                line(t, "0-0:96.1.1(4530303336303033373839373331234567)");
                energy(t, 5, 3);
                line(t, "0-0:96.14.0(" + tariff + ")");
                line(t, "1-0:1.7.0(" + fmt(imp, 4, 2) + "*kW)");
                line(t, "1-0:2.7.0(" + fmt(exp, 4, 2) + "*kW)");
                line(t, "0-0:17.0.0(999*A)");
                line(t, "0-0:96.3.10(1)");
                line(t, "0-0:96.13.1()");
                line(t, "0-0:96.13.0()");
                line(t, "0-1:24.1.0(3)");
                line(t, "0-1:96.1.0(4730301234567031363532303530323136)");
                line(t, "0-1:24.3.0(" + tst(now.withMinute(0).withSecond(0), false) + ")(00)(60)(1)(0-1:24.2.1)(m3)");
                line(t, "(" + fmt(gas, 5, 3) + ")");
                line(t, "0-1:24.4.0(1)");
                t.append("!\r\n");
                return t.toString().getBytes(StandardCharsets.US_ASCII);
            }
            case DSMR_4, DSMR_5 -> {
                boolean five = version == P1Version.DSMR_5;
                line(t, five ? "/ISK5\\2M550T-1013" : "/KFM5KAIFA-METER");
                line(t, "");
                line(t, "1-3:0.2.8(" + (five ? "50" : "42") + ")");
                line(t, "0-0:1.0.0(" + tst(now, true) + ")");
                line(t, "0-0:96.1.1(4530303534303037343736393431373139)");
                energy(t, 6, 3);
                line(t, "0-0:96.14.0(" + tariff + ")");
                line(t, "1-0:1.7.0(" + fmt(imp, 2, 3) + "*kW)");
                line(t, "1-0:2.7.0(" + fmt(exp, 2, 3) + "*kW)");
                line(t, "0-0:96.7.21(00004)");
                line(t, "0-0:96.7.9(00002)");
                line(t, "1-0:99.97.0(2)(0-0:96.7.19)(190911154933S)(0000000336*s)(201017081600S)(0000000861*s)");
                phasesQuality(t);
                line(t, "0-0:96.13.0()");
                phases(t, volts, share, imp, exp, five);
                mbus(t, "0-1:24.1.0(003)", "0-1:96.1.0(4730303538353330303031313633323137)",
                        "0-1:24.2.1(" + tst(gasTime, true) + ")(" + fmt(gas, 5, 3) + "*m3)");
            }
            case BELGIUM_E_MUCS -> {
                line(t, "/FLU5\\253769484_A");
                line(t, "");
                line(t, "0-0:96.1.4(50217)");
                line(t, "0-0:96.1.1(3153414733313031303231363035)");
                line(t, "0-0:1.0.0(" + tst(now, true) + ")");
                energy(t, 6, 3);
                line(t, "0-0:96.14.0(" + tariff + ")");
                line(t, "1-0:1.4.0(" + fmt(imp, 2, 3) + "*kW)");
                line(t, "1-0:1.6.0(" + tst(now.withDayOfMonth(1).withHour(18).withMinute(15).withSecond(0), true) + ")(03.127*kW)");
                line(t, "1-0:1.7.0(" + fmt(imp, 2, 3) + "*kW)");
                line(t, "1-0:2.7.0(" + fmt(exp, 2, 3) + "*kW)");
                phases(t, volts, share, imp, exp, true);
                line(t, "0-0:96.3.10(1)");
                line(t, "0-0:17.0.0(999.9*kW)");
                line(t, "1-0:31.4.0(999*A)");
                line(t, "0-0:96.13.0()");
                mbus(t, "0-1:24.1.0(003)", "0-1:96.1.1(37464C4F32313139303333373333)",
                        "0-1:24.4.0(1)", "0-1:24.2.3(" + tst(gasTime, true) + ")(" + fmt(gas, 5, 3) + "*m3)");
            }
            case LUXEMBOURG_SMARTY -> {
                line(t, "/Lux5\\253663653_B");
                line(t, "");
                line(t, "1-3:0.2.8(42)");
                line(t, "0-0:1.0.0(" + tst(now, true) + ")");
                line(t, "0-0:42.0.0(53414731303330373030303236353638)");
                line(t, "1-0:1.8.0(" + fmt(importT1 + importT2, 6, 3) + "*kWh)");
                line(t, "1-0:2.8.0(" + fmt(exportT1 + exportT2, 6, 3) + "*kWh)");
                line(t, "1-0:3.8.0(000120.721*kvarh)");
                line(t, "1-0:4.8.0(000697.336*kvarh)");
                line(t, "1-0:1.7.0(" + fmt(imp, 2, 3) + "*kW)");
                line(t, "1-0:2.7.0(" + fmt(exp, 2, 3) + "*kW)");
                line(t, "1-0:3.7.0(00.000*kvar)");
                line(t, "1-0:4.7.0(00.000*kvar)");
                line(t, "0-0:17.0.0(27.600*kVA)");
                line(t, "0-0:96.3.10(1)");
                line(t, "0-0:96.7.21(00914)");
                phasesQuality(t);
                for (String m : new String[] {"0", "2", "3", "4", "5"}) {
                    line(t, "0-0:96.13." + m + "()");
                }
                phases(t, volts, share, imp, exp, false);
            }
            case NORDIC_ESMR5 -> {
                line(t, "/KAM5");
                line(t, "");
                line(t, "0-0:1.0.0(" + tst(now, true) + ")");
                line(t, "1-0:1.8.0(" + fmt(importT1 + importT2, 8, 3) + "*kWh)");
                line(t, "1-0:2.8.0(" + fmt(exportT1 + exportT2, 8, 3) + "*kWh)");
                line(t, "1-0:3.8.0(00000021.988*kvarh)");
                line(t, "1-0:4.8.0(00001020.971*kvarh)");
                line(t, "1-0:1.7.0(" + fmt(imp, 4, 3) + "*kW)");
                line(t, "1-0:2.7.0(" + fmt(exp, 4, 3) + "*kW)");
                line(t, "1-0:3.7.0(0000.000*kvar)");
                line(t, "1-0:4.7.0(0000.309*kvar)");
                for (int p = 0; p < 3; p++) {
                    line(t, "1-0:" + (21 + 20 * p) + ".7.0(" + fmt(imp * share[p], 4, 3) + "*kW)");
                }
                for (int p = 0; p < 3; p++) {
                    line(t, "1-0:" + (22 + 20 * p) + ".7.0(" + fmt(exp * share[p], 4, 3) + "*kW)");
                }
                for (int p = 0; p < 3; p++) {
                    line(t, "1-0:" + (32 + 20 * p) + ".7.0(" + fmt(volts[p], 3, 1) + "*V)");
                }
                for (int p = 0; p < 3; p++) {
                    line(t, "1-0:" + (31 + 20 * p) + ".7.0(" + fmt((imp + exp) * share[p] * 1000 / volts[p], 3, 1) + "*A)");
                }
            }
            default -> throw new IllegalStateException(version.toString());
        }
        t.append('!');
        byte[] body = t.toString().getBytes(StandardCharsets.US_ASCII);
        String end = Crc16.format(Crc16.compute(body, 0, body.length)) + "\r\n";
        byte[] out = Arrays.copyOf(body, body.length + end.length());
        System.arraycopy(end.getBytes(StandardCharsets.US_ASCII), 0, out, body.length, end.length());
        return out;
    }

    private void energy(StringBuilder t, int integerDigits, int decimals) {
        line(t, "1-0:1.8.1(" + fmt(importT1, integerDigits, decimals) + "*kWh)");
        line(t, "1-0:1.8.2(" + fmt(importT2, integerDigits, decimals) + "*kWh)");
        line(t, "1-0:2.8.1(" + fmt(exportT1, integerDigits, decimals) + "*kWh)");
        line(t, "1-0:2.8.2(" + fmt(exportT2, integerDigits, decimals) + "*kWh)");
    }

    private static void phasesQuality(StringBuilder t) {
        line(t, "1-0:32.32.0(00003)");
        line(t, "1-0:52.32.0(00001)");
        line(t, "1-0:72.32.0(00002)");
        line(t, "1-0:32.36.0(00001)");
        line(t, "1-0:52.36.0(00001)");
        line(t, "1-0:72.36.0(00001)");
    }

    private static void phases(StringBuilder t, double[] volts, double[] share, double imp, double exp, boolean decimalVolts) {
        for (int p = 0; p < 3; p++) {
            line(t, "1-0:" + (32 + 20 * p) + ".7.0(" + (decimalVolts ? fmt(volts[p], 3, 1) : fmt(volts[p], 3, 0)) + "*V)");
        }
        for (int p = 0; p < 3; p++) {
            line(t, "1-0:" + (31 + 20 * p) + ".7.0(" + fmt(Math.floor((imp + exp) * share[p] * 1000 / volts[p]), 3, 0) + "*A)");
        }
        for (int p = 0; p < 3; p++) {
            line(t, "1-0:" + (21 + 20 * p) + ".7.0(" + fmt(imp * share[p], 2, 3) + "*kW)");
        }
        for (int p = 0; p < 3; p++) {
            line(t, "1-0:" + (22 + 20 * p) + ".7.0(" + fmt(exp * share[p], 2, 3) + "*kW)");
        }
    }

    private static void mbus(StringBuilder t, String... lines) {
        for (String l : lines) {
            line(t, l);
        }
    }

    private static void line(StringBuilder t, String line) {
        t.append(line).append("\r\n");
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** The meter's current wall-clock time. */
    public LocalDateTime meterTime() {
        return now.toLocalDateTime();
    }
}
