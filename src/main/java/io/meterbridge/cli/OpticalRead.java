package io.meterbridge.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Map;

import io.meterbridge.camel.optical.OpticalConfiguration;
import io.meterbridge.camel.optical.OpticalMeter;
import io.meterbridge.camel.reading.ReadingConverters;
import io.meterbridge.link.MBusException;
import io.meterbridge.link.OpticalStatistics;
import io.meterbridge.meter.RawRecord;
import io.meterbridge.meter.Reading;

/**
 * {@code read --kmp} and {@code read --iec62056}: reads one meter through its optical eye with
 * the {@code optical:} component's own reader and prints the normalised reading as the service
 * publishes it — a table, or with {@code --json} the very JSON object the service writes to its
 * journal, files and MQTT (one per read).
 */
final class OpticalRead {

    /** What was read and how the head fared. */
    record Result(Reading reading, String where, OpticalStatistics statistics, long millis) {
    }

    private OpticalRead() {
    }

    static Result read(OpticalConfiguration configuration) throws MBusException {
        long t0 = System.nanoTime();
        try (OpticalMeter meter = OpticalMeter.of(configuration, Clock.systemUTC())) {
            Reading reading = meter.read();
            return new Result(reading, meter.describe(), meter.statistics(), (System.nanoTime() - t0) / 1_000_000);
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
