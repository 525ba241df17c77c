package io.meterbridge.consumption;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumption per interval, from counter readings: an interval's amount is the counter's value at
 * its end minus its value at its start, on the {@link Curve} through the readings (interpolated
 * linearly in time where no reading falls on a boundary; a reset counts nothing). Both boundary
 * values are rounded to the counter's scale before they are subtracted, so amounts add up exactly:
 * the hours of a day to the day, its quarter-hours to the hour.
 *
 * <p>An interval is reported only where readings enclose it: one at or before its start and one at
 * or after its end. A stateless function: safe to call from any number of threads.
 */
public final class Consumption {

    private static final Logger LOG = LoggerFactory.getLogger(Consumption.class);

    private Consumption() {
    }

    /**
     * The intervals of {@code resolution} in {@code zone} that lie within [from, to), of every
     * series, ordered by meter key, then counter, then time.
     */
    public static List<IntervalUse> intervals(Collection<CounterSeries> series, Resolution resolution, ZoneId zone,
            Instant from, Instant to) {
        List<CounterSeries> ordered = new ArrayList<>(series);
        ordered.sort(Comparator.comparing(CounterSeries::meterKey).thenComparing(CounterSeries::counter));
        List<IntervalUse> out = new ArrayList<>();
        for (CounterSeries s : ordered) {
            out.addAll(intervals(s, resolution, zone, from, to));
        }
        return out;
    }

    /** The intervals of {@code resolution} in {@code zone} that lie within [from, to), of one series, in time order. */
    public static List<IntervalUse> intervals(CounterSeries series, Resolution resolution, ZoneId zone, Instant from,
            Instant to) {
        Objects.requireNonNull(resolution, "resolution");
        Objects.requireNonNull(zone, "zone");
        if (series.size() < 2 || !from.isBefore(to)) {
            return List.of();
        }
        Curve curve;
        try {
            curve = Curve.of(series);
        } catch (ArithmeticException e) {
            LOG.warn("{}: its values rise and fall by more than a long counts in millionths; no intervals for it",
                    series, e);
            return List.of();
        }
        Instant first = max(from, Instant.ofEpochMilli(curve.first()));
        Instant last = min(to, Instant.ofEpochMilli(curve.last()));
        long maxDistance = resolution.maxDistanceToReading().toMillis();
        List<IntervalUse> out = new ArrayList<>();
        Instant start = resolution.ceiling(first, zone);
        BigDecimal startValue = null;
        boolean startFar = false;
        for (Instant end = resolution.next(start, zone); !end.isAfter(last); end = resolution.next(start, zone)) {
            if (startValue == null) {
                startValue = curve.at(start.toEpochMilli());
                startFar = curve.farFromReading(start.toEpochMilli(), maxDistance);
            }
            BigDecimal endValue = curve.at(end.toEpochMilli());
            boolean endFar = curve.farFromReading(end.toEpochMilli(), maxDistance);
            boolean reset = curve.resetBetween(start.toEpochMilli(), end.toEpochMilli());
            out.add(new IntervalUse(start.atZone(zone).toOffsetDateTime(), end.atZone(zone).toOffsetDateTime(),
                    series.meterKey(), series.counter(), endValue.subtract(startValue), startFar || endFar || reset,
                    reset));
            start = end;
            startValue = endValue;
            startFar = endFar;
        }
        return out;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
