package io.meterbridge.p1;

import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class P1TimestampTest {

    @Test
    void autumnOverlapIsResolvedByTheFlag() {
        // 2023-10-29 02:30 occurs twice in CET/CEST.
        assertEquals(OffsetDateTime.of(2023, 10, 29, 2, 30, 0, 0, ZoneOffset.ofHours(2)),
                P1Timestamp.parse("231029023000S").toOffsetDateTime(P1Timestamp.CENTRAL_EUROPE));
        assertEquals(OffsetDateTime.of(2023, 10, 29, 2, 30, 0, 0, ZoneOffset.ofHours(1)),
                P1Timestamp.parse("231029023000W").toOffsetDateTime(P1Timestamp.CENTRAL_EUROPE));
    }

    @Test
    void finnishMetersUseTheirOwnZone() {
        assertEquals(OffsetDateTime.of(2021, 2, 17, 18, 40, 19, 0, ZoneOffset.ofHours(2)),
                P1Timestamp.parse("210217184019W").toOffsetDateTime(ZoneId.of("Europe/Helsinki")));
    }

    @Test
    void invalidTimestampsSayWhatIsWrong() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> P1Timestamp.parse("632525252525W"));
        assertTrue(e.getMessage().contains("632525252525W"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> P1Timestamp.parse("2310290230X"));
        assertTrue(e.getMessage().contains("12 or 13"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> P1Timestamp.parse("231029023000X"));
        assertTrue(e.getMessage().contains("S or W"), e.getMessage());
    }
}
