package io.meterbridge.cli;

import io.meterbridge.link.BusMaster;
import io.meterbridge.link.BusSettings;
import io.meterbridge.link.Control;
import io.meterbridge.link.HomeWizardDevice;
import io.meterbridge.link.HomeWizardDiscovery;
import io.meterbridge.link.ScanHit;
import io.meterbridge.telegram.Medium;
import io.meterbridge.telegram.SecondaryAddress;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.time.Duration;
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
                + "wildcard selections: seconds for a few meters.",
            "Progress goes to stderr: on a terminal one line updated in place, otherwise a line every "
                + ScanCommand.Progress.LINE_EVERY + " addresses (or selections). The table on stdout is unchanged by it."})
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

    @Option(names = "--homewizard", description = "Instead of an M-Bus, list the HomeWizard Energy devices that"
            + " announce themselves by mDNS (_hwenergy._tcp): name, address, product, serial, API enabled.")
    boolean homewizard;

    @Option(names = "--wait", defaultValue = "3", paramLabel = "SECONDS",
            description = "--homewizard only: how long to listen for answers (default: ${DEFAULT-VALUE}).")
    int waitSeconds;

    @Option(names = "--interface", paramLabel = "ADDRESS",
            description = "--homewizard only: the local address of the network to browse (default: the first multicast-capable LAN interface's).")
    String networkInterface;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (homewizard) {
            return scanHomeWizard();
        }
        BusSettings settings = bus.settings();
        if (from < 0 || to > Control.ADDRESS_MAX_PRIMARY || from > to) {
            throw new IllegalArgumentException("expected 0 <= --from <= --to <= 250, found " + from + ".." + to);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Progress progress = new Progress(err, System.console() != null, secondary ? 0 : to - from + 1);
        List<ScanHit> hits;
        try (BusMaster master = BusMaster.open(settings.withRetries(Math.min(settings.retries(), 1)))) {
            if (secondary) {
                hits = master.scanSecondary(SecondaryAddress.parse(mask), n -> progress.probing(n - 1, n),
                        progress::found);
            } else {
                hits = master.scanPrimary(from, to, a -> progress.probing(a - from, a), progress::found);
            }
        } finally {
            progress.end();
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

    private int scanHomeWizard() throws Exception {
        InetAddress on = networkInterface == null ? HomeWizardDiscovery.lanAddress() : InetAddress.getByName(networkInterface);
        List<HomeWizardDevice> devices = HomeWizardDiscovery.browse(on, Duration.ofSeconds(waitSeconds));
        PrintWriter out = spec.commandLine().getOut();
        out.print(homeWizardTable(devices));
        out.printf("%d HomeWizard device%s found by mDNS on %s%n", devices.size(), devices.size() == 1 ? "" : "s",
                on.getHostAddress());
        for (HomeWizardDevice d : devices) {
            if (d.isP1Meter()) {
                out.printf("route: p1:homewizard:%s%s%n", d.address(),
                        d.apiEnabled() ? "" : "  (switch on \"Local API\" in the HomeWizard Energy app first)");
            }
        }
        return 0;
    }

    /** The table of HomeWizard devices; like {@link #table}, columns only added at the end. */
    static String homeWizardTable(List<HomeWizardDevice> devices) {
        StringBuilder sb = new StringBuilder();
        String format = "%-24s  %-15s  %-10s  %-14s  %s%n";
        sb.append(String.format(format, "NAME", "ADDRESS", "PRODUCT", "SERIAL", "API"));
        for (HomeWizardDevice d : devices) {
            sb.append(String.format(format, d.name(), d.address().isEmpty() ? "-" : d.address(), d.productType(),
                    d.serial(), d.apiEnabled() ? "enabled" : "disabled"));
        }
        return sb.toString();
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

    /**
     * Progress on stderr, which tools that read the table on stdout never see. On a terminal: one line redrawn
     * in place ({@code scanning 124/251 (address 123), found 2}), at most ten times a second and whenever a meter
     * turns up, erased before the table. Elsewhere (a pipe, a log, a service manager) a carriage return would
     * garble the log, so a plain line every {@value #LINE_EVERY} probes instead: a 53 s scan shows it is alive
     * about every 5 s at 2400 Bd without flooding the log.
     */
    static final class Progress {
        static final int LINE_EVERY = 25;
        private static final long REDRAW_NANOS = 100_000_000L;

        private final PrintWriter err;
        private final boolean terminal;
        /** Addresses to probe; 0 for a secondary scan, whose number of selections is not known ahead. */
        private final int total;
        private int found;
        private long lastDraw;
        private int drawnFound = -1;
        private int drawnWidth;

        Progress(PrintWriter err, boolean terminal, int total) {
            this.err = err;
            this.terminal = terminal;
            this.total = total;
        }

        /**
         * The next probe is about to go out; {@code done} are finished.
         *
         * @param current the address (primary scan) or the selection's number (secondary scan) about to be probed
         */
        void probing(int done, int current) {
            if (!terminal) {
                if (done > 0 && done % LINE_EVERY == 0) {
                    err.println(total > 0 ? String.format("scanned %d/%d addresses, found %d", done, total, found)
                            : String.format("secondary scan: %d selections sent, found %d", done, found));
                }
                return;
            }
            long now = System.nanoTime();
            if (found == drawnFound && now - lastDraw < REDRAW_NANOS) {
                return;
            }
            lastDraw = now;
            drawnFound = found;
            String line = total > 0 ? String.format("scanning %d/%d (address %d), found %d", done + 1, total, current,
                    found) : String.format("secondary scan: selection %d, found %d", current, found);
            // spaces over whatever a longer earlier line left at the end
            err.print("\r" + line + " ".repeat(Math.max(0, drawnWidth - line.length())));
            err.flush();
            drawnWidth = Math.max(drawnWidth, line.length());
        }

        /** A hit as soon as the scan knows it; only meters that answered cleanly count as found, as in the table. */
        void found(ScanHit hit) {
            if (hit.ok()) {
                found++;
            }
        }

        /** The scan is over, or failed: a terminal line is erased so that the table or the error starts clean. */
        void end() {
            if (terminal && drawnWidth > 0) {
                err.print("\r" + " ".repeat(drawnWidth) + "\r");
                err.flush();
            }
        }
    }
}
