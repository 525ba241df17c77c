package io.meterbridge.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.meterbridge.iec62056.ReadoutOptions;
import io.meterbridge.kmp.KmpRegisterList;
import io.meterbridge.link.Framing;
import io.meterbridge.link.Iec62056Master;
import io.meterbridge.link.KmpMaster;
import io.meterbridge.link.OpticalSettings;
import io.meterbridge.link.OpticalStatistics;
import io.meterbridge.sim.KmpEye;
import io.meterbridge.sim.OpticalSimServer;
import io.meterbridge.sim.RandomFaults;
import io.meterbridge.sim.UltraheatEye;

/**
 * {@code bench --optical}: times the optical masters against the paced optical simulators over a
 * pseudo-terminal, each read against its wire time — KMP 1200 Bd 8N2 at 11 bits a character;
 * IEC 62056-21 at 10 bits a character, what the master sends and the identification at 300 Bd,
 * the data block at 2400 Bd, plus the meter's reaction time before each of its two answers.
 */
final class OpticalBench {

    private static final String EIGHT_REGISTERS = "E1,E3,V1,T1,T2,POWER,FLOW1,HOURS";
    /** {@code /LUGCUH50} CR LF: what the UH50 sends at 300 Bd before switching to 2400. */
    private static final int IDENTIFICATION_BYTES = 11;

    private OpticalBench() {
    }

    static void run(PrintWriter out) throws Exception {
        out.printf("meterbridge bench --optical: paced optical simulators via pty, adapter latency 0%n");
        out.printf("%-40s %9s %9s %7s%n", "operation", "time s", "limit s", "ratio");
        Path dir = Files.createTempDirectory("meterbridge-bench");
        dir.toFile().deleteOnExit(); // empty by then: socat removes its links when it stops
        Path port = dir.resolve("head");
        try (OpticalSimServer kmp = OpticalSimServer.pty(port, KmpEye.standard(new RandomFaults<>(1)));
                KmpMaster master = KmpMaster.open(settings(port))) {
            KmpRegisterList registers = KmpRegisterList.parse(EIGHT_REGISTERS);
            long t0 = System.nanoTime();
            master.read(registers);
            OpticalStatistics first = master.statistics();
            print(out, "KMP first read, 8 registers (3 requests)", t0, kmpWire(first));
            t0 = System.nanoTime();
            master.read(registers);
            print(out, "KMP next read, 8 registers (1 request)", t0, kmpWire(minus(master.statistics(), first)));
        }
        try (OpticalSimServer iec = OpticalSimServer.pty(port, UltraheatEye.standard(new RandomFaults<>(1)));
                Iec62056Master master = Iec62056Master.open(settings(port))) {
            long t0 = System.nanoTime();
            master.read(ReadoutOptions.landisGyrUltraheat());
            OpticalStatistics s = master.statistics();
            double limit = (s.bytesSent() + IDENTIFICATION_BYTES) * 10.0 / 300
                    + (s.bytesReceived() - IDENTIFICATION_BYTES) * 10.0 / 2400 + 2 * UltraheatEye.REACTION.toNanos() / 1e9;
            print(out, "UH50 readout (wake-up, /?!, data at 2400)", t0, limit);
        }
        out.printf("limit: the bytes the master counted at their line speed, no allowance for the head or the OS%n");
    }

    private static OpticalSettings settings(Path port) {
        return OpticalSettings.of(port.toString()).withAdapterLatency(Duration.ZERO).withRetries(0);
    }

    private static double kmpWire(OpticalStatistics s) {
        return (s.bytesSent() + s.bytesReceived()) * 11.0 / Framing.KMP.baud();
    }

    private static OpticalStatistics minus(OpticalStatistics a, OpticalStatistics b) {
        return new OpticalStatistics(a.requests() - b.requests(), a.answers() - b.answers(), a.noAnswers() - b.noAnswers(),
                a.badAnswers() - b.badAnswers(), a.echoes() - b.echoes(), a.bytesSent() - b.bytesSent(),
                a.bytesReceived() - b.bytesReceived());
    }

    private static void print(PrintWriter out, String name, long t0, double limit) {
        double seconds = (System.nanoTime() - t0) / 1e9;
        out.printf("%-40s %9.3f %9.3f %6.2f×%n", name, seconds, limit, seconds / limit);
        out.flush();
    }
}
