package io.meterbridge.consumption;

import static io.meterbridge.consumption.Series.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

class CounterSeriesTest {

    @Test
    void readingsComeOutInTimeOrderAndOfTwoAtOneInstantTheFirstAddedStays() {
        CounterSeries s = Series.of(Counter.IMPORT_KWH, "2026-01-10T10:30+01:00=3", "2026-01-10T10:00+01:00=1",
                "2026-01-10T10:30+01:00=4", "2026-01-10T10:15+01:00=2");
        assertEquals(3, s.size());
        assertEquals(List.of(at("2026-01-10T10:00+01:00"), at("2026-01-10T10:15+01:00"), at("2026-01-10T10:30+01:00")),
                List.of(s.time(0), s.time(1), s.time(2)));
        assertEquals(List.of("1", "2", "3"), List.of(s.value(0).toPlainString(), s.value(1).toPlainString(),
                s.value(2).toPlainString()));
    }

    @Test
    void valuesAreKeptToAMillionthOfTheirUnit() {
        CounterSeries s = Series.of(Counter.HEAT_ENERGY_KWH, "2026-01-10T10:00+01:00=342.7777777777778",
                "2026-01-10T11:00+01:00=13000");
        assertEquals("342.777778", s.value(0).toPlainString());
        assertEquals("13000", s.value(1).toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CounterSeries.builder("kam_1",
                Counter.VOLUME_M3).add(at("2026-01-10T10:00+01:00"), new BigDecimal("1E+13")));
        assertEquals("volume_m3 of kam_1 at 2026-01-10T09:00:00Z: expected at most 9223372036854 m³, found 1E+13",
                e.getMessage());
    }
}
