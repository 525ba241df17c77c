package io.meterbridge.camel.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DailyFilesTest {

    @TempDir
    Path dir;

    static final ZoneId ZONE = ZoneId.of("Europe/Copenhagen");

    static DailyFiles at(String instant) {
        return new DailyFiles(Clock.fixed(Instant.parse(instant), ZONE));
    }

    @Test
    void yesterdaysFileGetsItsDateOnTheFirstWriteOfTheDay() throws Exception {
        Path f = dir.resolve("readings.jsonl");
        Files.writeString(f, "{\"a\":1}\n");
        // last written 2026-11-20 23:30 local (22:30 UTC)
        Files.setLastModifiedTime(f, FileTime.from(Instant.parse("2026-11-20T22:30:00Z")));
        assertNull(at("2026-11-20T22:59:00Z").rotated(f.toString()), "same local day: stays");
        Path moved = at("2026-11-20T23:01:00Z").rotated(f.toString()); // 00:01 local on the 21st
        assertEquals(dir.resolve("readings-2026-11-20.jsonl"), moved);
        assertFalse(Files.exists(f));
        assertEquals("{\"a\":1}\n", Files.readString(moved));
    }

    @Test
    void anExistingDatedFileIsNotOverwritten() throws Exception {
        Path f = dir.resolve("readings.csv");
        Files.writeString(dir.resolve("readings-2026-11-19.csv"), "old");
        Files.writeString(f, "new");
        Files.setLastModifiedTime(f, FileTime.from(Instant.parse("2026-11-19T12:00:00Z")));
        Path moved = at("2026-11-21T12:00:00Z").rotated(f.toString());
        assertEquals(dir.resolve("readings-2026-11-19.2.csv"), moved);
        assertEquals("old", Files.readString(dir.resolve("readings-2026-11-19.csv")));
    }

    @Test
    void noFileNothingToDo() throws Exception {
        assertNull(at("2026-11-21T12:00:00Z").rotated(dir.resolve("none.jsonl").toString()));
    }

    @Test
    void aReplayedLineAlreadyLastIsNotWrittenAgainButAnEarlierOneIs() throws Exception {
        Path f = dir.resolve("readings.csv");
        Files.writeString(f, "a,1\r\nb,2\r\n");
        DailyFiles files = new DailyFiles();
        assertFalse(files.notWritten(f.toString(), "b,2\r\n"));
        assertTrue(files.notWritten(f.toString(), "a,1\r\n"), "only the last line counts");
        assertTrue(files.notWritten(f.toString(), ",2\r\n"), "a line that only ends the last one is another line");
    }

    @Test
    void aLineLeftWithoutItsEndIsRemovedAndWrittenAgainWhole() throws Exception {
        Path f = dir.resolve("readings.jsonl");
        // killed after the line, before its line end: appending the next line would run the two together
        Files.writeString(f, "{\"a\":1}\n{\"b\":2}");
        assertTrue(new DailyFiles().notWritten(f.toString(), "{\"b\":2}"));
        assertEquals("{\"a\":1}\n", Files.readString(f));
    }

    @Test
    void aFragmentOfALineIsRemovedBeforeTheLineIsWritten() throws Exception {
        Path f = dir.resolve("readings.jsonl");
        String earlier = "{\"a\":\"" + "x".repeat(9000) + "\"}\n"; // longer than one 4 KiB chunk of the search
        Files.writeString(f, earlier + "{\"b\":" + "7".repeat(5000));
        assertTrue(new DailyFiles().notWritten(f.toString(), "{\"b\":2}\n"));
        assertEquals(earlier, Files.readString(f));

        Files.writeString(f, "{\"b\":");
        assertTrue(new DailyFiles().notWritten(f.toString(), "{\"b\":2}\n"));
        assertEquals(0, Files.size(f), "a file of only a fragment is emptied");
    }
}
