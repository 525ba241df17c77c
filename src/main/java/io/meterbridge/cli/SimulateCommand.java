package io.meterbridge.cli;

import io.meterbridge.link.BusSettings;
import io.meterbridge.link.Parity;
import io.meterbridge.link.SerialTransport;
import io.meterbridge.sim.PtyLink;
import io.meterbridge.sim.SimBus;
import io.meterbridge.sim.SimMeter;
import io.meterbridge.sim.SimServer;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code simulate}: serves the simulated M-Bus on a pseudo-terminal or a TCP port for any master. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Serves a simulated M-Bus — a MULTICAL 303-like meter at primary address 1 and a two-telegram "
                + "MULTICAL 403-like meter at 89, values evolving with time — on a pseudo-terminal (via socat) or a "
                + "TCP port, so meterbridge, libmbus's tools or Node-RED can read it.",
            "Example: meterbridge simulate --pty /tmp/ttyMBUS0 --paced, then meterbridge scan --port /tmp/ttyMBUS0."})
final class SimulateCommand implements Callable<Integer> {

    static final class Where {
        @Option(names = "--pty", paramLabel = "PATH", description = "Link path of the pty a master opens (needs socat).")
        Path pty;

        @Option(names = "--tcp", paramLabel = "PORT", description = "TCP port to listen on (all interfaces).")
        Integer tcp;
    }

    @ArgGroup(exclusive = true)
    Where where;

    @Option(names = "--paced", description = "Pace bytes at the baud rate (11 bits per character) like a real bus.")
    boolean paced;

    @Option(names = "--baud", defaultValue = "2400", description = "Baud rate for pacing and timing (default: ${DEFAULT-VALUE}).")
    int baud;

    @Option(names = "--reply-delay", paramLabel = "BITS", defaultValue = "22",
            description = "Bit times a meter waits before it answers, 11–330 (default: ${DEFAULT-VALUE}).")
    int replyDelayBits;

    @Option(names = "--for", paramLabel = "SECONDS", hidden = true, description = "Stop after this many seconds (tests).")
    Integer seconds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        BusSettings.of("sim").withBaud(baud); // validates the baud rate
        SimBus bus = SimBus.standard(Clock.systemUTC());
        bus.replyDelayBits(replyDelayBits);
        PrintWriter out = spec.commandLine().getOut();
        PtyLink link = null;
        SimServer server;
        String where;
        if (this.where != null && this.where.tcp != null) {
            server = SimServer.tcp(this.where.tcp, false, bus, paced, baud);
            where = "TCP port " + server.tcpPort() + " (read it with --tcp HOST:" + server.tcpPort() + ")";
        } else {
            Path pty = this.where != null ? this.where.pty : Path.of("/tmp/ttyMBUS0");
            Path simSide = Files.createTempDirectory("meterbridge-sim").resolve("slave");
            link = PtyLink.open(pty, simSide);
            server = SimServer.on(new SerialTransport(BusSettings.of(simSide.toString()).withBaud(baud)
                    .withParity(Parity.NONE)), bus, paced, baud);
            where = pty + " (read it with --port " + pty + ")";
        }
        out.printf("simulated M-Bus on %s, %d Bd, %s%n", where, baud, paced ? "paced" : "unpaced");
        for (SimMeter m : bus.meters()) {
            out.printf("  primary %-3d secondary %s  %s, %d telegram%s%n", m.primaryAddress(), m.secondaryAddress(),
                    m.model().name(), m.model().telegramCount(), m.model().telegramCount() == 1 ? "" : "s");
        }
        out.println("Ctrl-C to stop.");
        out.flush();
        CountDownLatch stop = new CountDownLatch(1);
        PtyLink linkToClose = link;
        Thread hook = new Thread(() -> {
            server.close();
            if (linkToClose != null) {
                linkToClose.close();
            }
            stop.countDown();
        });
        Runtime.getRuntime().addShutdownHook(hook);
        if (seconds != null) {
            stop.await(seconds, TimeUnit.SECONDS);
            Runtime.getRuntime().removeShutdownHook(hook);
            hook.run();
        } else {
            stop.await();
        }
        return 0;
    }
}
