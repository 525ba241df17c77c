package io.meterbridge.camel.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journals of meterbridge before 0.6 were one per output ({@code data/journal/mqtt},
 * {@code data/journal/http}); now every output reads the one journal of readings through its own
 * cursor of that name. A consumer whose cursor is named like such an older journal delivers what
 * is left in it first, in order, and then deletes it, so an upgrade loses nothing that was
 * waiting.
 */
final class LegacyJournal {

    private static final Logger LOG = LoggerFactory.getLogger(LegacyJournal.class);

    private LegacyJournal() {
    }

    /**
     * @param deliver delivers the older journal's messages through the cursor; returns when they
     *                are all delivered or the consumer stops
     */
    static void drain(JournalEndpoint endpoint, String cursor, Consumer<Journal> deliver) {
        Path dir = Path.of(endpoint.getDirectory()).resolve(cursor);
        if (cursor.equals(endpoint.getName()) || !Files.isRegularFile(dir.resolve("journal-id"))) {
            return;
        }
        Journal older = endpoint.getComponent().journal(dir, Integer.MAX_VALUE);
        older.openCursor(cursor);
        int waiting = older.backlog(cursor);
        if (waiting > 0) {
            LOG.info("Journal {}: delivering the {} message(s) left in the earlier journal {} first", endpoint.getName(),
                    waiting, dir);
            deliver.accept(older);
        }
        if (older.backlog(cursor) == 0) {
            endpoint.getComponent().forget(older);
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                }
                LOG.info("Journal {}: the earlier journal {} is delivered and deleted", endpoint.getName(), dir);
            } catch (IOException e) {
                LOG.warn("Journal {}: the earlier journal {} is delivered but could not be deleted: {}", endpoint.getName(),
                        dir, e.toString());
            }
        }
    }
}
