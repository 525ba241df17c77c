package io.meterbridge.cli;

import io.meterbridge.link.BusSettings;
import io.meterbridge.link.Framing;
import io.meterbridge.link.Parity;
import io.meterbridge.link.SerialTransport;
import io.meterbridge.p1.P1Cipher;
import io.meterbridge.p1.P1Version;
import io.meterbridge.sim.EncryptingP1Meter;
import io.meterbridge.sim.Fault;
import io.meterbridge.sim.KmpEye;
import io.meterbridge.sim.OpticalEye;
import io.meterbridge.sim.OpticalSimServer;
import io.meterbridge.sim.P1Output;
import io.meterbridge.sim.P1Simulator;
import io.meterbridge.sim.PtyLink;
import io.meterbridge.sim.RandomFaults;
import io.meterbridge.sim.SimBus;
import io.meterbridge.sim.SimMeter;
import io.meterbridge.sim.SimServer;
import io.meterbridge.sim.UltraheatEye;
import io.meterbridge.sim.UltraheatFault;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code simulate}: serves the simulated M-Bus on a pseudo-terminal or a TCP port for any master;
 * with {@code --p1}, a smart electricity meter's P1 output on a pseudo-terminal, to every client
 * of a TCP server, or to a file or stdout; with {@code --kmp} or {@code --iec62056}, a heat meter
 * behind its optical eye on a pseudo-terminal or a TCP port.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Serves a simulated M-Bus — a MULTICAL 303-like meter at primary address 1 and a two-telegram "
                + "MULTICAL 403-like meter at 89, values evolving with time — on a pseudo-terminal (via socat) or a "
                + "TCP port, so meterbridge, libmbus's tools or Node-RED can read it.",
            "--tcp (every simulator) listens on 127.0.0.1 only, unless --bind names another address (0.0.0.0: every "
                + "interface): the simulator has no access control, and on the M-Bus whoever reaches it can change "
                + "meter addresses.",
            "Example: meterbridge simulate --pty /tmp/ttyMBUS0 --paced, then meterbridge scan --port /tmp/ttyMBUS0.",
            "",
            "With --p1: a smart electricity meter's P1 port instead (DSMR 2.2/3, 4, 5, Belgian e-MUCS, Luxembourg "
                + "Smarty or Swedish/Finnish ESMR5), one telegram per interval, pushed whether or not anyone reads, "
                + "as a meter does:",
            "  --tcp PORT: a server on 127.0.0.1 (or --bind ADDRESS), like a Wi-Fi P1 dongle or ser2net; any number "
                + "of clients; "
                + "each gets every telegram sent after it connected, starting at a telegram boundary; what clients "
                + "send is ignored.",
            "  --pty PATH: a socat pseudo-terminal pair; open PATH as a serial port (a pty ignores baud rate, and "
                + "setting parity there fails with EINVAL: fall back to 8N1). Telegrams sent while nobody has PATH "
                + "open wait in the pty's buffers, so a late reader first gets older telegrams, possibly starting "
                + "part-way through one and with gaps. Stopping the command is a cable pulled; starting it again on the same path, "
                + "the cable plugged back.",
            "  A reader (TCP client or pty) that falls " + P1Output.QUEUE_TELEGRAMS + " telegrams behind loses the "
                + "oldest. Bytes are written at once, not paced at the baud rate.",
            "  --output PATH: appended to a file or device; without --pty, --tcp or --output: stdout.",
            "  --key HEX: encrypt every telegram as a Luxembourg Smarty meter does (AES-128-GCM, 32 hex digits; read it"
                + " with p1.decryptionKey set to the same key). Faults then strike the encrypted bytes.",
            "  Example: meterbridge simulate --p1 --dialect DSMR_4 --tcp 2000 --fault-rate 0.1",
            "",
            "With --kmp or --iec62056: a heat meter behind its optical eye instead, for read --kmp / read --iec62056 "
                + "and optical: routes: a MULTICAL 403-like meter speaking KMP (1200 Bd 8N2), or a Landis+Gyr "
                + "ULTRAHEAT UH50-like meter giving IEC 62056-21 readouts (300 Bd 7E1, the data block at 2400 Bd), "
                + "values moving with time. On a socat pseudo-terminal (--pty, default " + SimulateCommand.KMP_PTY
                + " resp. " + SimulateCommand.IEC_PTY + ") or --tcp PORT; bytes are paced at the meter's speed, which "
                + "the simulator follows itself (a pty has none).",
            "  --fault KIND[:N] (repeatable): the next N answers (default 1) go wrong that way; KIND:P%% a random "
                + "share of them. --kmp: " + SimFaults.KMP_NAMES + "; --iec62056: "
                + SimFaults.IEC_NAMES + " (deep-sleep: only a wake-up of 2.1 s or more is heard).",
            "  Example: meterbridge simulate --kmp --pty /tmp/ttyKMP --fault crc:2, then meterbridge read --kmp --port "
                + "/tmp/ttyKMP."})
final class SimulateCommand implements Callable<Integer> {

    private static final List<String> MBUS_ONLY = List.of("--paced", "--baud", "--reply-delay", "--wake-up-required");
    private static final List<String> P1_ONLY = List.of("--output", "--dialect", "--interval", "--count",
            "--fault-rate", "--seed", "--zone", "--key", "--authentication-key");
    static final String MBUS_PTY = "/tmp/ttyMBUS0";
    static final String KMP_PTY = "/tmp/ttyKMP";
    static final String IEC_PTY = "/tmp/ttyIEC";
    static final class Where {
        @Option(names = "--pty", paramLabel = "PATH", description = "Link path of the pty a master or P1 reader opens "
                + "(needs socat; default: M-Bus " + MBUS_PTY + ", --kmp " + KMP_PTY + ", --iec62056 " + IEC_PTY + ").")
        Path pty;

        @Option(names = "--tcp", paramLabel = "PORT",
                description = "TCP port to listen on, at the --bind address (0: any free port).")
        Integer tcp;

        @Option(names = "--output", paramLabel = "PATH",
                description = "With --p1: file or device to append telegrams to (default: stdout).")
        Path output;
    }

    @ArgGroup(exclusive = true)
    Where where;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "With --tcp: the address to listen on: 127.0.0.1 (default: this machine only), 0.0.0.0 or :: "
                    + "for every interface, or one interface's address.")
    String bind;

    @Option(names = "--p1", description = "Simulate a P1 electricity meter instead of the M-Bus.")
    boolean p1;

    @Option(names = "--kmp", description = "Simulate a Kamstrup MULTICAL behind its optical eye, speaking KMP, "
            + "instead of the M-Bus.")
    boolean kmp;

    @Option(names = "--iec62056", description = "Simulate a Landis+Gyr ULTRAHEAT UH50 behind its optical eye, giving "
            + "IEC 62056-21 readouts, instead of the M-Bus.")
    boolean iec62056;

    @Option(names = "--fault", paramLabel = "KIND[:N|:P%]", description = "With --kmp or --iec62056 (repeatable): "
            + "the next N answers (default 1) suffer KIND, or a share P%% of them. --kmp: " + SimFaults.KMP_NAMES
            + "; --iec62056: " + SimFaults.IEC_NAMES + ".")
    List<String> faults = new ArrayList<>();

    @Option(names = "--paced", description = "M-Bus: pace bytes at the baud rate (11 bits per character) like a real bus.")
    boolean paced;

    @Option(names = "--baud", defaultValue = "2400", description = "M-Bus: baud rate for pacing and timing (default: ${DEFAULT-VALUE}).")
    int baud;

    @Option(names = "--wake-up-required", paramLabel = "MS", defaultValue = "0",
            description = "M-Bus: the meters sleep like an optical eye: they answer a request only right after a "
                    + "wake-up preamble of at least MS ms of 0x55 bytes (see read --wake-up); 0 = a wired bus (default).")
    int wakeUpRequiredMillis;

    @Option(names = "--reply-delay", paramLabel = "BITS", defaultValue = "22",
            description = "M-Bus: bit times a meter waits before it answers, 11–330 (default: ${DEFAULT-VALUE}).")
    int replyDelayBits;

    @Option(names = "--dialect", defaultValue = "DSMR_5",
            description = "P1: DSMR_2_OR_3, DSMR_4, DSMR_5, BELGIUM_E_MUCS, LUXEMBOURG_SMARTY or NORDIC_ESMR5 "
                    + "(default: ${DEFAULT-VALUE}).")
    P1Version dialect;

    @Option(names = "--interval", paramLabel = "SECONDS", defaultValue = "1",
            description = "P1: seconds between telegrams, also the meter-time step (at least 1 s); "
                    + "0 = as fast as possible (default: ${DEFAULT-VALUE}).")
    double intervalSeconds;

    @Option(names = "--fault-rate", paramLabel = "R", defaultValue = "0",
            description = "P1: probability 0..1 that a telegram carries a fault: bad CRC, truncated, or noise "
                    + "before it (default: ${DEFAULT-VALUE}).")
    double faultRate;

    @Option(names = "--count", defaultValue = "0",
            description = "P1: telegrams to send; 0 = until stopped (default: ${DEFAULT-VALUE}).")
    long count;

    @Option(names = "--seed", defaultValue = "1", description = "P1: seed of values and faults (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--zone", defaultValue = "Europe/Amsterdam", description = "P1: meter time zone (default: ${DEFAULT-VALUE}).")
    ZoneId zone;

    @Option(names = "--key", paramLabel = "HEX",
            description = "P1: encrypt the telegrams with this 32-hex-digit key, as Luxembourg's Smarty meters do.")
    String key;

    @Option(names = "--authentication-key", paramLabel = "HEX", defaultValue = P1Cipher.LUXMETERING_AUTHENTICATION_KEY,
            description = "P1 with --key: the authentication key, or none (default: the Smarty specification's).")
    String authenticationKey;

    @Option(names = "--for", paramLabel = "SECONDS", hidden = true, description = "Stop after this many seconds (tests).")
    Integer seconds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        checkOptions();
        if (kmp || iec62056) {
            return optical();
        }
        return p1 ? p1() : mbus();
    }

    /** Options of the other simulator are a usage error, not silently ignored. */
    private void checkOptions() {
        ParseResult parsed = spec.commandLine().getParseResult();
        if ((p1 ? 1 : 0) + (kmp ? 1 : 0) + (iec62056 ? 1 : 0) > 1) {
            throw new ParameterException(spec.commandLine(), "--p1, --kmp and --iec62056 are different simulators: "
                    + "give one of them (or none, for the M-Bus)");
        }
        if (kmp || iec62056) {
            String mode = kmp ? "--kmp" : "--iec62056";
            for (String o : MBUS_ONLY) {
                if (parsed.hasMatchedOption(o)) {
                    throw new ParameterException(spec.commandLine(), o + " is for the M-Bus simulator, not with " + mode
                            + " (the optical protocol sets its own speed and timing)");
                }
            }
            for (String o : P1_ONLY) {
                if (parsed.hasMatchedOption(o)) {
                    throw new ParameterException(spec.commandLine(), o + " is for the P1 simulator (--p1), not with "
                            + mode);
                }
            }
        } else {
            for (String o : p1 ? MBUS_ONLY : P1_ONLY) {
                if (parsed.hasMatchedOption(o)) {
                    throw new ParameterException(spec.commandLine(), o + (p1 ? " is for the M-Bus simulator, not with --p1"
                            : " needs --p1 (it is an option of the P1 simulator)"));
                }
            }
            if (parsed.hasMatchedOption("--fault")) {
                throw new ParameterException(spec.commandLine(), "--fault needs --kmp or --iec62056 (it is an option of "
                        + "the optical simulators" + (p1 ? "; the P1 simulator has --fault-rate)" : ")"));
            }
        }
        if (faultRate < 0 || faultRate > 1) {
            throw new ParameterException(spec.commandLine(), "--fault-rate must be between 0 and 1, was " + faultRate);
        }
        if (intervalSeconds < 0) {
            throw new ParameterException(spec.commandLine(), "--interval must not be negative, was " + intervalSeconds);
        }
        if (count < 0) {
            throw new ParameterException(spec.commandLine(), "--count must not be negative, was " + count);
        }
        if (parsed.hasMatchedOption("--bind") && (where == null || where.tcp == null)) {
            throw new ParameterException(spec.commandLine(), "--bind needs --tcp (it is the address the TCP server "
                    + "listens on)");
        }
    }

    /** The --bind address; a name is looked up once, here. */
    private InetAddress bindAddress() {
        try {
            return InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new ParameterException(spec.commandLine(), "--bind: expected an IP address (127.0.0.1, 0.0.0.0, ::) "
                    + "or a host name of this machine, found \"" + bind + "\", which does not resolve");
        }
    }

    private int mbus() throws Exception {
        BusSettings.of("sim").withBaud(baud); // validates the baud rate
        SimBus bus = SimBus.standard(Clock.systemUTC());
        bus.replyDelayBits(replyDelayBits);
        if (wakeUpRequiredMillis > 0) {
            // an optical eye is one meter's: keep the first, so that address 254 reaches only it
            bus.meters().stream().skip(1).toList().forEach(bus::remove);
            bus.meters().get(0).requireWakeUp((int) ((long) wakeUpRequiredMillis * baud / 10_000));
        }
        PrintWriter out = spec.commandLine().getOut();
        PtyLink link = null;
        SimServer server;
        String where;
        if (this.where != null && this.where.tcp != null) {
            server = SimServer.tcp(bindAddress(), this.where.tcp, bus, paced, baud);
            where = SimRun.tcpWhere(server.tcpAddress(), server.tcpPort(), "read it with --tcp");
        } else {
            Path pty = this.where != null ? this.where.pty : Path.of(MBUS_PTY);
            Path dir = Files.createTempDirectory("meterbridge-sim");
            dir.toFile().deleteOnExit(); // empty by then: socat removes its link when it stops
            Path simSide = dir.resolve("slave");
            link = PtyLink.open(pty, simSide);
            server = SimServer.on(new SerialTransport(BusSettings.of(simSide.toString()).withBaud(baud)
                    .withParity(Parity.NONE)), bus, paced, baud);
            where = pty + " (read it with --port " + pty + ")";
        }
        out.printf("simulated M-Bus on %s, %d Bd, %s%s%n", where, baud, paced ? "paced" : "unpaced",
                wakeUpRequiredMillis > 0 ? ", an optical eye that needs a wake-up of " + wakeUpRequiredMillis
                        + " ms (read it with --wake-up " + wakeUpRequiredMillis + " --address 254)" : "");
        for (SimMeter m : bus.meters()) {
            out.printf("  primary %-3d secondary %s  %s, %d telegram%s%n", m.primaryAddress(), m.secondaryAddress(),
                    m.model().name(), m.model().telegramCount(), m.model().telegramCount() == 1 ? "" : "s");
        }
        out.println("Ctrl-C to stop.");
        out.flush();
        PtyLink linkToClose = link;
        SimRun.untilStopped(seconds, () -> {
            server.close();
            if (linkToClose != null) {
                linkToClose.close();
            }
        }, null);
        return 0;
    }

    private int optical() throws Exception {
        String mode = kmp ? "--kmp" : "--iec62056";
        OpticalEye eye;
        List<String> said = new ArrayList<>();
        if (kmp) {
            RandomFaults<Fault> random = new RandomFaults<>(System.nanoTime());
            KmpEye k = KmpEye.standard(random);
            for (SimFaults.Option<Fault> f : SimFaults.parse(faults, SimFaults.KMP, mode, spec.commandLine())) {
                if (f.share() >= 0) {
                    random.add(f.fault(), f.share());
                } else {
                    k.meter().inject(f.fault(), f.times());
                }
                said.add(f.describe());
            }
            eye = k;
        } else {
            RandomFaults<UltraheatFault> random = new RandomFaults<>(System.nanoTime());
            UltraheatEye u = UltraheatEye.standard(random);
            for (SimFaults.Option<UltraheatFault> f : SimFaults.parse(faults, SimFaults.IEC, mode, spec.commandLine())) {
                if (f.share() >= 0) {
                    random.add(f.fault(), f.share());
                } else {
                    u.meter().inject(f.fault(), f.times());
                }
                said.add(f.describe().replace("answer", "readout"));
            }
            eye = u;
        }
        PrintWriter out = spec.commandLine().getOut();
        OpticalSimServer server;
        String where;
        String read = "meterbridge read " + mode + " --port ";
        if (this.where != null && this.where.tcp != null) {
            server = OpticalSimServer.tcp(bindAddress(), this.where.tcp, eye);
            InetAddress a = server.tcpAddress();
            where = "TCP port " + server.tcpPort() + " of " + (a.isAnyLocalAddress() ? "every interface" : a.getHostAddress())
                    + " (read it with " + read + "tcp:" + SimRun.host(a) + ":" + server.tcpPort() + ")";
        } else {
            Path pty = this.where != null ? this.where.pty : Path.of(kmp ? KMP_PTY : IEC_PTY);
            server = OpticalSimServer.pty(pty, eye);
            where = pty + " (read it with " + read + pty + ")";
        }
        out.printf("simulated %s on %s, paced at %s%n", eye.describe(), where,
                kmp ? Framing.KMP : Framing.IEC62056_INITIAL + ", then the speed the meter switches to");
        if (!said.isEmpty()) {
            out.println("faults: " + String.join(", ", said));
        }
        out.println("Ctrl-C to stop.");
        out.flush();
        SimRun.untilStopped(seconds, server::close, null);
        return 0;
    }

    private int p1() throws Exception {
        P1Simulator sim = new P1Simulator(dialect, seed, ZonedDateTime.now(zone).withNano(0));
        EncryptingP1Meter encrypting;
        try {
            encrypting = key == null ? null : new EncryptingP1Meter(sim, P1Cipher.of(key, authenticationKey), seed);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--key/--authentication-key: " + e.getMessage());
        }
        P1Output output;
        if (where != null && where.tcp != null) {
            output = P1Output.tcp(bindAddress(), where.tcp);
        } else if (where != null && where.pty != null) {
            output = P1Output.pty(where.pty);
        } else if (where != null && where.output != null) {
            output = P1Output.stream(Files.newOutputStream(where.output, StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, StandardOpenOption.APPEND), where.output.toString());
        } else {
            output = P1Output.stream(System.out, "stdout");
        }
        if (where != null) { // on stdout the telegrams are the output: no status lines there
            PrintWriter out = spec.commandLine().getOut();
            out.printf("simulated P1 meter (%s%s) on %s, %s%s%n", dialect, encrypting != null ? ", encrypted" : "",
                    output.tcpPort() >= 0 ? SimRun.tcpWhere(output.tcpAddress(), output.tcpPort(), "connect to")
                            : output.describe() + (where.pty != null ? " (open it as a serial port)" : ""),
                    intervalSeconds == 0 ? "telegrams as fast as possible" : "a telegram every " + intervalSeconds + " s",
                    faultRate > 0 ? ", faults at rate " + faultRate : "");
            out.println(count == 0 ? "Ctrl-C to stop." : count + " telegrams, then stop.");
            out.flush();
        }
        P1Schedule schedule = new P1Schedule(intervalSeconds, count, faultRate, seed);
        SimRun.untilStopped(seconds, output::close, () -> schedule.emit(sim, encrypting, output));
        return 0;
    }
}
