package io.meterbridge.consumption;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/**
 * How long the intervals of a consumption chart or export are. Boundaries are in local time of a
 * {@link ZoneId}, as a utility portal shows them: a day runs from local midnight to local
 * midnight, so a daylight-saving day is 23 or 25 hours long; an hour runs from one local full
 * hour to the next, so in Europe/Amsterdam on 2026-03-29 the hour that starts at 01:00+01:00 ends
 * at 03:00+02:00 (02:00 does not exist that night), and on 2026-10-25 the hour 02:00–03:00 happens
 * twice, as two intervals that differ by their offset (02:00+02:00 and 02:00+01:00).
 */
public enum Resolution {
    QUARTER_HOUR(Duration.ofMinutes(15)),
    HOUR(Duration.ofHours(1)),
    DAY(Duration.ofDays(1));

    private final Duration nominal;

    Resolution(Duration nominal) {
        this.nominal = nominal;
    }

    /** The length on a day without a clock change: 15 minutes, 1 hour, 24 hours. */
    public Duration nominal() {
        return nominal;
    }

    /**
     * How far from the nearest reading a boundary may be before an interval it bounds is
     * {@linkplain IntervalUse#estimated() estimated}: half a quarter-hour for quarter-hours, half an
     * hour for hours and days. Interpolating a monotone counter at a boundary that far from a
     * reading can put at most that much time's consumption on the wrong side of the boundary.
     */
    public Duration maxDistanceToReading() {
        return this == QUARTER_HOUR ? nominal.dividedBy(2) : Duration.ofMinutes(30);
    }

    /** The start of the interval that holds {@code t}: {@code t} itself if it is a boundary. */
    public Instant floor(Instant t, ZoneId zone) {
        ZonedDateTime at = t.atZone(zone);
        if (this == DAY) {
            return at.toLocalDate().atStartOfDay(zone).toInstant();
        }
        LocalDateTime local = at.toLocalDateTime().truncatedTo(ChronoUnit.HOURS);
        if (this == QUARTER_HOUR) {
            local = local.plusMinutes(at.getMinute() / 15 * 15);
        }
        // keeping t's offset picks the right one of the two 02:00s of an autumn night
        Instant start = ZonedDateTime.ofLocal(local, zone, at.getOffset()).toInstant();
        return start.isAfter(t) ? t : start; // a guard: not seen for clock changes by whole hours or half hours
    }

    /** The first boundary at or after {@code t}. */
    public Instant ceiling(Instant t, ZoneId zone) {
        Instant start = floor(t, zone);
        return start.equals(t) ? t : next(start, zone);
    }

    /** The boundary after the boundary {@code start}: the end of the interval that starts there. */
    public Instant next(Instant start, ZoneId zone) {
        if (this == DAY) {
            return start.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
        }
        // one step on the time line, then back to a local boundary: across a clock change the local
        // quarter-hours and hours are still a step of elapsed time apart
        Instant later = start.plus(nominal);
        Instant end = floor(later, zone);
        return end.isAfter(start) ? end : later;
    }
}
