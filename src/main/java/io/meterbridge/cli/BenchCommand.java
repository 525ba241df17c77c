package io.meterbridge.cli;

import io.meterbridge.link.BusMaster;
import io.meterbridge.link.BusSettings;
import io.meterbridge.link.BusStatistics;
import io.meterbridge.link.LinkTiming;
import io.meterbridge.link.MeterAddress;
import io.meterbridge.link.Parity;
import io.meterbridge.link.SerialTransport;
import io.meterbridge.link.TcpTransport;
import io.meterbridge.link.Transport;
import io.meterbridge.sim.PtyLink;
import io.meterbridge.sim.SimBus;
import io.meterbridge.sim.SimServer;
import io.meterbridge.sim.SimTransport;
import io.meterbridge.telegram.SecondaryAddress;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code bench}: times the bus master on the paced simulator and compares each operation with
 * its wire-time limit — every byte at 11 bits per character, plus the slave's reply delay per
 * answer, plus the EN 13757-2 timeout (330 bit times + 50 ms) for each request nobody answers.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Times full reads of each simulated meter, a primary scan 0–250 and a secondary scan on the "
                + "paced simulator and prints each against its wire-time limit; with --optical, KMP and IEC 62056-21 "
                + "reads on the optical simulators.")
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--baud", defaultValue = "2400", description = "Baud rate (default: ${DEFAULT-VALUE}).")
    int baud;

    @Option(names = "--via", defaultValue = "pty", paramLabel = "pty|tcp|inprocess",
            description = "How the master reaches the simulator (default: ${DEFAULT-VALUE}; pty needs socat).")
    String via;

    @Option(names = "--latency", defaultValue = "0", paramLabel = "MS",
            description = "Adapter latency the master budgets, ms (default: ${DEFAULT-VALUE}).")
    int latency;

    @Option(names = "--optical", description = "Time the KMP and IEC 62056-21 masters against the optical "
            + "simulators (over a pty; needs socat) instead of the M-Bus.")
    boolean optical;

    @Option(names = "--skip-primary-scan", description = "Leave out the 0–250 scan (about a minute at 2400 Bd).")
    boolean skipPrimaryScan;

    @Spec
    CommandSpec spec;

    private SimBus bus;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (optical) {
            OpticalBench.run(out);
            return 0;
        }
        bus = SimBus.standard(Clock.systemUTC());
        PtyLink link = null;
        SimServer server = null;
        String port;
        switch (via) {
            case "pty" -> {
                Path dir = Files.createTempDirectory("meterbridge-bench");
                dir.toFile().deleteOnExit(); // empty by then: socat removes its links when it stops
                link = PtyLink.open(dir.resolve("master"), dir.resolve("slave"));
                server = SimServer.on(new SerialTransport(BusSettings.of(link.slaveSide().toString()).withBaud(baud)
                        .withParity(Parity.NONE)), bus, true, baud);
                port = link.masterSide().toString();
            }
            case "tcp" -> {
                server = SimServer.tcp(0, true, bus, true, baud);
                port = "tcp:127.0.0.1:" + server.tcpPort();
            }
            case "inprocess" -> port = "sim:paced";
            default -> throw new IllegalArgumentException("expected --via pty, tcp or inprocess, found " + via);
        }
        BusSettings settings = BusSettings.of(port).withBaud(baud).withParity(Parity.NONE)
                .withAdapterLatency(Duration.ofMillis(latency));
        LinkTiming timing = settings.timing();
        out.printf("meterbridge bench: paced simulator at %d Bd via %s, slave reply delay %d bit times, "
                + "adapter latency %d ms, no retries needed%n", baud, via, bus.replyDelayBits(), latency);
        out.printf("%-34s %9s %9s %7s   %s%n", "operation", "time s", "limit s", "ratio", "reference (libmbus 0.10) / target");
        try {
            run(out, settings, "read MULTICAL 303 at 1 (1 telegram)", "1.30 s / ≤ 1.15× limit",
                    m -> m.readMeter(MeterAddress.parse("1")));
            run(out, settings, "read MULTICAL 403 at 89 (2 telegrams)", "2.30 s / ≤ 1.15× limit",
                    m -> m.readMeter(MeterAddress.parse("89")));
            run(out, settings, "read 403 by secondary address", "- / ≤ 1.15× limit",
                    m -> m.readMeter(MeterAddress.parse("77447744FFFFFFFF")));
            if (!skipPrimaryScan) {
                run(out, settings, "primary scan 0–250", "80.4 s / < 56 s, ≤ 1.15× limit",
                        m -> check(m.scanPrimary(null).size(), 2));
            }
            run(out, settings, "secondary scan", "45.9 s / ≤ 22.95 s, ≤ 1.15× limit",
                    m -> check(m.scanSecondary(SecondaryAddress.ANY, null).size(), 2));
        } finally {
            if (server != null) {
                server.close();
            }
            if (link != null) {
                link.close();
            }
        }
        out.printf("limit = bytes × 11 / %d Bd + %d bit times per answer + %.1f ms (330 bit times + 50 ms) per "
                + "silent request%n", baud, bus.replyDelayBits(), timing.standardReplyDelayNanos() / 1e6);
        return 0;
    }

    private static void check(int found, int expected) {
        if (found != expected) {
            throw new IllegalStateException("scan found " + found + " meters, expected " + expected);
        }
    }

    private interface Operation {
        void run(BusMaster master) throws Exception;
    }

    private void run(PrintWriter out, BusSettings settings, String name, String reference, Operation op)
            throws Exception {
        Transport transport = switch (via) {
            case "pty" -> new SerialTransport(settings);
            case "tcp" -> TcpTransport.of(settings);
            default -> new SimTransport(bus, true, settings.baud(), settings.port());
        };
        try (BusMaster master = new BusMaster(settings, transport)) {
            transport.open();
            BusStatistics before = master.statistics();
            long t0 = System.nanoTime();
            op.run(master);
            double seconds = (System.nanoTime() - t0) / 1e9;
            BusStatistics s = master.statistics().minus(before);
            LinkTiming timing = settings.timing();
            double limit = (timing.wireNanos((int) (s.bytesSent() + s.bytesReceived()))
                    + s.frames() * (bus.replyDelayBits() * 1_000_000_000L / settings.baud())
                    + s.timeouts() * timing.standardReplyDelayNanos()) / 1e9;
            out.printf("%-34s %9.3f %9.3f %6.3f×   %s%s%n", name, seconds, limit, seconds / limit, reference,
                    s.retries() > 0 ? "  (" + s.retries() + " retries!)" : "");
            out.flush();
        }
    }
}
