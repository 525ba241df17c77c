package io.meterbridge.cli;

import io.meterbridge.link.BusMaster;
import io.meterbridge.link.BusStatistics;
import io.meterbridge.link.LongFrame;
import io.meterbridge.link.MBusException;
import io.meterbridge.link.MeterAddress;
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
        description = "Reads all telegrams of one meter (following DIF 0x1F) and prints its records as a table, "
                + "or as JSON with --json.")
final class ReadCommand implements Callable<Integer> {

    @Mixin
    BusOptions bus;

    @Option(names = "--address", required = true, paramLabel = "1|89|IIIIIIIIMMMMVVDD",
            description = "Primary address 0–250 (254: whichever meter is there, as on an optical eye) or secondary address (16 hex digits, F = wildcard).")
    String address;

    @Option(names = "--json", description = "One JSON object per telegram, one per line: the decode --json schema "
            + "plus a \"link\" object (port, address, telegram n of m, hex, timing, retries).")
    boolean json;

    @Option(names = "--max-telegrams", paramLabel = "N", description = "Cap on telegrams (default 16).")
    Integer maxTelegrams;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
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
