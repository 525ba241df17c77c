package io.meterbridge.consumption;

import static io.meterbridge.consumption.Series.at;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DayFileTest {

    @TempDir
    Path dir;

    @Test
    void onlyTheFilesOfTheDaysAroundTheRangeInTheOrderTheyWereWritten() throws Exception {
        for (String name : List.of("readings-2026-03-26.jsonl", "readings-2026-03-27.jsonl", "readings-2026-03-28.2.jsonl",
                "readings-2026-03-28.jsonl", "readings-2026-03-30.jsonl", "readings-2026-03-31.jsonl",
                "readings-2026-13-40.jsonl", "readings-2026-03-28.csv", "readings.csv", "electricity-2026-03-28.jsonl",
                "readings-2026-03-28.jsonl.tmp", "readings.jsonl")) {
            Files.writeString(dir.resolve(name), "");
        }
        // today's file was last written on the 29th (the service has not run since)
        Files.setLastModifiedTime(dir.resolve("readings.jsonl"), FileTime.from(at("2026-03-29T23:59+02:00")));
        List<DayFile> files = DayFile.covering(dir, "readings.jsonl", ZoneId.of("Europe/Amsterdam"),
                at("2026-03-28T12:00+01:00"), at("2026-03-29T08:00+02:00"));
        assertEquals(List.of("readings-2026-03-27.jsonl", "readings-2026-03-28.jsonl", "readings-2026-03-28.2.jsonl",
                "readings.jsonl", "readings-2026-03-30.jsonl"), files.stream().map(f -> f.path().getFileName().toString())
                .toList());
        assertEquals(DayFile.CURRENT, files.get(3).copy());
        assertEquals("2026-03-29", files.get(3).day().toString());
    }

    @Test
    void aFileNameWithoutExtensionIsDatedToo() {
        assertEquals(true, DayFile.datedPattern("readings").matcher("readings-2026-03-28.3").matches());
        assertEquals(false, DayFile.datedPattern("readings.jsonl").matcher("readingsX2026-03-28.jsonl").matches());
    }
}
