package io.meterbridge.camel.status;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.meterbridge.consumption.Counter;
import io.meterbridge.consumption.History;
import io.meterbridge.consumption.IntervalCsv;
import io.meterbridge.consumption.IntervalUse;
import io.meterbridge.consumption.ReadingHistory;
import io.meterbridge.consumption.Resolution;

/**
 * The consumption charts' data and their CSV download, computed at each request from the daily
 * JSON Lines files the service keeps ({@code output.dir}/{@code jsonl.fileName} and the dated
 * files of earlier days), in the machine's time zone, by {@link io.meterbridge.consumption}'s rules.
 *
 * <p>{@code /api/consumption?meter=KEY&counter=heat_energy_kwh&resolution=HOUR&days=2}: JSON with the
 * intervals of the last {@code days} days (1 to 62) that are over; {@code /consumption.csv?…} the
 * same intervals as a utility portal's export. A parameter that is missing or wrong is a 400 that
 * says which and what is allowed.
 */
final class ConsumptionPages {

    static final int MAX_DAYS = 62;

    private final ReadingHistory history;
    private final ZoneId zone;
    private final Clock clock;

    ConsumptionPages(Path dir, String fileName, ZoneId zone, Clock clock) {
        this.history = new ReadingHistory(dir, fileName, zone);
        this.zone = zone;
        this.clock = clock;
    }

    /** What was asked for: a meter, a register, the interval length and how many days back. */
    record Query(String meter, Counter counter, Resolution resolution, int days) {
    }

    /** A request that cannot be answered as asked: a 400 with this message. */
    static final class BadQuery extends Exception {
        private static final long serialVersionUID = 1L;

        BadQuery(String message) {
            super(message);
        }
    }

    static Query parse(String rawQuery) throws BadQuery {
        Map<String, String> p = new LinkedHashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    p.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        String meter = p.get("meter");
        if (meter == null || meter.isBlank()) {
            throw new BadQuery("meter: expected a meter key such as kam_82937133, found none");
        }
        String c = p.getOrDefault("counter", "");
        Counter counter = Counter.ofKey(c).orElseThrow(() -> new BadQuery("counter: expected one of "
                + String.join(", ", keys()) + ", found '" + c + "'"));
        String r = p.getOrDefault("resolution", "HOUR").toUpperCase(Locale.ROOT);
        Resolution resolution;
        try {
            resolution = Resolution.valueOf(r);
        } catch (IllegalArgumentException e) {
            throw new BadQuery("resolution: expected QUARTER_HOUR, HOUR or DAY, found '" + r + "'");
        }
        String d = p.getOrDefault("days", "2");
        int days;
        try {
            days = Integer.parseInt(d);
        } catch (NumberFormatException e) {
            days = -1;
        }
        if (days < 1 || days > MAX_DAYS) {
            throw new BadQuery("days: expected a whole number from 1 to " + MAX_DAYS + ", found '" + d + "'");
        }
        return new Query(meter, counter, resolution, days);
    }

    private static List<String> keys() {
        List<String> k = new ArrayList<>();
        for (Counter c : Counter.values()) {
            k.add(c.key());
        }
        return k;
    }

    /** The intervals of the query's meter and register, oldest first. */
    List<IntervalUse> intervals(Query q) throws IOException {
        Instant to = clock.instant();
        Instant from = q.resolution().floor(to.minus(Duration.ofDays(q.days())), zone);
        History h = history.read(from, to);
        List<IntervalUse> out = new ArrayList<>();
        for (IntervalUse u : h.intervals(q.resolution(), zone, from, to)) {
            if (u.meterKey().equals(q.meter()) && u.counter() == q.counter()) {
                out.add(u);
            }
        }
        return out;
    }

    /** The chart's JSON. */
    Map<String, Object> json(Query q) throws IOException {
        List<Map<String, Object>> intervals = new ArrayList<>();
        for (IntervalUse u : intervals(q)) {
            Map<String, Object> i = new LinkedHashMap<>();
            i.put("start", u.start().toString());
            i.put("end", u.end().toString());
            i.put("amount", u.amount());
            i.put("estimated", u.estimated());
            i.put("reset", u.reset());
            intervals.add(i);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("meter", q.meter());
        out.put("counter", q.counter().key());
        out.put("unit", q.counter().unit());
        out.put("resolution", q.resolution().name());
        out.put("zone", zone.getId());
        out.put("intervals", intervals);
        return out;
    }

    /** The CSV download's text. */
    String csv(Query q) throws IOException {
        return IntervalCsv.toCsv(intervals(q));
    }

    /** The CSV download's file name: {@code meterbridge-kam_82937133-heat_energy_kwh-hour-2d.csv}. */
    static String fileName(Query q) {
        return "meterbridge-" + q.meter().replaceAll("[^A-Za-z0-9_-]", "_") + "-" + q.counter().key() + "-"
                + q.resolution().name().toLowerCase(Locale.ROOT) + "-" + q.days() + "d.csv";
    }
}
