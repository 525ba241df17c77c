package io.meterbridge.cli;

import io.meterbridge.p1.P1Version;
import io.meterbridge.sim.P1Fault;
import io.meterbridge.sim.P1Simulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Random;
import java.util.concurrent.Callable;

/**
 * {@code meterbridge simulate-p1}: a smart electricity meter's P1 output on stdout, a file or a
 * serial device (e.g. one end of a socat pty pair), one telegram per interval, with optional faults.
 * To become {@code simulate --p1} when merged with the M-Bus simulator command.
 */
@Command(name = "simulate-p1",
        mixinStandardHelpOptions = true,
        description = "Emits P1 telegrams of a simulated smart electricity meter (DSMR 2.2/3, 4, 5, Belgian e-MUCS, "
                + "Luxembourg Smarty, Swedish/Finnish ESMR5) to stdout, a file or a serial/pty device.")
public final class SimulateP1Command implements Callable<Integer> {

    @Option(names = "--dialect", defaultValue = "DSMR_5",
            description = "DSMR_2_OR_3, DSMR_4, DSMR_5, BELGIUM_E_MUCS, LUXEMBOURG_SMARTY or NORDIC_ESMR5 (default ${DEFAULT-VALUE}).")
    P1Version dialect;

    @Option(names = "--interval", defaultValue = "1",
            description = "Seconds between telegrams, also the meter-time step; 0 = as fast as possible (default ${DEFAULT-VALUE}).")
    double intervalSeconds;

    @Option(names = "--count", defaultValue = "0", description = "Telegrams to emit; 0 = until interrupted (default ${DEFAULT-VALUE}).")
    long count;

    @Option(names = "--output", description = "File or device to write to (e.g. /dev/pts/5); default stdout.")
    Path output;

    @Option(names = "--fault-rate", defaultValue = "0",
            description = "Probability 0..1 that a telegram carries a fault: bad CRC, truncated, or noise before it (default ${DEFAULT-VALUE}).")
    double faultRate;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of values and faults (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--zone", defaultValue = "Europe/Amsterdam", description = "Meter time zone (default ${DEFAULT-VALUE}).")
    ZoneId zone;

    @Override
    public Integer call() throws Exception {
        if (faultRate < 0 || faultRate > 1) {
            throw new IllegalArgumentException("--fault-rate must be between 0 and 1, was " + faultRate);
        }
        if (intervalSeconds < 0) {
            throw new IllegalArgumentException("--interval must not be negative, was " + intervalSeconds);
        }
        P1Simulator sim = new P1Simulator(dialect, seed, ZonedDateTime.now(zone).withNano(0));
        Random faults = new Random(seed ^ 0x5DEECE66DL);
        P1Fault[] kinds = {P1Fault.BAD_CRC, P1Fault.TRUNCATED, P1Fault.NOISE};
        long stepMillis = Math.max(1000, Math.round(intervalSeconds * 1000));
        OutputStream out = output == null ? System.out
                : Files.newOutputStream(output, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        try {
            for (long i = 0; count == 0 || i < count; i++) {
                P1Fault fault = faults.nextDouble() < faultRate ? kinds[faults.nextInt(kinds.length)] : P1Fault.NONE;
                out.write(sim.next(Duration.ofMillis(stepMillis), fault));
                out.flush();
                if (intervalSeconds > 0 && (count == 0 || i + 1 < count)) {
                    Thread.sleep(Math.round(intervalSeconds * 1000));
                }
            }
        } finally {
            if (output != null) {
                out.close();
            }
        }
        return 0;
    }
}
