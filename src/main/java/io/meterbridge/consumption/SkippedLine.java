package io.meterbridge.consumption;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A line of a daily file that was not a reading and was skipped.
 *
 * @param file the file
 * @param line its line number, from 1
 * @param reason what was expected and what was found
 */
public record SkippedLine(Path file, long line, String reason) {

    public SkippedLine {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(reason, "reason");
    }

    /** {@code data/readings-2026-03-28.jsonl:17: expected …, found …}. */
    @Override
    public String toString() {
        return file + ":" + line + ": " + reason;
    }
}
