package io.meterbridge.camel.journal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.StartupListener;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code journal:} component: a durable, bounded, in-order outbox. {@code to: journal:readings}
 * stores a message on disk and returns; {@code from: journal:readings?cursor=mqtt} delivers the
 * stored messages one at a time, oldest first, and moves its cursor past each only when the route
 * processed it without an unhandled error — so a destination that is down (an MQTT broker, an
 * HTTP server) delays messages but loses none, also across restarts, and holds back no other
 * cursor.
 */
@Component("journal")
public class JournalComponent extends DefaultComponent {

    private static final Logger LOG = LoggerFactory.getLogger(JournalComponent.class);

    @Metadata(defaultValue = "data/journal", description = "The directory under which each journal keeps its own sub-directory (named after the journal).")
    private String directory = "data/journal";

    private final Map<Path, Journal> journals = new ConcurrentHashMap<>();
    /** journal directory → the cursors consumers opened in this run. */
    private final Map<Path, Set<String>> inUse = new ConcurrentHashMap<>();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (remaining == null || remaining.isBlank() || !remaining.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("journal name must be letters, digits, '.', '_' or '-', was '" + remaining + "' in " + uri);
        }
        JournalEndpoint endpoint = new JournalEndpoint(uri, this, remaining);
        endpoint.setDirectory(directory);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    /** The journal for a directory: one object per directory, shared by producers and the consumer. */
    Journal journal(Path dir, int capacity) {
        return journals.computeIfAbsent(dir.toAbsolutePath().normalize(), d -> new Journal(d, capacity));
    }

    /** Wakes every journal's consumer waiting to retry: a destination is reachable again. */
    public void wakeUpAll() {
        journals.values().forEach(Journal::wakeUp);
    }

    /** What each output has still to deliver: every cursor of every journal open in this run, sorted by journal and cursor. */
    public List<JournalBacklog> backlogs() {
        List<JournalBacklog> out = new ArrayList<>();
        for (Journal j : journals.values()) {
            for (String cursor : j.cursorNames()) {
                out.add(new JournalBacklog(j.directory().getFileName().toString(), cursor, j.backlog(cursor), j.capacity()));
            }
        }
        out.sort(Comparator.comparing(JournalBacklog::journal).thenComparing(JournalBacklog::cursor));
        return out;
    }

    /** A consumer reads {@code journal} through {@code cursor} in this run. */
    void cursorOpened(Journal journal, String cursor) {
        inUse.computeIfAbsent(journal.directory(), d -> ConcurrentHashMap.newKeySet()).add(cursor);
    }

    /** Closes a journal that is deleted. */
    void forget(Journal journal) {
        journals.remove(journal.directory());
        inUse.remove(journal.directory());
    }

    /**
     * Once every route runs: removes the cursors of earlier runs that no consumer opened (an
     * output switched off, such as MQTT with {@code mqtt.url} emptied), so the messages they
     * have not delivered are not kept for ever.
     */
    void removeUnusedCursors() {
        for (Journal j : journals.values()) {
            Set<String> used = inUse.getOrDefault(j.directory(), Set.of());
            for (String cursor : j.cursorNames()) {
                if (!used.contains(cursor)) {
                    int dropped = j.backlog(cursor);
                    j.removeCursor(cursor);
                    LOG.info("Journal {}: no route reads it through cursor '{}' any more; cursor removed{}", j.directory(),
                            cursor, dropped == 0 ? "" : " with the " + dropped + " message(s) it had not delivered");
                }
            }
        }
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        getCamelContext().addStartupListener(new StartupListener() {
            @Override
            public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
                // not yet: the routes are still starting
            }

            @Override
            public void onCamelContextFullyStarted(CamelContext context, boolean alreadyStarted) {
                if (!alreadyStarted) {
                    removeUnusedCursors();
                }
            }
        });
    }

    public String getDirectory() {
        return directory;
    }

    public void setDirectory(String directory) {
        this.directory = directory;
    }
}
