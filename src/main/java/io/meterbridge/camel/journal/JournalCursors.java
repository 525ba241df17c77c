package io.meterbridge.camel.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

/**
 * The named cursors of one {@link Journal}: for each output the last sequence number it has
 * delivered, in memory and in one file per cursor under {@code cursors/}, written durably before
 * the position changes in memory. Not thread-safe: the journal's lock guards it.
 */
final class JournalCursors {

    private final Path directory;
    private final Map<String, Long> positions = new TreeMap<>();

    /** Reads the cursors of earlier runs from {@code directory} (created if missing). */
    JournalCursors(Path directory) throws IOException {
        this.directory = directory;
        Files.createDirectories(directory);
        positions.putAll(JournalFiles.cursors(directory));
    }

    Set<String> names() {
        return Set.copyOf(positions.keySet());
    }

    boolean isEmpty() {
        return positions.isEmpty();
    }

    boolean contains(String name) {
        return positions.containsKey(name);
    }

    /**
     * The position of {@code name}.
     *
     * @throws IllegalArgumentException if the cursor was never opened
     */
    long position(String name) {
        Long at = positions.get(name);
        if (at == null) {
            throw new IllegalArgumentException("journal " + directory.getParent() + " has no cursor '" + name
                    + "'; it has " + positions.keySet());
        }
        return at;
    }

    /** The lowest position: every message up to it has been delivered by every cursor. */
    OptionalLong lowest() {
        return positions.values().stream().mapToLong(Long::longValue).min();
    }

    /**
     * Moves (or creates) a cursor, durably.
     *
     * @throws JournalException if the disk refuses the write
     */
    void set(String name, long sequence) {
        try {
            JournalFiles.writeSequence(directory.resolve(name), sequence);
        } catch (IOException e) {
            throw new JournalException("cannot write cursor " + name + " of journal " + directory.getParent() + ": " + e, e);
        }
        positions.put(name, sequence);
    }

    /**
     * Forgets a cursor and deletes its file; false if there was none.
     *
     * @throws JournalException if the file cannot be deleted
     */
    boolean remove(String name) {
        if (positions.remove(name) == null) {
            return false;
        }
        try {
            Files.deleteIfExists(directory.resolve(name));
            JournalFiles.forceDirectory(directory);
        } catch (IOException e) {
            throw new JournalException("cannot remove cursor " + name + " of journal " + directory.getParent() + ": " + e, e);
        }
        return true;
    }
}
