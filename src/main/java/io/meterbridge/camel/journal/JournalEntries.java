package io.meterbridge.camel.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The message files of one {@link Journal}: one file per message named by its sequence number
 * ({@code 00000000000000000042.json}), an index of them in memory, and {@code last-sequence}, so
 * numbers are not reused after the journal ran empty and the process restarted. Not thread-safe:
 * the journal's lock guards it.
 */
final class JournalEntries {

    private static final String SUFFIX = ".json";
    private static final String LAST_SEQUENCE = "last-sequence";
    private static final Logger LOG = LoggerFactory.getLogger(JournalEntries.class);

    private final Path directory;
    /** sequence → file (the files are the truth; this is an index). */
    private final TreeMap<Long, Path> files = new TreeMap<>();
    private long nextSequence;

    /** Indexes the messages of earlier runs in {@code directory}. */
    JournalEntries(Path directory) throws IOException {
        this.directory = directory;
        long last = JournalFiles.readSequence(directory.resolve(LAST_SEQUENCE), 0);
        files.putAll(JournalFiles.entries(directory, SUFFIX));
        this.nextSequence = Math.max(last, files.isEmpty() ? 0 : files.lastKey()) + 1;
    }

    int size() {
        return files.size();
    }

    /** The position just before the oldest message kept (where a new cursor starts). */
    long beforeOldest() {
        return files.isEmpty() ? nextSequence - 1 : files.firstKey() - 1;
    }

    /** How many messages come after {@code position}. */
    int countAfter(long position) {
        return files.tailMap(position, false).size();
    }

    boolean anyAfter(long position) {
        return files.higherKey(position) != null;
    }

    /**
     * Writes a message durably under the next sequence number.
     *
     * @throws JournalException if the disk refuses the write
     */
    JournalEntry append(Map<String, Object> headers, String body) {
        long seq = nextSequence;
        JournalEntry entry = new JournalEntry(seq, Instant.now(), plain(headers), body);
        Path target = directory.resolve(String.format("%020d", seq) + SUFFIX);
        try {
            JournalFiles.writeDurably(target, JournalFiles.encode(entry));
        } catch (IOException e) {
            throw new JournalException("cannot write to journal " + directory + ": " + e, e);
        }
        nextSequence = seq + 1;
        files.put(seq, target);
        return entry;
    }

    /**
     * The oldest message after {@code position}, if any. A file that cannot be read (damaged) is
     * set aside as {@code <file>.unreadable} and logged, so that it never blocks the messages
     * behind it.
     */
    Optional<JournalEntry> firstAfter(long position) {
        for (var next = files.higherEntry(position); next != null; next = files.higherEntry(position)) {
            try {
                return Optional.of(JournalFiles.decode(next.getKey(), next.getValue()));
            } catch (JournalException e) {
                setAside(next.getKey(), next.getValue(), e);
            }
        }
        return Optional.empty();
    }

    /** Deletes the messages up to and including {@code passed}; a failure is logged and retried next time. */
    void deleteUpTo(long passed) {
        var gone = files.headMap(passed, true);
        if (gone.isEmpty()) {
            return;
        }
        try {
            if (gone.size() == files.size()) {
                // remember the number before the last file goes, so numbering continues after a restart
                JournalFiles.writeSequence(directory.resolve(LAST_SEQUENCE), nextSequence - 1);
            }
            for (Path file : gone.values()) {
                Files.deleteIfExists(file);
            }
            gone.clear();
            JournalFiles.forceDirectory(directory);
        } catch (IOException e) {
            // the cursors are written: the files are deleted at the next advance or start
            LOG.warn("Journal {}: cannot delete delivered messages up to {}: {}", directory, passed, e.toString());
        }
    }

    private void setAside(long seq, Path file, JournalException why) {
        files.remove(seq);
        Path aside = file.resolveSibling(file.getFileName() + ".unreadable");
        try {
            Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            LOG.error("Journal {}: message {} set aside as {}, the messages after it go on: {}", directory, seq, aside,
                    why.getMessage());
        } catch (IOException e) {
            LOG.error("Journal {}: message {} skipped (and could not be renamed: {}): {}", directory, seq, e,
                    why.getMessage());
        }
    }

    /** Only what JSON keeps as it is: the journal stores values, not objects. */
    private static Map<String, Object> plain(Map<String, Object> headers) {
        Map<String, Object> out = new LinkedHashMap<>();
        headers.forEach((k, v) -> {
            if (v instanceof String || v instanceof Number || v instanceof Boolean) {
                out.put(k, v);
            }
        });
        return out;
    }
}
