package io.meterbridge.consumption;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/** Test helpers: series written as {@code "2026-01-10T10:00+01:00=100"}, and exact comparisons. */
final class Series {

    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private Series() {
    }

    static CounterSeries of(String meterKey, Counter counter, String... readings) {
        CounterSeries.Builder b = CounterSeries.builder(meterKey, counter);
        for (String r : readings) {
            int eq = r.indexOf('=');
            b.add(at(r.substring(0, eq)), new BigDecimal(r.substring(eq + 1)));
        }
        return b.build();
    }

    static CounterSeries of(Counter counter, String... readings) {
        return of("kam_1", counter, readings);
    }

    static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }

    static List<IntervalUse> hours(CounterSeries s, String from, String to) {
        return Consumption.intervals(s, Resolution.HOUR, AMSTERDAM, at(from), at(to));
    }

    static void eq(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), "expected " + expected + ", found " + actual);
    }

    /** The amounts, in order, compared exactly. */
    static void amounts(List<IntervalUse> intervals, String... expected) {
        assertEquals(expected.length, intervals.size(), "intervals: " + intervals);
        for (int i = 0; i < expected.length; i++) {
            eq(expected[i], intervals.get(i).amount());
        }
    }

    static List<Boolean> estimated(List<IntervalUse> intervals) {
        return intervals.stream().map(IntervalUse::estimated).toList();
    }

    static BigDecimal sum(List<IntervalUse> intervals) {
        return intervals.stream().map(IntervalUse::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
