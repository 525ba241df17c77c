package io.meterbridge.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Map;

import io.meterbridge.camel.reading.ReadingConverters;
import io.meterbridge.iec62056.ReadoutOptions;
import io.meterbridge.kmp.KmpRegisterList;
import io.meterbridge.link.Iec62056Master;
import io.meterbridge.link.KmpMaster;
import io.meterbridge.link.KmpRead;
import io.meterbridge.link.MBusException;
import io.meterbridge.link.OpticalSettings;
import io.meterbridge.link.OpticalStatistics;
import io.meterbridge.meter.KmpNormalizer;
import io.meterbridge.meter.RawRecord;
import io.meterbridge.meter.Reading;
import io.meterbridge.meter.UltraheatNormalizer;

/**
 * {@code read --kmp} and {@code read --iec62056}: reads one meter through its optical eye and
 * prints the normalised reading as the service publishes it — a table, or with {@code --json}
 * the very JSON object the service writes to its journal, files and MQTT (one per read).
 */
final class OpticalRead {

    /** What was read and how the head fared. */
    record Result(Reading reading, String where, OpticalStatistics statistics, long millis) {
    }

    private OpticalRead() {
    }

    static Result kmp(OpticalSettings settings, KmpRegisterList registers, KmpNormalizer normalizer) throws MBusException {
        long t0 = System.nanoTime();
        try (KmpMaster master = KmpMaster.open(settings)) {
            KmpRead read = master.read(registers);
            Reading reading = normalizer.normalize(read.meterType(), read.serialNumber(), read.values(),
                    Clock.systemUTC().instant());
            return new Result(reading, master.describe(), master.statistics(), (System.nanoTime() - t0) / 1_000_000);
        }
    }

    static Result iec62056(OpticalSettings settings, ReadoutOptions options) throws MBusException {
        long t0 = System.nanoTime();
        try (Iec62056Master master = Iec62056Master.open(settings)) {
            Reading reading = new UltraheatNormalizer().normalize(master.read(options), Clock.systemUTC().instant());
            return new Result(reading, master.describe(), master.statistics(), (System.nanoTime() - t0) / 1_000_000);
        }
    }

    /** Prints the result; flushes (see {@link ReadCommand#print}). */
    static void print(PrintWriter out, boolean json, Result r) throws Exception {
        if (json) {
            out.println(ReadingConverters.toJson(r.reading()));
            out.flush();
            return;
        }
        var id = r.reading().meter();
        OpticalStatistics s = r.statistics();
        out.printf("meter %s on %s: %s %s, read in %d ms (%d request%s, %d bytes out, %d in, %d echoes skipped)%n",
                id.stableKey(), r.where(), id.manufacturerName(), id.model(), r.millis(), s.requests(),
                s.requests() == 1 ? "" : "s", s.bytesSent(), s.bytesReceived(), s.echoes());
        out.println();
        int width = 0;
        Map<String, Object> values = r.reading().toMap();
        for (String key : values.keySet()) {
            width = Math.max(width, key.length());
        }
        for (Map.Entry<String, Object> e : values.entrySet()) {
            out.printf("  %-" + width + "s  %s%n", e.getKey(), text(e.getValue()));
        }
        out.println();
        out.printf("%d records as the meter sent them:%n", r.reading().records().size());
        for (RawRecord rec : r.reading().records()) {
            Object v = rec.number() != null ? rec.number() : rec.text();
            out.printf("  %-14s %-40s %s%s%n", rec.code(), rec.description(), text(v),
                    rec.unit().isEmpty() ? "" : " " + rec.unit());
        }
        out.flush();
    }

    private static String text(Object v) {
        return v instanceof BigDecimal d ? d.toPlainString() : String.valueOf(v);
    }
}
