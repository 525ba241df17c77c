package io.meterbridge.consumption;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Arrays;

/**
 * A series as consumption over time: a curve that never falls, through one point per reading,
 * straight between them, whose rise between two instants is what was consumed between them.
 *
 * <p>Where the register rises, the curve rises with it. A fall of at most {@link Counter#noise()}
 * below the highest value so far is rounding: the curve stays level until the register is above
 * that value again, so the dip is not counted twice. A larger fall is a reset (meter replaced,
 * register wrapped, meter restarted on an older value): from the reading after it the register
 * counts anew, and what was used between the two readings around the fall is not known; the
 * curve stays level across them (it rises by less than one unit of {@link Counter#scale()}: the
 * offset it carries after a reset is rounded up to that unit, so an interval's amount does not
 * depend on where the series read happened to begin).
 */
final class Curve {

    private final long[] t;
    private final long[] c;
    /** Indices j for which the step from reading j - 1 to reading j is a reset, ascending. */
    private final int[] resets;
    private final int scale;

    private Curve(long[] t, long[] c, int[] resets, int scale) {
        this.t = t;
        this.c = c;
        this.resets = resets;
        this.scale = scale;
    }

    /**
     * The curve of a series of at least one reading.
     *
     * @throws ArithmeticException if the rises and resets add up beyond what a long holds (only
     *     for registers that jump by trillions back and forth)
     */
    static Curve of(CounterSeries s) {
        int n = s.size();
        long[] c = new long[n];
        int[] resets = new int[8];
        int r = 0;
        long noise = CounterSeries.units(s.counter().noise());
        long unit = BigInteger.TEN.pow(CounterSeries.SCALE - s.counter().scale()).longValueExact();
        long highest = s.units(0);
        long level = highest;
        for (int j = 0; j < n; j++) {
            long v = s.units(j);
            if (v >= highest) {
                level = Math.addExact(level, Math.subtractExact(v, highest));
                highest = v;
            } else {
                long fall = Math.subtractExact(highest, v);
                if (fall > noise) {
                    level = Math.addExact(level, Math.floorMod(-fall, unit)); // the offset rounded up to a unit
                    highest = v;
                    if (r == resets.length) {
                        resets = Arrays.copyOf(resets, r * 2);
                    }
                    resets[r++] = j;
                }
            }
            c[j] = level;
        }
        return new Curve(s.times(), c, Arrays.copyOf(resets, r), s.counter().scale());
    }

    /** The time of the first reading, epoch milliseconds. */
    long first() {
        return t[0];
    }

    /** The time of the last reading, epoch milliseconds. */
    long last() {
        return t[t.length - 1];
    }

    /**
     * The curve at {@code x} (between {@link #first()} and {@link #last()}), rounded to the
     * counter's scale: a reading's own value if one was taken at {@code x}, else interpolated
     * linearly in time between the readings before and after it.
     */
    BigDecimal at(long x) {
        int i = Arrays.binarySearch(t, x);
        if (i >= 0) {
            return BigDecimal.valueOf(c[i], CounterSeries.SCALE).setScale(scale, RoundingMode.HALF_EVEN);
        }
        int after = -i - 1;
        int before = after - 1;
        long span = t[after] - t[before];
        long elapsed = x - t[before];
        // (c0 * (span - elapsed) + c1 * elapsed) / span, rounded once
        BigInteger weighted = BigInteger.valueOf(c[before]).multiply(BigInteger.valueOf(span - elapsed))
                .add(BigInteger.valueOf(c[after]).multiply(BigInteger.valueOf(elapsed)));
        return new BigDecimal(weighted, CounterSeries.SCALE).divide(BigDecimal.valueOf(span), scale,
                RoundingMode.HALF_EVEN);
    }

    /** True if the reading nearest to {@code x} is more than {@code maxDistance} ms away. */
    boolean farFromReading(long x, long maxDistance) {
        int i = Arrays.binarySearch(t, x);
        if (i >= 0) {
            return false;
        }
        int after = -i - 1;
        long distance = Math.min(after < t.length ? t[after] - x : Long.MAX_VALUE,
                after > 0 ? x - t[after - 1] : Long.MAX_VALUE);
        return distance > maxDistance;
    }

    /** True if a reset lies (partly) between {@code start} and {@code end}. */
    boolean resetBetween(long start, long end) {
        // the first reset step that ends after start; steps are in time order
        int lo = 0;
        int hi = resets.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (t[resets[mid]] > start) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo < resets.length && t[resets[lo] - 1] < end;
    }
}
