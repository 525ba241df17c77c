package io.meterbridge.consumption;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the counters of every meter from the daily JSON Lines files of a data directory
 * ({@code readings.jsonl} and the dated files of earlier days), for a time range. Only the files
 * whose day can hold readings of the range are opened ({@link DayFile}); each is streamed line by
 * line and of each reading only its meter, time and counters are kept ({@link CounterSeries}).
 *
 * <p>A corrupt line is skipped and reported ({@link History#skipped()}, and in one warning per
 * read naming file:line); an unfinished last line is skipped silently, as the writer treats it. A
 * file renamed to its dated name while the directory is read (the first reading after midnight)
 * is read under its new name. Holds no state between reads: one instance serves any number of
 * threads.
 */
public final class ReadingHistory {

    private static final Logger LOG = LoggerFactory.getLogger(ReadingHistory.class);

    /** Skipped lines named one by one in the warning; the rest are counted. */
    private static final int NAMED = 5;

    private final Path dir;
    private final String fileName;
    private final ZoneId filesZone;

    /** The files of {@code fileName} (e.g. {@code readings.jsonl}) in {@code dir}, dated in the system zone as DailyFiles dates them. */
    public ReadingHistory(Path dir, String fileName) {
        this(dir, fileName, ZoneId.systemDefault());
    }

    /** As {@link #ReadingHistory(Path, String)}, for files dated in {@code filesZone}. */
    public ReadingHistory(Path dir, String fileName, ZoneId filesZone) {
        this.dir = Objects.requireNonNull(dir, "dir");
        this.fileName = Objects.requireNonNull(fileName, "fileName");
        this.filesZone = Objects.requireNonNull(filesZone, "filesZone");
    }

    /**
     * The readings of [from, to], with each series' last reading before {@code from} and first
     * after {@code to} (if the files read have one), so the intervals at the edges are enclosed.
     *
     * @throws IOException if the directory or a file of it cannot be read
     */
    public History read(Instant from, Instant to) throws IOException {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("expected from before to, found " + from + " to " + to);
        }
        SeriesWindow window = new SeriesWindow(from, to);
        List<SkippedLine> skipped = new ArrayList<>();
        Set<Path> read = new LinkedHashSet<>();
        boolean vanished = true;
        for (int listing = 0; vanished && listing < 2; listing++) {
            vanished = false;
            for (DayFile f : DayFile.covering(dir, fileName, filesZone, from, to)) {
                if (read.contains(f.path())) {
                    continue;
                }
                try {
                    readFile(f.path(), window, skipped);
                    read.add(f.path());
                } catch (NoSuchFileException e) {
                    vanished = true; // renamed to its dated name (or deleted) since the listing: list again
                }
            }
        }
        if (!skipped.isEmpty()) {
            LOG.warn("skipped {} line(s) of {} that are not readings: {}{}", skipped.size(), dir,
                    skipped.stream().limit(NAMED).map(SkippedLine::toString).collect(Collectors.joining("; ")),
                    skipped.size() > NAMED ? "; …" : "");
        }
        return new History(window.series(), skipped, List.copyOf(read));
    }

    private static void readFile(Path file, SeriesWindow window, List<SkippedLine> skipped) throws IOException {
        FileLines.End end = FileLines.read(file, new FileLines.Sink() {
            @Override
            public void line(long number, byte[] bytes, int offset, int length) {
                try {
                    window.add(ReadingLine.parse(bytes, offset, length, file, number));
                } catch (ReadingLineException e) {
                    skipped.add(new SkippedLine(e.file(), e.line(), e.reason()));
                }
            }

            @Override
            public void tooLong(long number) {
                skipped.add(new SkippedLine(file, number, "expected a reading of at most " + FileLines.MAX_LINE
                        + " bytes, found a longer line"));
            }
        });
        if (end.unfinishedBytes() > 0) {
            LOG.debug("{}:{}: an unfinished last line of {} bytes (being written, or left by a crash): skipped", file,
                    end.lines() + 1, end.unfinishedBytes());
        }
    }
}
