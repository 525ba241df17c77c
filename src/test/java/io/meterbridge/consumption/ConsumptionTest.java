package io.meterbridge.consumption;

import static io.meterbridge.consumption.Series.AMSTERDAM;
import static io.meterbridge.consumption.Series.amounts;
import static io.meterbridge.consumption.Series.at;
import static io.meterbridge.consumption.Series.eq;
import static io.meterbridge.consumption.Series.estimated;
import static io.meterbridge.consumption.Series.hours;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class ConsumptionTest {

    @Test
    void aReadingExactlyOnABoundaryIsTheValueThere() {
        // 130 at 10:20 would put 30 into the hour if 11:00 were interpolated from it
        CounterSeries s = Series.of(Counter.HEAT_ENERGY_KWH, "2026-01-10T10:00+01:00=100", "2026-01-10T10:20+01:00=130",
                "2026-01-10T11:00+01:00=140", "2026-01-10T12:00+01:00=150");
        List<IntervalUse> h = hours(s, "2026-01-10T00:00+01:00", "2026-01-11T00:00+01:00");
        amounts(h, "40", "10");
        assertEquals(List.of(false, false), estimated(h));
        assertEquals("2026-01-10T10:00+01:00", h.get(0).start().toString());
        assertEquals("2026-01-10T11:00+01:00", h.get(0).end().toString());
        assertEquals("kam_1", h.get(0).meterKey());
        assertEquals("kWh", h.get(0).unit());
    }

    @Test
    void betweenReadingsTheValueIsInterpolatedInTime() {
        CounterSeries s = Series.of(Counter.HEAT_ENERGY_KWH, "2026-01-10T10:50+01:00=100", "2026-01-10T11:10+01:00=120",
                "2026-01-10T11:50+01:00=140", "2026-01-10T12:10+01:00=160");
        // 11:00 is 110, 12:00 is 150; neither 10:00–11:00 nor 12:00–13:00 is enclosed by readings
        List<IntervalUse> h = hours(s, "2026-01-10T00:00+01:00", "2026-01-11T00:00+01:00");
        amounts(h, "40");
        assertEquals("2026-01-10T11:00+01:00", h.get(0).start().toString());
        assertFalse(h.get(0).estimated());
    }

    @Test
    void aGapOverSeveralHoursIsSpreadEvenlyAndTheHoursFarFromAReadingAreEstimated() {
        // one reading per minute's worth of kWh: 08:50 = 50, then nothing until 13:50 = 350
        CounterSeries s = Series.of(Counter.HEAT_ENERGY_KWH, "2026-01-10T08:00+01:00=0", "2026-01-10T08:50+01:00=50",
                "2026-01-10T13:50+01:00=350", "2026-01-10T14:00+01:00=360", "2026-01-10T15:00+01:00=420");
        List<IntervalUse> h = hours(s, "2026-01-10T00:00+01:00", "2026-01-11T00:00+01:00");
        amounts(h, "60", "60", "60", "60", "60", "60", "60");
        // 09:00 is 10 min from 08:50 and 14:00 is a reading; 10:00 … 13:00 are 50 min or more from one
        assertEquals(List.of(false, true, true, true, true, true, false), estimated(h));
        assertTrue(h.stream().noneMatch(IntervalUse::reset));
    }

    @Test
    void aGapInsideAnIntervalChangesNothing() {
        CounterSeries s = Series.of(Counter.HEAT_ENERGY_KWH, "2026-01-10T00:00+01:00=10", "2026-01-10T00:10+01:00=11",
                "2026-01-10T23:50+01:00=99", "2026-01-11T00:00+01:00=100");
        List<IntervalUse> d = Consumption.intervals(s, Resolution.DAY, AMSTERDAM, at("2026-01-01T00:00+01:00"),
                at("2026-02-01T00:00+01:00"));
        amounts(d, "90");
        assertFalse(d.get(0).estimated());
    }

    @Test
    void anHourWithNoReadingAfterItIsNotReported() {
        CounterSeries s = Series.of(Counter.HEAT_ENERGY_KWH, "2026-01-10T08:00+01:00=0", "2026-01-10T08:30+01:00=30",
                "2026-01-10T09:00+01:00=60", "2026-01-10T09:40+01:00=100");
        List<IntervalUse> h = hours(s, "2026-01-10T00:00+01:00", "2026-01-11T00:00+01:00");
        amounts(h, "60");
        assertEquals("2026-01-10T08:00+01:00", h.get(0).start().toString());
    }

    @Test
    void onlyIntervalsWithinFromAndToAreReported() {
        CounterSeries s = Series.of(Counter.HEAT_ENERGY_KWH, "2026-01-10T08:00+01:00=0", "2026-01-10T12:00+01:00=40");
        amounts(hours(s, "2026-01-10T09:30+01:00", "2026-01-10T11:59+01:00"), "10"); // 10:00–11:00 only
        amounts(hours(s, "2026-01-10T10:00+01:00", "2026-01-10T10:00+01:00"));
        amounts(Consumption.intervals(Series.of(Counter.HEAT_ENERGY_KWH, "2026-01-10T08:00+01:00=0"), Resolution.HOUR,
                AMSTERDAM, at("2026-01-10T00:00+01:00"), at("2026-01-11T00:00+01:00")));
    }

    @Test
    void aResetCountsWhatWasUsedBeforeAndAfterItButNothingAcrossIt() {
        // meter replaced between 09:30 and 09:45: the new one shows 3
        CounterSeries s = Series.of(Counter.HEAT_ENERGY_KWH, "2026-01-10T08:00+01:00=1000", "2026-01-10T09:00+01:00=1010",
                "2026-01-10T09:30+01:00=1015", "2026-01-10T09:45+01:00=3", "2026-01-10T10:00+01:00=5",
                "2026-01-10T11:00+01:00=15");
        List<IntervalUse> h = hours(s, "2026-01-10T00:00+01:00", "2026-01-11T00:00+01:00");
        amounts(h, "10", "7", "10"); // 09:00–10:00: 5 on the old meter, 2 on the new
        assertEquals(List.of(false, true, false), h.stream().map(IntervalUse::reset).toList());
        assertEquals(List.of(false, true, false), estimated(h));
    }

    @Test
    void aResetBetweenReadingsOnBoundariesBelongsToTheHourBetweenThem() {
        CounterSeries s = Series.of(Counter.IMPORT_KWH, "2026-01-10T08:00+01:00=500.5", "2026-01-10T09:00+01:00=501",
                "2026-01-10T10:00+01:00=0.25", "2026-01-10T11:00+01:00=1.25");
        List<IntervalUse> h = hours(s, "2026-01-10T00:00+01:00", "2026-01-11T00:00+01:00");
        amounts(h, "0.5", "0", "1");
        assertEquals(List.of(false, true, false), h.stream().map(IntervalUse::reset).toList());
    }

    @Test
    void aRestartFromZeroAfterALongRunIsAResetNotANegativeDay() {
        CounterSeries s = Series.of(Counter.VOLUME_M3, "2026-01-09T00:00+01:00=2232.49", "2026-01-09T12:00+01:00=2232.99",
                "2026-01-10T00:00+01:00=0.3", "2026-01-11T00:00+01:00=1.3");
        List<IntervalUse> d = Consumption.intervals(s, Resolution.DAY, AMSTERDAM, at("2026-01-01T00:00+01:00"),
                at("2026-02-01T00:00+01:00"));
        amounts(d, "0.5", "1");
        assertTrue(d.get(0).reset());
        assertEquals("m³", d.get(0).unit());
    }

    @Test
    void aDipOfTheLastDigitIsRoundingNotAReset() {
        // a GJ register with three decimals read alternately by two routes that round differently
        CounterSeries s = Series.of(Counter.HEAT_ENERGY_GJ, "2026-01-10T10:00+01:00=12.345", "2026-01-10T11:00+01:00=12.344",
                "2026-01-10T12:00+01:00=12.346", "2026-01-10T13:00+01:00=12.350");
        List<IntervalUse> h = hours(s, "2026-01-10T00:00+01:00", "2026-01-11T00:00+01:00");
        amounts(h, "0", "0.001", "0.004"); // the dip is not counted again when the register climbs back
        assertTrue(h.stream().noneMatch(IntervalUse::reset));
        eq("0.005", Series.sum(h));
    }

    @Test
    void aFallOfThreeKwhIsNoiseAndOfMoreIsAReset() {
        CounterSeries noise = Series.of(Counter.HEAT_ENERGY_KWH, "2026-01-10T10:00+01:00=100", "2026-01-10T11:00+01:00=97",
                "2026-01-10T12:00+01:00=105");
        List<IntervalUse> n = hours(noise, "2026-01-10T00:00+01:00", "2026-01-11T00:00+01:00");
        amounts(n, "0", "5");
        assertTrue(n.stream().noneMatch(IntervalUse::reset));
        CounterSeries reset = Series.of(Counter.HEAT_ENERGY_KWH, "2026-01-10T10:00+01:00=100", "2026-01-10T11:00+01:00=96.9",
                "2026-01-10T12:00+01:00=105");
        List<IntervalUse> r = hours(reset, "2026-01-10T00:00+01:00", "2026-01-11T00:00+01:00");
        amounts(r, "0", "8.1");
        assertEquals(List.of(true, false), r.stream().map(IntervalUse::reset).toList());
    }

    @Test
    void energyInGjAndInKwhAgree() {
        // the same register as kWh and as GJ (1 kWh = 0.0036 GJ), as every heat reading carries it
        String[] times = {"2026-01-10T10:00+01:00", "2026-01-10T10:40+01:00", "2026-01-10T11:20+01:00",
                "2026-01-10T11:47+01:00", "2026-01-10T12:13+01:00", "2026-01-10T13:00+01:00"};
        String[] kwh = {"1000", "1010", "1030", "1031", "1044", "1050"};
        CounterSeries.Builder k = CounterSeries.builder("kam_1", Counter.HEAT_ENERGY_KWH);
        CounterSeries.Builder g = CounterSeries.builder("kam_1", Counter.HEAT_ENERGY_GJ);
        for (int i = 0; i < times.length; i++) {
            k.add(at(times[i]), new BigDecimal(kwh[i]));
            g.add(at(times[i]), new BigDecimal(kwh[i]).multiply(new BigDecimal("0.0036")));
        }
        List<IntervalUse> hk = hours(k.build(), "2026-01-10T00:00+01:00", "2026-01-11T00:00+01:00");
        List<IntervalUse> hg = hours(g.build(), "2026-01-10T00:00+01:00", "2026-01-11T00:00+01:00");
        // 11:00 = 1020 kWh; 12:00 = 1031 + 13 × 13/26 = 1037.5 kWh
        amounts(hk, "20", "17.5", "12.5");
        amounts(hg, "0.072", "0.063", "0.045");
        for (int i = 0; i < hk.size(); i++) {
            eq(hk.get(i).amount().multiply(new BigDecimal("0.0036")).toPlainString(), hg.get(i).amount());
            assertEquals(hk.get(i).start(), hg.get(i).start());
        }
        assertEquals("GJ", hg.get(0).unit());
    }

    @Test
    void interpolatedGjAndKwhAgreeToTheirRounding() {
        CounterSeries k = Series.of(Counter.HEAT_ENERGY_KWH, "2026-01-10T10:00+01:00=1000", "2026-01-10T10:53+01:00=1010",
                "2026-01-10T11:06+01:00=1011");
        CounterSeries g = Series.of(Counter.HEAT_ENERGY_GJ, "2026-01-10T10:00+01:00=3.6", "2026-01-10T10:53+01:00=3.636",
                "2026-01-10T11:06+01:00=3.6396");
        IntervalUse hk = hours(k, "2026-01-10T00:00+01:00", "2026-01-11T00:00+01:00").get(0);
        IntervalUse hg = hours(g, "2026-01-10T00:00+01:00", "2026-01-11T00:00+01:00").get(0);
        eq("10.538", hk.amount()); // 10 + 7/13 kWh = 10.538461…
        eq("0.037938", hg.amount()); // 0.036 + 0.0036 × 7/13 GJ = 0.0379384…
        BigDecimal difference = hk.amount().multiply(new BigDecimal("0.0036")).subtract(hg.amount()).abs();
        assertTrue(difference.compareTo(new BigDecimal("0.0000023")) <= 0, "differ by " + difference);
    }

    @Test
    void quarterHoursOfAnElectricityMeterReadEveryTenSeconds() {
        // import 2 Wh per 10 s until 10:30, then export 1 Wh per 10 s (the sun came out)
        CounterSeries.Builder imp = CounterSeries.builder("isk_1", Counter.IMPORT_KWH);
        CounterSeries.Builder exp = CounterSeries.builder("isk_1", Counter.EXPORT_KWH);
        long start = at("2026-06-01T09:59:50+02:00").getEpochSecond();
        for (int k = 0; k <= 6 * 61; k++) {
            long t = start + 10L * k;
            long sinceTen = t - at("2026-06-01T10:00+02:00").getEpochSecond();
            long importSteps = Math.max(0, Math.min(sinceTen, 1800)) / 10;
            long exportSteps = Math.max(0, sinceTen - 1800) / 10;
            imp.add(Instant.ofEpochSecond(t), new BigDecimal("1234.567").add(BigDecimal.valueOf(2 * importSteps, 3)));
            exp.add(Instant.ofEpochSecond(t), new BigDecimal("89.001").add(BigDecimal.valueOf(exportSteps, 3)));
        }
        List<IntervalUse> q = Consumption.intervals(List.of(exp.build(), imp.build()), Resolution.QUARTER_HOUR, AMSTERDAM,
                at("2026-06-01T00:00+02:00"), at("2026-06-02T00:00+02:00"));
        // ordered by meter, then counter (import before export), then time
        amounts(q, "0.18", "0.18", "0", "0", "0", "0", "0.09", "0.09");
        assertEquals(Counter.IMPORT_KWH, q.get(0).counter());
        assertEquals(Counter.EXPORT_KWH, q.get(4).counter());
        assertEquals("2026-06-01T10:45+02:00", q.get(7).start().toString());
        assertEquals("2026-06-01T11:00+02:00", q.get(7).end().toString());
        assertTrue(q.stream().noneMatch(IntervalUse::estimated));
    }

    @Test
    void theSpringDayHasTwentyThreeHoursThatAddUpToIt() {
        CounterSeries s = everyQuarterHour("2026-03-28T23:00:00Z", 23 * 4);
        List<IntervalUse> days = Consumption.intervals(s, Resolution.DAY, AMSTERDAM, at("2026-03-29T00:00+01:00"),
                at("2026-03-30T00:00+02:00"));
        amounts(days, "92");
        assertEquals(Duration.ofHours(23), days.get(0).length());
        List<IntervalUse> h = hours(s, "2026-03-29T00:00+01:00", "2026-03-30T00:00+02:00");
        assertEquals(23, h.size());
        assertEquals("2026-03-29T01:00+01:00", h.get(1).start().toString());
        assertEquals("2026-03-29T03:00+02:00", h.get(1).end().toString());
        eq("4", h.get(1).amount());
        eq("92", Series.sum(h));
    }

    @Test
    void theAutumnDayHasTwentyFiveHoursThatAddUpToIt() {
        CounterSeries s = everyQuarterHour("2026-10-24T22:00:00Z", 25 * 4);
        List<IntervalUse> days = Consumption.intervals(s, Resolution.DAY, AMSTERDAM, at("2026-10-25T00:00+02:00"),
                at("2026-10-26T00:00+01:00"));
        amounts(days, "100");
        assertEquals(Duration.ofHours(25), days.get(0).length());
        List<IntervalUse> h = hours(s, "2026-10-25T00:00+02:00", "2026-10-26T00:00+01:00");
        assertEquals(25, h.size());
        assertEquals("2026-10-25T02:00+02:00", h.get(2).start().toString());
        assertEquals("2026-10-25T02:00+01:00", h.get(3).start().toString());
        eq("4", h.get(2).amount());
        eq("4", h.get(3).amount());
        eq("100", Series.sum(h));
    }

    @Test
    void quarterHoursAddUpToHoursAndHoursToDaysExactlyWhateverTheReadingTimes() {
        // readings every 7 min 13 s at an uneven rate, over the autumn clock change, in GJ-to-kWh digits
        CounterSeries.Builder b = CounterSeries.builder("kam_1", Counter.HEAT_ENERGY_KWH);
        Instant t = at("2026-10-24T21:47:11Z");
        BigDecimal v = new BigDecimal("342.7777777777778");
        long seed = 42;
        while (t.isBefore(at("2026-10-26T00:20+01:00"))) {
            b.add(t, v);
            seed = seed * 6364136223846793005L + 1442695040888963407L;
            v = v.add(BigDecimal.valueOf((seed >>> 40) % 1000, 4));
            t = t.plusSeconds(433);
        }
        CounterSeries s = b.build();
        Instant from = at("2026-10-25T00:00+02:00");
        Instant to = at("2026-10-26T00:00+01:00");
        List<IntervalUse> q = Consumption.intervals(s, Resolution.QUARTER_HOUR, AMSTERDAM, from, to);
        List<IntervalUse> h = Consumption.intervals(s, Resolution.HOUR, AMSTERDAM, from, to);
        List<IntervalUse> d = Consumption.intervals(s, Resolution.DAY, AMSTERDAM, from, to);
        assertEquals(100, q.size());
        assertEquals(25, h.size());
        eq(d.get(0).amount().toPlainString(), Series.sum(h));
        eq(d.get(0).amount().toPlainString(), Series.sum(q));
        for (int i = 0; i < h.size(); i++) {
            eq(h.get(i).amount().toPlainString(), Series.sum(q.subList(4 * i, 4 * i + 4)));
        }
    }

    /** A chart of a week and a CSV of a day must show the same hour, though their reads begin elsewhere. */
    @Test
    void anIntervalIsTheSameWhereverTheSeriesBegins() {
        String[] readings = {"2026-01-10T08:07+01:00=342.7777777777778", "2026-01-10T08:41+01:00=343.0555555555556",
                "2026-01-10T09:13+01:00=12.5", "2026-01-10T09:59+01:00=13.1111111111111",
                "2026-01-10T10:29+01:00=13.9444444444444", "2026-01-10T11:02+01:00=14.3333333333333"};
        CounterSeries all = Series.of(Counter.HEAT_ENERGY_KWH, readings);
        // the longer series has a reset (and a value with 16 digits) before the hour; the shorter begins after it
        CounterSeries later = Series.of(Counter.HEAT_ENERGY_KWH, Arrays.copyOfRange(readings, 2, readings.length));
        List<IntervalUse> a = hours(all, "2026-01-10T10:00+01:00", "2026-01-10T11:00+01:00");
        List<IntervalUse> b = hours(later, "2026-01-10T10:00+01:00", "2026-01-10T11:00+01:00");
        assertEquals(a, b);
        eq("1.171", a.get(0).amount()); // 14.309764 − 13.138889, each rounded first: 14.310 − 13.139
    }

    private static CounterSeries everyQuarterHour(String first, int quarters) {
        CounterSeries.Builder b = CounterSeries.builder("kam_1", Counter.HEAT_ENERGY_KWH);
        for (int i = 0; i <= quarters; i++) {
            b.add(Instant.parse(first).plusSeconds(900L * i), BigDecimal.valueOf(5000 + i));
        }
        return b.build();
    }
}
