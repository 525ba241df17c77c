package io.meterbridge.consumption;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * What one meter's counter counted in one interval. Start and end carry the offset of the zone the
 * intervals were computed in, so the two 02:00 hours of an autumn night are told apart by their
 * labels ({@code 02:00+02:00}, {@code 02:00+01:00}) and not only by their instants.
 *
 * @param start the interval's start (inclusive)
 * @param end its end (exclusive)
 * @param meterKey the meter's {@code meter_key}
 * @param counter the register
 * @param amount the counter's rise from start to end, in {@link Counter#unit()}, to
 *     {@link Counter#scale()} decimals; never negative
 * @param estimated true if the amount rests on a guess: a boundary is more than
 *     {@link Resolution#maxDistanceToReading()} from the nearest reading (readings were missing
 *     around it), or {@code reset} is true
 * @param reset true if the counter was reset in the interval: what was used between the readings
 *     around the reset is not known and not counted
 */
public record IntervalUse(OffsetDateTime start, OffsetDateTime end, String meterKey, Counter counter, BigDecimal amount,
        boolean estimated, boolean reset) {

    public IntervalUse {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(meterKey, "meterKey");
        Objects.requireNonNull(counter, "counter");
        Objects.requireNonNull(amount, "amount");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("an interval ends after it starts, found " + start + " to " + end);
        }
    }

    /** The counter's unit, e.g. {@code kWh}. */
    public String unit() {
        return counter.unit();
    }

    /** How long the interval is: 23, 24 or 25 hours for a day around clock changes. */
    public Duration length() {
        return Duration.between(start, end);
    }
}
