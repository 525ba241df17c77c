package io.meterbridge.consumption;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One of the files the daily-file writer ({@code camel.output.DailyFiles}) keeps for a file name:
 * {@code readings.jsonl} (today's), {@code readings-2026-11-20.jsonl} (a day's, named by the local
 * day it was last written) or {@code readings-2026-11-20.2.jsonl} (a second file of that day, when
 * the clock was set back). The current file's day is the local day it was last written, too.
 *
 * <p>Every line of a file was written on its day, and a reading is written when it is read (the
 * journal hands it over within moments), so a file of day D holds readings of UTC days D − 1 to
 * D + 1 whatever the writer's zone (offsets run from −12 to +14 hours): for readings of [from, to]
 * only files of UTC day(from) − 1 to UTC day(to) + 1 are read. A reading handed over more than a
 * day late (a journal backlog after a disk was full) is in a later file, found only if that file's
 * day is in the range too.
 *
 * @param path the file
 * @param day the local day it was (last) written
 * @param copy 1 for the dated file, 2, 3, … for the later files of the same day, and
 *     {@link Integer#MAX_VALUE} for the current file, so files sort in the order they were written
 */
public record DayFile(Path path, LocalDate day, int copy) {

    static final int CURRENT = Integer.MAX_VALUE;

    /**
     * The files of {@code fileName} in {@code dir} that can hold readings of [from, to], oldest
     * first; none if {@code dir} does not exist.
     *
     * @param filesZone the zone the writer dates the files in (its clock's)
     */
    static List<DayFile> covering(Path dir, String fileName, ZoneId filesZone, Instant from, Instant to)
            throws IOException {
        LocalDate first = LocalDate.ofInstant(from, ZoneOffset.UTC).minusDays(1);
        LocalDate last = LocalDate.ofInstant(to, ZoneOffset.UTC).plusDays(1);
        Pattern dated = datedPattern(fileName);
        List<DayFile> files = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path p : (Iterable<Path>) entries::iterator) {
                DayFile f = of(p, fileName, dated, filesZone);
                if (f != null && !f.day.isBefore(first) && !f.day.isAfter(last)) {
                    files.add(f);
                }
            }
        }
        files.sort(Comparator.comparing(DayFile::day).thenComparingInt(DayFile::copy));
        return files;
    }

    private static DayFile of(Path p, String fileName, Pattern dated, ZoneId filesZone) throws IOException {
        String name = p.getFileName().toString();
        if (!Files.isRegularFile(p)) {
            return null;
        }
        if (name.equals(fileName)) {
            try {
                Instant written = Files.getLastModifiedTime(p).toInstant();
                return new DayFile(p, LocalDate.ofInstant(written, filesZone), CURRENT);
            } catch (NoSuchFileException renamedMeanwhile) {
                return null; // moved to its dated name since the listing: that name is read instead
            }
        }
        Matcher m = dated.matcher(name);
        if (!m.matches()) {
            return null;
        }
        try {
            return new DayFile(p, LocalDate.parse(m.group(1)), m.group(2) == null ? 1 : Integer.parseInt(m.group(2)));
        } catch (DateTimeParseException | NumberFormatException notOurs) {
            return null; // readings-2026-13-40.jsonl was not named by the writer
        }
    }

    /**
     * The name of {@code fileName}'s file of {@code day}, the one home of the naming rule:
     * {@code readings.jsonl} → {@code readings-2026-11-20.jsonl} (copy 1), {@code readings-2026-11-20.2.jsonl} (copy 2).
     */
    public static String name(String fileName, LocalDate day, int copy) {
        return stem(fileName) + "-" + day + (copy == 1 ? "" : "." + copy) + extension(fileName);
    }

    /** What {@link #name} makes of {@code fileName}, with the day as group 1 and the copy (if not 1) as group 2. */
    static Pattern datedPattern(String fileName) {
        return Pattern.compile(Pattern.quote(stem(fileName)) + "-(\\d{4}-\\d{2}-\\d{2})(?:\\.(\\d{1,9}))?"
                + Pattern.quote(extension(fileName)));
    }

    private static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    private static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(dot) : "";
    }
}
