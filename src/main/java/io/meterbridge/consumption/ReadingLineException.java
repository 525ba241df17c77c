package io.meterbridge.consumption;

import java.nio.file.Path;

/**
 * A line of a daily file that is not a reading this package can use: not one JSON object, or
 * without a {@code read_at} date-time or a {@code meter_key}, or with a counter that is not a
 * number. The message names the file and line ({@code data/readings-2026-03-28.jsonl:17}), what
 * was expected and what was found.
 */
final class ReadingLineException extends Exception {

    private static final long serialVersionUID = 1L;
    private final transient Path file;
    private final long line;
    private final String reason;

    ReadingLineException(Path file, long line, String reason) {
        super(file + ":" + line + ": " + reason);
        this.file = file;
        this.line = line;
        this.reason = reason;
    }

    Path file() {
        return file;
    }

    long line() {
        return line;
    }

    /** The message without the file and line. */
    String reason() {
        return reason;
    }
}
