package io.meterbridge.cli;

import io.meterbridge.link.BusMaster;
import io.meterbridge.link.BusSettings;
import io.meterbridge.link.Control;
import io.meterbridge.link.ScanHit;
import io.meterbridge.telegram.Medium;
import io.meterbridge.telegram.SecondaryAddress;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code scan}: finds the meters on a bus by primary address 0–250 or by secondary address. */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = {"Finds the meters on an M-Bus and prints a table of them: primary address, secondary "
                + "address, manufacturer, model, medium, ID.",
            "A primary scan sends SND_NKE to 0–250; each silent address costs the EN 13757-2 timeout (at 2400 Bd "
                + "187.5 ms plus --latency), so about 53 s plus 0.25 s per ms of latency. --secondary narrows "
                + "wildcard selections: seconds for a few meters."})
final class ScanCommand implements Callable<Integer> {

    @Mixin
    BusOptions bus;

    @Option(names = "--secondary", description = "Scan by secondary address (wildcard selection) instead of 0–250.")
    boolean secondary;

    @Option(names = "--mask", paramLabel = "IIIIIIIIMMMMVVDD", defaultValue = "FFFFFFFFFFFFFFFF",
            description = "Secondary scan only: selection mask, F = any digit (default: ${DEFAULT-VALUE}).")
    String mask;

    @Option(names = "--from", defaultValue = "0", description = "Primary scan: first address (default: ${DEFAULT-VALUE}).")
    int from;

    @Option(names = "--to", defaultValue = "250", description = "Primary scan: last address (default: ${DEFAULT-VALUE}).")
    int to;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        BusSettings settings = bus.settings();
        if (from < 0 || to > Control.ADDRESS_MAX_PRIMARY || from > to) {
            throw new IllegalArgumentException("expected 0 <= --from <= --to <= 250, found " + from + ".." + to);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Progress progress = new Progress(err, secondary ? 0 : to - from + 1);
        List<ScanHit> hits;
        try (BusMaster master = BusMaster.open(settings.withRetries(Math.min(settings.retries(), 1)))) {
            if (secondary) {
                hits = master.scanSecondary(SecondaryAddress.parse(mask), n -> progress.update(n, "selection " + n));
            } else {
                hits = master.scanPrimary(from, to, a -> progress.update(a - from + 1, "address " + a));
            }
        } finally {
            progress.done();
        }
        out.print(table(hits));
        out.printf("%d meter%s found on %s%n", hits.stream().filter(ScanHit::ok).count(),
                hits.stream().filter(ScanHit::ok).count() == 1 ? "" : "s", settings.port());
        for (ScanHit h : hits) {
            if (!h.ok()) {
                err.println("warning: " + (h.primaryAddress() >= 0 ? "address " + h.primaryAddress()
                        : h.secondaryAddress()) + ": " + h.problem());
            }
        }
        return 0;
    }

    /** The table of meters that answered cleanly; a contract other tools parse: columns only added at the end. */
    static String table(List<ScanHit> hits) {
        StringBuilder sb = new StringBuilder();
        String format = "%-7s  %-16s  %-12s  %-24s  %-16s  %s%n";
        sb.append(String.format(format, "PRIMARY", "SECONDARY", "MANUFACTURER", "MODEL", "MEDIUM", "ID"));
        for (ScanHit h : hits) {
            if (!h.ok()) {
                continue;
            }
            SecondaryAddress s = h.secondaryAddress();
            String primary = h.primaryAddress() >= 0 ? Integer.toString(h.primaryAddress()) : "-";
            if (s == null) {
                sb.append(String.format(format, primary, "-", "-", "-", "-", "-"));
            } else {
                sb.append(String.format(format, primary, s, s.manufacturerText(),
                        MeterModels.name(s.manufacturer(), s.version()), Medium.name(s.medium()), s.idText()));
            }
        }
        return sb.toString();
    }

    /** A one-line progress bar on stderr, redrawn in place; silent when stderr is not a terminal. */
    static final class Progress {
        private final PrintWriter err;
        private final int total;
        private final boolean enabled = System.console() != null;
        private long lastDraw;

        Progress(PrintWriter err, int total) {
            this.err = err;
            this.total = total;
        }

        void update(int done, String what) {
            if (!enabled) {
                return;
            }
            long now = System.nanoTime();
            if (now - lastDraw < 100_000_000L && done != total) {
                return;
            }
            lastDraw = now;
            if (total > 0) {
                int width = 30;
                int filled = done * width / total;
                err.printf("\r[%s%s] %3d%% %-16s", "#".repeat(filled), ".".repeat(width - filled), done * 100 / total,
                        what);
            } else {
                err.printf("\rscanning… %-20s", what);
            }
            err.flush();
        }

        void done() {
            if (enabled) {
                err.print("\r" + " ".repeat(60) + "\r");
                err.flush();
            }
        }
    }
}
