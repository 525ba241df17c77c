package io.meterbridge.consumption;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the series of every meter and counter for a time range [from, to]: the readings in the
 * range, and of those outside it only the last before {@code from} and the first after
 * {@code to}, which are all an interval at the range's edge needs to be enclosed by readings.
 */
final class SeriesWindow {

    private final long from;
    private final long to;
    private final Map<String, Map<Counter, Slot>> meters = new HashMap<>();

    SeriesWindow(Instant from, Instant to) {
        this.from = from.toEpochMilli();
        this.to = to.toEpochMilli();
    }

    void add(ReadingLine reading) {
        long at = reading.readAt().toEpochMilli();
        Map<Counter, Slot> counters = meters.computeIfAbsent(reading.meterKey(), k -> new EnumMap<>(Counter.class));
        for (Map.Entry<Counter, BigDecimal> e : reading.values().entrySet()) {
            Slot slot = counters.computeIfAbsent(e.getKey(), c -> new Slot(CounterSeries.builder(reading.meterKey(), c)));
            long units = CounterSeries.units(e.getValue());
            if (at < from) {
                if (at > slot.beforeAt) {
                    slot.beforeAt = at;
                    slot.beforeUnits = units;
                }
            } else if (at > to) {
                if (at < slot.afterAt) {
                    slot.afterAt = at;
                    slot.afterUnits = units;
                }
            } else {
                slot.inside.add(at, units);
            }
        }
    }

    /** The series, ordered by meter key and counter. */
    List<CounterSeries> series() {
        List<CounterSeries> out = new ArrayList<>();
        meters.forEach((meter, counters) -> counters.values().forEach(s -> out.add(s.build())));
        out.sort(Comparator.comparing(CounterSeries::meterKey).thenComparing(CounterSeries::counter));
        return out;
    }

    private static final class Slot {
        final CounterSeries.Builder inside;
        long beforeAt = Long.MIN_VALUE;
        long beforeUnits;
        long afterAt = Long.MAX_VALUE;
        long afterUnits;

        Slot(CounterSeries.Builder inside) {
            this.inside = inside;
        }

        CounterSeries build() {
            if (beforeAt != Long.MIN_VALUE) {
                inside.add(beforeAt, beforeUnits);
            }
            if (afterAt != Long.MAX_VALUE) {
                inside.add(afterAt, afterUnits);
            }
            return inside.build();
        }
    }
}
