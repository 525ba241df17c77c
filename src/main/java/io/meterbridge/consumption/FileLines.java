package io.meterbridge.consumption;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * The lines of a file as far as it had been written when it was opened, streamed through one
 * buffer: the writer may be appending to today's file while a chart is drawn, and what it appends
 * meanwhile is left for the next read. Lines end in LF (a CR before it is dropped). Bytes after
 * the last line end are an unfinished line, not a line: the writer cuts such a fragment off and
 * writes its reading again whole (DailyFiles.notWritten), or is writing it at this moment.
 */
final class FileLines {

    /** A line longer than this is not a reading (those are about a kilobyte); it is skipped unread. */
    static final int MAX_LINE = 1 << 20;

    /** Receives the lines of a file, numbered from 1. */
    interface Sink {
        void line(long number, byte[] bytes, int offset, int length);

        void tooLong(long number);
    }

    /**
     * How a file ended.
     *
     * @param lines the number of whole lines (ending in a line end)
     * @param unfinishedBytes the length of the unfinished line after them, 0 if there is none
     */
    record End(long lines, long unfinishedBytes) {
    }

    private FileLines() {
    }

    static End read(Path file, Sink sink) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long remaining = ch.size();
            byte[] buf = new byte[64 * 1024];
            int start = 0;
            int end = 0;
            long number = 0;
            long skipped = 0; // bytes of a too-long line dropped so far
            while (remaining > 0) {
                if (end == buf.length) {
                    if (start > 0) {
                        System.arraycopy(buf, start, buf, 0, end - start);
                        end -= start;
                        start = 0;
                    } else if (buf.length < MAX_LINE) {
                        buf = Arrays.copyOf(buf, Math.min(buf.length * 2, MAX_LINE));
                    } else {
                        skipped += end; // no line end in MAX_LINE bytes: drop them, skip to the next line end
                        end = 0;
                    }
                }
                int n = ch.read(ByteBuffer.wrap(buf, end, (int) Math.min(buf.length - end, remaining)));
                if (n < 0) {
                    break; // truncated since it was opened
                }
                remaining -= n;
                int scanned = end;
                end += n;
                for (int i = scanned; i < end; i++) {
                    if (buf[i] == '\n') {
                        number++;
                        if (skipped > 0) {
                            sink.tooLong(number);
                            skipped = 0;
                        } else {
                            int length = i - start;
                            sink.line(number, buf, start, length > 0 && buf[i - 1] == '\r' ? length - 1 : length);
                        }
                        start = i + 1;
                    }
                }
            }
            return new End(number, skipped + end - start);
        }
    }
}
