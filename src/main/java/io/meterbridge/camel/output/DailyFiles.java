package io.meterbridge.camel.output;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import io.meterbridge.consumption.DayFile;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One file per day with a stable name for today: {@code readings.jsonl} always holds the
 * current day's lines; the first write of a new day first renames yesterday's file to
 * {@code readings-2026-11-20.jsonl} (the day it was last written, local time). A
 * {@code tail -f data/readings.jsonl} keeps working and old days are separate files to archive or
 * delete. Used from YAML as {@code bean: {ref: dailyFiles, method: "rotate('path')"}} before the
 * {@code file:} endpoint appends.
 */
public final class DailyFiles {

    private static final Logger LOG = LoggerFactory.getLogger(DailyFiles.class);

    private final Clock clock;

    public DailyFiles() {
        this(Clock.systemDefaultZone());
    }

    public DailyFiles(Clock clock) {
        this.clock = clock;
    }

    /**
     * Renames {@code path} to its dated name if it was last written on an earlier day. Returns
     * nothing so that, called as a bean from a route, it leaves the message body alone.
     */
    public void rotate(String path) throws IOException {
        rotated(path);
    }

    /** As {@link #rotate}; returns the dated file it moved {@code path} to, or null if nothing was moved. */
    public synchronized Path rotated(String path) throws IOException {
        Path file = Path.of(path);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        ZoneId zone = clock.getZone();
        LocalDate written = LocalDate.ofInstant(Files.getLastModifiedTime(file).toInstant(), zone);
        LocalDate today = LocalDate.now(clock);
        if (!written.isBefore(today)) {
            return null;
        }
        Path dated = datedName(file, written);
        // should a dated file exist already (clock set back), keep both: append a counter
        for (int n = 2; Files.exists(dated); n++) {
            dated = file.resolveSibling(DayFile.name(file.getFileName().toString(), written, n));
        }
        return Files.move(file, dated, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * False if {@code line} (without its line end) is already the last line of {@code path}: the
     * journal handed over again, after a crash, the reading whose line was written just before.
     * Only the last line is compared: the journal repeats at most the one reading it was
     * delivering.
     *
     * <p>A file that does not end in a line end was cut short by a crash or a power cut while
     * that reading was being written: the unfinished last line is removed (with a warning naming
     * the file and the offset), so the reading is written again whole instead of being run into
     * the fragment, which would spoil both lines for every reader of the file.
     */
    public boolean notWritten(String path, String line) throws IOException {
        String wanted = stripLineEnd(line);
        Path file = Path.of(path);
        if (wanted.isEmpty() || !Files.isRegularFile(file)) {
            return true;
        }
        byte[] want = wanted.getBytes(StandardCharsets.UTF_8);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = ch.size();
            int tailLength = (int) Math.min(size, want.length + 3L); // a line end before and after the line
            ByteBuffer tail = readFully(ch, ByteBuffer.allocate(tailLength), size - tailLength);
            if (tailLength > 0 && tail.get(tailLength - 1) != '\n') {
                cutUnfinishedLine(file, ch, size);
                return true;
            }
            String text = stripLineEnd(new String(tail.array(), StandardCharsets.UTF_8));
            if (!text.endsWith(wanted)) {
                return true;
            }
            int before = text.length() - wanted.length();
            if (before == 0) {
                return tailLength < size; // the whole file is that line, or the line ends a longer one
            }
            return text.charAt(before - 1) != '\n';
        }
    }

    private static ByteBuffer readFully(FileChannel ch, ByteBuffer buffer, long at) throws IOException {
        while (buffer.hasRemaining() && ch.read(buffer, at + buffer.position()) >= 0) {
            // a read may return fewer bytes than asked for
        }
        return buffer;
    }

    /** Truncates the file after its last line end (to nothing if it has none). */
    private static void cutUnfinishedLine(Path file, FileChannel ch, long size) throws IOException {
        long end = size;
        ByteBuffer chunk = ByteBuffer.allocate(4096);
        long keep = 0;
        search:
        while (end > 0) {
            long start = Math.max(0, end - chunk.capacity());
            readFully(ch, chunk.clear().limit((int) (end - start)), start);
            for (int i = chunk.position() - 1; i >= 0; i--) {
                if (chunk.get(i) == '\n') {
                    keep = start + i + 1;
                    break search;
                }
            }
            end = start;
        }
        LOG.warn("{} ended in an unfinished line ({} bytes from offset {}), left by a crash or power cut while it was "
                + "written: removed it; the reading it began is written again whole", file, size - keep, keep);
        ch.truncate(keep);
    }

    private static String stripLineEnd(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == '\n' || s.charAt(end - 1) == '\r')) {
            end--;
        }
        return s.substring(0, end);
    }

    /** {@code readings.jsonl} on 2026-11-20 → {@code readings-2026-11-20.jsonl}. */
    public static Path datedName(Path file, LocalDate day) {
        return file.resolveSibling(DayFile.name(file.getFileName().toString(), day, 1));
    }
}
