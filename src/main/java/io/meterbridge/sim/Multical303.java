package io.meterbridge.sim;

import java.time.Duration;

/**
 * A heat meter with the record layout of a Kamstrup MULTICAL 303 (version 0x40, medium heat
 * 0x04), as in the real telegram {@code kamstrup/multical303-heat.json} of the conformance
 * material: 16/24-bit integers, a storage-1 target-date block and a 16-bit info code. At
 * elapsed time zero the records are byte for byte those of that telegram; afterwards heat is
 * drawn in a slow 20-minute cycle, so energy, volume, on-time and the volume-weighted
 * temperature sums grow and temperatures, power and flow move.
 */
public final class Multical303 implements MeterModel {

    private static final double CYCLE_S = 1200;
    private static final double PEAK_KW = 9.0;

    @Override
    public String name() {
        return "MULTICAL 303";
    }

    @Override
    public int manufacturer() {
        return 0x2C2D;
    }

    @Override
    public int version() {
        return 0x40;
    }

    @Override
    public int medium() {
        return 0x04;
    }

    @Override
    public int status() {
        return 0x10;
    }

    @Override
    public int telegramCount() {
        return 1;
    }

    /** Share of peak power at time t: 0 at t=0 (the sample shows no flow), smooth cycle. */
    static double load(double t) {
        return (1 - Math.cos(2 * Math.PI * t / CYCLE_S)) / 2;
    }

    /** Integral of {@link #load} from 0 to t, in seconds. */
    static double loadIntegral(double t) {
        return t / 2 - CYCLE_S / (4 * Math.PI) * Math.sin(2 * Math.PI * t / CYCLE_S);
    }

    @Override
    public byte[] records(int index, Duration elapsed) {
        double t = elapsed.toMillis() / 1000.0;
        double s = load(t);
        double kwh = 13 + PEAK_KW * loadIntegral(t) / 3600;
        // Volume at 40 K design difference: 1 kWh = 1/(1.163*40) m³.
        double m3 = 3.07 + (kwh - 13) / (1.163 * 40);
        long volume = Math.round(Math.floor(m3 * 100 + 1e-9));
        long hours = 4270 + (long) (t / 3600);
        int flowT = (int) Math.round(2376 + 4000 * s);
        int returnT = (int) Math.round(2327 + 800 * s);
        int powerHw = (int) Math.round(PEAK_KW * 10 * s); // 100 W units
        int flowLh = (int) Math.round(PEAK_KW * 1000 / (1.163 * 40) * s);
        int maxPower = Math.max(90, t >= CYCLE_S / 2 ? (int) (PEAK_KW * 10) : powerHw);
        int maxFlow = Math.max(1383, flowLh);
        long sumFlowT = 125 + Math.round((volume - 307) * 0.6);
        long sumReturnT = 114 + Math.round((volume - 307) * 0.25);
        return new RecordWriter()
                .integer((long) Math.floor(kwh + 1e-9), 0x04, 0x06)
                .integer(volume, 0x04, 0x14)
                .integer(sumFlowT, 0x04, 0xFF, 0x07)
                .integer(sumReturnT, 0x04, 0xFF, 0x08)
                .integer(hours, 0x03, 0x22)
                .integer(150, 0x33, 0x22)
                .integer(flowT, 0x02, 0x59)
                .integer(returnT, 0x02, 0x5D)
                .integer(flowT - returnT, 0x02, 0x61)
                .integer(powerHw, 0x02, 0x2D)
                .integer(maxPower, 0x12, 0x2D)
                .integer(flowLh, 0x02, 0x3B)
                .integer(maxFlow, 0x12, 0x3B)
                .integer(256, 0x02, 0xFF, 0x22)
                .integer(0, 0x44, 0x06)
                .integer(0, 0x44, 0x14)
                .integer(0, 0x44, 0xFF, 0x07)
                .integer(0, 0x44, 0xFF, 0x08)
                .integer(0, 0x52, 0x2D)
                .integer(0, 0x52, 0x3B)
                .dateG(2024, 6, 1, 0x42, 0x6C)
                .toBytes();
    }
}
