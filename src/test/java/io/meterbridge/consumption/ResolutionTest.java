package io.meterbridge.consumption;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class ResolutionTest {

    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }

    static String label(Instant t) {
        return t.atZone(AMSTERDAM).toOffsetDateTime().toString();
    }

    @Test
    void theSpringNightsHourFromOneOClockEndsAtThree() {
        Instant one = at("2026-03-29T01:00+01:00");
        Instant end = Resolution.HOUR.next(one, AMSTERDAM);
        assertEquals("2026-03-29T03:00+02:00", label(end));
        assertEquals(Duration.ofHours(1), Duration.between(one, end));
        assertEquals(one, Resolution.HOUR.floor(at("2026-03-29T01:59:59+01:00"), AMSTERDAM));
        assertEquals("2026-03-29T03:00+02:00", label(Resolution.HOUR.floor(at("2026-03-29T03:30+02:00"), AMSTERDAM)));
    }

    @Test
    void theAutumnNightsTwoHoursFromTwoOClockAreTwoIntervals() {
        Instant first = at("2026-10-25T02:00+02:00");
        Instant second = Resolution.HOUR.next(first, AMSTERDAM);
        assertEquals("2026-10-25T02:00+01:00", label(second));
        assertEquals("2026-10-25T03:00+01:00", label(Resolution.HOUR.next(second, AMSTERDAM)));
        // each 02:xx falls in the 02:00 of its own offset
        assertEquals(first, Resolution.HOUR.floor(at("2026-10-25T02:40+02:00"), AMSTERDAM));
        assertEquals(second, Resolution.HOUR.floor(at("2026-10-25T02:40+01:00"), AMSTERDAM));
        assertEquals("2026-10-25T02:45+01:00", label(Resolution.QUARTER_HOUR.floor(at("2026-10-25T02:50+01:00"), AMSTERDAM)));
        assertEquals("2026-10-25T02:00+01:00",
                label(Resolution.QUARTER_HOUR.next(at("2026-10-25T02:45+02:00"), AMSTERDAM)));
    }

    @Test
    void daysRunFromLocalMidnightAndAreTwentyThreeOrTwentyFiveHoursAtTheClockChanges() {
        Instant spring = at("2026-03-29T00:00+01:00");
        assertEquals(Duration.ofHours(23), Duration.between(spring, Resolution.DAY.next(spring, AMSTERDAM)));
        Instant autumn = at("2026-10-25T00:00+02:00");
        assertEquals(Duration.ofHours(25), Duration.between(autumn, Resolution.DAY.next(autumn, AMSTERDAM)));
        assertEquals(autumn, Resolution.DAY.floor(at("2026-10-25T23:59+01:00"), AMSTERDAM));
    }

    @Test
    void aBoundaryIsItsOwnFloorAndCeiling() {
        Instant b = at("2026-06-01T10:15+02:00");
        assertEquals(b, Resolution.QUARTER_HOUR.floor(b, AMSTERDAM));
        assertEquals(b, Resolution.QUARTER_HOUR.ceiling(b, AMSTERDAM));
        assertEquals(at("2026-06-01T10:30+02:00"), Resolution.QUARTER_HOUR.ceiling(b.plusNanos(1), AMSTERDAM));
        assertEquals(at("2026-06-01T11:00+02:00"), Resolution.HOUR.ceiling(b, AMSTERDAM));
        assertEquals(at("2026-06-02T00:00+02:00"), Resolution.DAY.ceiling(b, AMSTERDAM));
    }

    @Test
    void hoursAreLocalHoursInAZoneOffsetByHalfAnHour() {
        ZoneId kolkata = ZoneId.of("Asia/Kolkata");
        Instant t = Instant.parse("2026-06-01T10:10:00Z"); // 15:40 local
        assertEquals(Instant.parse("2026-06-01T09:30:00Z"), Resolution.HOUR.floor(t, kolkata));
        assertEquals(Instant.parse("2026-06-01T10:30:00Z"), Resolution.HOUR.next(Resolution.HOUR.floor(t, kolkata), kolkata));
        assertEquals(Instant.parse("2026-06-01T10:00:00Z"), Resolution.QUARTER_HOUR.floor(t, kolkata));
        assertEquals(Instant.parse("2026-06-01T00:00:00Z"), Resolution.DAY.floor(t, ZoneOffset.UTC));
    }

    @Test
    void aBoundaryMayBeHalfAQuarterHourOrHalfAnHourFromAReading() {
        assertEquals(Duration.ofSeconds(450), Resolution.QUARTER_HOUR.maxDistanceToReading());
        assertEquals(Duration.ofMinutes(30), Resolution.HOUR.maxDistanceToReading());
        assertEquals(Duration.ofMinutes(30), Resolution.DAY.maxDistanceToReading());
    }
}
