package io.meterbridge.consumption;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;

/**
 * Intervals as CSV, like a utility portal's export: one header line, then one line per interval
 * with {@value #HEADER}. Start and end are local date-times with their offset
 * ({@code 2026-10-25T02:00:00+02:00}), amounts plain decimals with a point, {@code estimated} is
 * {@code true} or {@code false}. RFC 4180: comma separated, CRLF line ends, a field with a comma,
 * quote, CR or LF quoted and its quotes doubled. Written here rather than with Commons CSV (which
 * {@code camel.output.CsvRow} uses) to keep this package to the JDK, Jackson and {@code meter}.
 */
public final class IntervalCsv {

    /** The header line's columns. */
    public static final String HEADER = "start,end,meter_key,counter,unit,amount,estimated";

    private static final String CRLF = "\r\n";

    private IntervalCsv() {
    }

    /** The header line and a line per interval, in the order given. */
    public static void write(Iterable<IntervalUse> intervals, Appendable out) throws IOException {
        out.append(HEADER).append(CRLF);
        for (IntervalUse i : intervals) {
            out.append(field(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(i.start()))).append(',')
                    .append(field(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(i.end()))).append(',')
                    .append(field(i.meterKey())).append(',')
                    .append(field(i.counter().key())).append(',')
                    .append(field(i.unit())).append(',')
                    .append(i.amount().toPlainString()).append(',')
                    .append(Boolean.toString(i.estimated())).append(CRLF);
        }
    }

    /** {@link #write} into a string. */
    public static String toCsv(Iterable<IntervalUse> intervals) {
        StringBuilder out = new StringBuilder();
        try {
            write(intervals, out);
        } catch (IOException e) {
            throw new UncheckedIOException("a StringBuilder does not fail", e);
        }
        return out.toString();
    }

    /** {@code value}, quoted if RFC 4180 asks for it. */
    static String field(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\r') < 0 && value.indexOf('\n') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
