package io.meterbridge.consumption;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;

/**
 * The values one meter's counter had over time, in time order, one per instant. Kept in two
 * primitive arrays (epoch milliseconds, and the value in millionths of its unit: mWh, kJ, ml)
 * rather than as objects: a P1 meter read every 10 s for four weeks gives 241,920 readings, 16
 * bytes each per counter, about 3.9 MB for import and as much for export, where an
 * {@code Instant} and a {@code BigDecimal} per reading would take some 35 MB for the two. While a
 * series is built its arrays grow by doubling (at most twice that, briefly); computing intervals
 * adds 8 bytes per reading for as long as the computation runs. Every reading is kept, none
 * averaged away, so an interval is the same whichever range was read around it.
 *
 * <p>Immutable, so one series may be used by any number of threads at once.
 */
public final class CounterSeries {

    /** Decimals a value is kept to: a millionth of its unit, finer than any meter counts. */
    static final int SCALE = 6;

    private final String meterKey;
    private final Counter counter;
    private final long[] millis;
    private final long[] values;

    private CounterSeries(String meterKey, Counter counter, long[] millis, long[] values) {
        this.meterKey = meterKey;
        this.counter = counter;
        this.millis = millis;
        this.values = values;
    }

    /** A builder that takes values in any order. */
    public static Builder builder(String meterKey, Counter counter) {
        return new Builder(meterKey, counter);
    }

    /** The meter's {@code meter_key}. */
    public String meterKey() {
        return meterKey;
    }

    public Counter counter() {
        return counter;
    }

    /** How many readings the series has. */
    public int size() {
        return millis.length;
    }

    /** When the {@code i}-th reading was taken (to the millisecond). */
    public Instant time(int i) {
        return Instant.ofEpochMilli(millis[i]);
    }

    /** The {@code i}-th reading's value, in {@link Counter#unit()}. */
    public BigDecimal value(int i) {
        BigDecimal v = BigDecimal.valueOf(values[i], SCALE).stripTrailingZeros();
        return v.scale() < 0 ? v.setScale(0) : v; // 13000, not 1.3E+4
    }

    /** The times themselves, not a copy, for {@link Curve}, which only reads them. */
    long[] times() {
        return millis;
    }

    long units(int i) {
        return values[i];
    }

    /**
     * {@code value} in millionths of its unit.
     *
     * @throws ArithmeticException if it is beyond ±9,223,372,036,854 units, which no meter counts
     */
    static long units(BigDecimal value) {
        return value.setScale(SCALE, RoundingMode.HALF_EVEN).unscaledValue().longValueExact();
    }

    @Override
    public String toString() {
        return meterKey + " " + counter.key() + " (" + millis.length + " readings)";
    }

    /** Collects a series' values; for one thread (a reader fills it, then builds). */
    public static final class Builder {
        private final String meterKey;
        private final Counter counter;
        private long[] millis = new long[16];
        private long[] values = new long[16];
        private int size;
        private boolean sorted = true;

        private Builder(String meterKey, Counter counter) {
            this.meterKey = Objects.requireNonNull(meterKey, "meterKey");
            this.counter = Objects.requireNonNull(counter, "counter");
        }

        /**
         * Adds the value read at {@code at}.
         *
         * @throws IllegalArgumentException if the value is out of the range a series keeps
         */
        public Builder add(Instant at, BigDecimal value) {
            long units;
            try {
                units = units(value);
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException(counter.key() + " of " + meterKey + " at " + at
                        + ": expected at most 9223372036854 " + counter.unit() + ", found " + value, e);
            }
            return add(at.toEpochMilli(), units);
        }

        Builder add(long atMillis, long units) {
            if (size == millis.length) {
                millis = Arrays.copyOf(millis, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            sorted &= size == 0 || millis[size - 1] <= atMillis;
            millis[size] = atMillis;
            values[size] = units;
            size++;
            return this;
        }

        /** How many values were added so far. */
        public int size() {
            return size;
        }

        /**
         * The series in time order; of values added for the same millisecond the first added is
         * kept (the daily files are read oldest first, so that is the one written first).
         */
        public CounterSeries build() {
            if (!sorted) {
                sort();
            }
            int n = 0; // duplicates dropped in place: no third pair of arrays while the series is built
            for (int i = 0; i < size; i++) {
                if (n == 0 || millis[i] != millis[n - 1]) {
                    millis[n] = millis[i];
                    values[n] = values[i];
                    n++;
                }
            }
            size = n;
            return new CounterSeries(meterKey, counter, Arrays.copyOf(millis, n), Arrays.copyOf(values, n));
        }

        /** A stable sort of both arrays by time; readings come in order nearly always, so rarely needed. */
        private void sort() {
            Integer[] order = new Integer[size];
            Arrays.setAll(order, i -> i);
            Arrays.sort(order, Comparator.comparingLong(i -> millis[i]));
            long[] m = new long[size];
            long[] v = new long[size];
            for (int i = 0; i < size; i++) {
                m[i] = millis[order[i]];
                v[i] = values[order[i]];
            }
            millis = m;
            values = v;
            sorted = true;
        }
    }
}
