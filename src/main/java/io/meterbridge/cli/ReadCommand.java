package io.meterbridge.cli;

import io.meterbridge.link.BusMaster;
import io.meterbridge.link.BusStatistics;
import io.meterbridge.link.LongFrame;
import io.meterbridge.link.MeterAddress;
import io.meterbridge.telegram.DataRecord;
import io.meterbridge.telegram.Header;
import io.meterbridge.telegram.Medium;
import io.meterbridge.telegram.SecondaryAddress;
import io.meterbridge.telegram.Telegram;
import io.meterbridge.telegram.TelegramDecoder;
import io.meterbridge.telegram.Value;

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
        description = "Reads all telegrams of one meter (following DIF 0x1F) and prints its records as a table.")
final class ReadCommand implements Callable<Integer> {

    @Mixin
    BusOptions bus;

    @Option(names = "--address", required = true, paramLabel = "1|89|IIIIIIIIMMMMVVDD",
            description = "Primary address 0–250 or secondary address (16 hex digits, F = wildcard).")
    String address;

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
        try (BusMaster master = BusMaster.open(settings)) {
            telegrams = master.readMeter(meter);
            stats = master.statistics();
            where = master.describe();
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        PrintWriter out = spec.commandLine().getOut();
        printTable(out, meter, where, telegrams, stats, millis);
        return 0;
    }

    static void printTable(PrintWriter out, MeterAddress meter, String where, List<LongFrame> telegrams,
            BusStatistics stats, long millis) throws Exception {
        LongFrame first = telegrams.get(0);
        out.printf("meter %s on %s: %d telegram%s in %d ms (%d retries)%n", meter, where, telegrams.size(),
                telegrams.size() == 1 ? "" : "s", millis, stats.retries());
        int n = 0;
        for (LongFrame f : telegrams) {
            n++;
            byte[] wire = f.toBytes();
            Telegram t = TelegramDecoder.decode(f.ci(), wire, LongFrame.DATA_OFFSET, wire.length - 2);
            Header h = t.header();
            out.printf("%ntelegram %d/%d: primary %d, CI 0x%02X, %d bytes", n, telegrams.size(), f.address(), f.ci(),
                    f.wireLength());
            if (h != null && !h.isShort()) {
                SecondaryAddress s = h.address();
                out.printf(", %s, %s, ID %s, secondary %s, access %d, status 0x%02X",
                        MeterModels.name(s.manufacturer(), s.version()), Medium.name(s.medium()), s.idText(), s,
                        h.accessNumber(), h.status());
            }
            out.println();
            String format = "%-3s %-7s %-6s %-7s %-13s %-40s %16s %s%n";
            out.printf(format, "#", "STORAGE", "TARIFF", "SUBUNIT", "FUNCTION", "DESCRIPTION", "VALUE", "UNIT");
            int i = 0;
            for (DataRecord r : t.records()) {
                out.printf(format, ++i, r.storage(), r.tariff(), r.subunit(),
                        r.function().jsonName(), r.description(), value(r.value()),
                        r.unit() == null ? "" : r.unit());
            }
            if (t.moreRecordsFollow()) {
                out.println("(more records follow in the next telegram: DIF 0x1F)");
            }
        }
    }

    static String value(Value v) {
        if (v instanceof Value.Numeric num) {
            return num.number().toPlainString();
        } else if (v instanceof Value.Text text) {
            return text.text();
        } else if (v instanceof Value.Date d) {
            return d.date().toString();
        } else if (v instanceof Value.DateTime dt) {
            return dt.dateTime().toString();
        } else if (v instanceof Value.Time tm) {
            return tm.time().toString();
        } else if (v instanceof Value.Bytes b) {
            return b.hex();
        }
        return "-";
    }
}
