package io.meterbridge.cli;

import io.meterbridge.link.BusMaster;
import io.meterbridge.link.BusStatistics;
import io.meterbridge.link.LongFrame;
import io.meterbridge.link.MBusException;
import io.meterbridge.link.MeterAddress;
import io.meterbridge.camel.optical.OpticalConfiguration;
import io.meterbridge.camel.optical.OpticalProtocol;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterbridge.telegram.Hex;
import io.meterbridge.telegram.SecondaryAddress;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code read}: reads every telegram of one meter and prints its records. */
@Command(name = "read", mixinStandardHelpOptions = true,
        description = {"Reads all telegrams of one M-Bus meter (following DIF 0x1F) and prints its records as a table, "
                + "or as JSON with --json.",
                "With --kmp or --iec62056, reads a heat meter through its optical eye with an IR head instead and prints "
                + "the normalised reading as the service publishes it; with --json, that reading's JSON object."})
final class ReadCommand implements Callable<Integer> {

    @Mixin
    BusOptions bus;

    @Option(names = "--address", paramLabel = "1|89|IIIIIIIIMMMMVVDD",
            description = "Primary address 0–250 (254: whichever meter is there, as on an optical eye) or secondary address (16 hex digits, F = wildcard).")
    String address;

    @Option(names = "--json", description = "One JSON object per telegram, one per line: the decode --json schema "
            + "plus a \"link\" object (port, address, telegram n of m, hex, timing, retries).")
    boolean json;

    @Option(names = "--max-telegrams", paramLabel = "N", description = "Cap on telegrams (default 16).")
    Integer maxTelegrams;

    @Option(names = "--kmp", description = "Read a Kamstrup MULTICAL through its optical eye over KMP (1200 Bd 8N2) "
            + "instead of M-Bus, and print the normalised reading as the service publishes it.")
    boolean kmp;

    @Option(names = "--iec62056", description = "Read an IEC 62056-21 meter (Landis+Gyr ULTRAHEAT UH50/T550 and others) "
            + "through its optical eye (300 Bd 7E1, then the meter's speed), and print the normalised reading.")
    boolean iec62056;

    @Option(names = "--registers", paramLabel = "LIST", description = "With --kmp: the registers, by name or id (default "
            + OpticalConfiguration.DEFAULT_REGISTERS + "; eight a request).")
    String registers;

    @Option(names = "--model", paramLabel = "NAME", description = "With --kmp: the meter's model as the wired path names "
            + "it (\"MULTICAL 403\"), which KMP itself does not tell, so the reading and Home Assistant device match the "
            + "same meter read over M-Bus.")
    String model;

    @Option(names = "--max-baud", paramLabel = "BAUD", description = "With --iec62056: the highest speed to ask a mode C "
            + "meter for (default 19200; 300 keeps the readout at 300 Bd, for a TCP bridge).")
    Integer maxBaud;

    @Option(names = "--timeout", paramLabel = "MS", description = "With --kmp or --iec62056: the longest wait for an "
            + "answer's first byte (default 2000).")
    Integer timeoutMillis;

    /** M-Bus options that mean nothing on an optical protocol, which has its own framing and no address. */
    private static final java.util.List<String> MBUS_ONLY = java.util.List.of("--address", "--baud", "--parity",
            "--wake-up", "--max-telegrams");

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (kmp || iec62056) {
            return optical();
        }
        for (String o : java.util.List.of("--registers", "--model", "--max-baud", "--timeout")) {
            if (spec.commandLine().getParseResult().hasMatchedOption(o)) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), o + " needs --kmp or --iec62056");
            }
        }
        if (address == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "which meter? give --address (1, 89, "
                    + "254 for whichever meter is there, or a secondary address), or --kmp / --iec62056 for an optical eye");
        }
        MeterAddress meter = MeterAddress.parse(address);
        var settings = bus.settings();
        if (maxTelegrams != null) {
            settings = settings.withMaxTelegrams(maxTelegrams);
        }
        List<LongFrame> telegrams;
        BusStatistics stats;
        long t0 = System.nanoTime();
        String where;
        PrintWriter out = spec.commandLine().getOut();
        try (BusMaster master = BusMaster.open(settings)) {
            try {
                telegrams = master.readMeter(meter);
            } catch (MBusException e) {
                if (!e.partialTelegrams().isEmpty()) {
                    // The telegrams that did arrive are a reading taken: show them, then fail.
                    print(out, json, meter, master.describe(), e.partialTelegrams(), false, master.statistics(),
                            (System.nanoTime() - t0) / 1_000_000);
                }
                throw e;
            }
            // Only now, with the port open, does the description say what is in use (a pty runs 8N1 whatever
            // --parity asked for); before the first exchange it could only repeat the request.
            where = master.describe();
            stats = master.statistics();
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        print(out, json, meter, where, telegrams, true, stats, millis);
        return 0;
    }

    private int optical() throws Exception {
        var parsed = spec.commandLine().getParseResult();
        if (kmp && iec62056) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "give --kmp or --iec62056, not both");
        }
        for (String o : MBUS_ONLY) {
            if (parsed.hasMatchedOption(o)) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), o + " is an M-Bus option, not for "
                        + (kmp ? "--kmp" : "--iec62056") + " (the protocol sets its own framing and has no address)");
            }
        }
        if (kmp ? maxBaud != null : registers != null || model != null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), (kmp ? "--max-baud is for --iec62056"
                    : (registers != null ? "--registers" : "--model") + " is for --kmp"));
        }
        OpticalConfiguration c = new OpticalConfiguration();
        c.setPort(bus.portName());
        c.setProtocol(kmp ? OpticalProtocol.KMP : OpticalProtocol.IEC62056);
        c.setRegisters(registers);
        c.setModel(model);
        if (maxBaud != null) {
            c.setMaxBaudRate(maxBaud);
        }
        if (bus.latencyMillis != null) {
            c.setAdapterLatency(bus.latencyMillis);
        }
        if (bus.retries != null) {
            c.setRetries(bus.retries);
        }
        if (timeoutMillis != null) {
            c.setReplyTimeout(timeoutMillis);
        }
        OpticalRead.Result r = OpticalRead.read(c);
        OpticalRead.print(spec.commandLine().getOut(), json, r);
        return 0;
    }

    /**
     * Prints telegrams; {@code complete} false: the readout failed after them (said in the header and link.complete).
     * Flushes: picocli's writer flushes by itself only on println/printf, and the last table is one print, which
     * {@code System.exit} would otherwise discard.
     */
    static void print(PrintWriter out, boolean json, MeterAddress meter, String where, List<LongFrame> telegrams,
            boolean complete, BusStatistics stats, long millis) {
        if (!json) {
            SecondaryAddress s = telegrams.get(0).secondaryAddress();
            out.printf("meter %s on %s: %s%d telegram%s in %d ms (%d retries)%s%n", meter, where,
                    s == null ? "" : MeterModels.name(s.manufacturer(), s.version()) + ", ", telegrams.size(),
                    telegrams.size() == 1 ? "" : "s", millis, stats.retries(),
                    complete ? "" : ", INCOMPLETE: the readout failed after these");
        }
        int n = 0;
        for (LongFrame f : telegrams) {
            n++;
            DecodeCommand.Decoded d = DecodeCommand.decode(Hex.format(f.toBytes()));
            if (json) {
                ObjectNode link = d.json().putObject("link");
                link.put("port", where);
                link.put("address", meter.toString());
                link.put("telegram", n);
                link.put("telegrams", telegrams.size());
                link.put("complete", complete);
                link.put("bytes", f.wireLength());
                link.put("hex", Hex.format(f.toBytes()).replace(" ", ""));
                link.put("millis", millis);
                link.put("requests", stats.requests());
                link.put("retries", stats.retries());
                link.put("timeouts", stats.timeouts());
                link.put("checksumErrors", stats.checksumErrors());
                link.put("noiseBytes", stats.noiseBytes());
                out.println(TelegramJson.write(d.json()));
            } else {
                out.printf("%ntelegram %d of %d (%d bytes)%n", n, telegrams.size(), f.wireLength());
                out.print(d.table("telegram " + n));
            }
        }
        out.flush();
    }
}
