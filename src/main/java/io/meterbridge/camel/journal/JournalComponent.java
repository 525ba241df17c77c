package io.meterbridge.camel.journal;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

/**
 * The {@code journal:} component: a durable, bounded, in-order outbox. {@code to: journal:mqtt}
 * stores a message on disk and returns; {@code from: journal:mqtt} delivers the stored messages
 * one at a time, oldest first, and forgets each only when the route processed it without an
 * unhandled error — so a destination that is down (an MQTT broker, an HTTP server) delays
 * messages but loses none, also across restarts.
 */
@Component("journal")
public class JournalComponent extends DefaultComponent {

    @Metadata(defaultValue = "data/journal", description = "The directory under which each journal keeps its own sub-directory (named after the journal).")
    private String directory = "data/journal";

    private final Map<Path, Journal> journals = new ConcurrentHashMap<>();

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

    /**
     * Forgets a message that its destination confirmed outside the route — the MQTT session's
     * QoS 2 flow finished it after a reconnect or a restart. The message is named as
     * {@code <journal id>:<sequence>} (the MQTT {@code meterbridge-id} user property).
     *
     * @return true if an open journal has that id (the entry is gone now, if it was there)
     * @throws IllegalArgumentException if the name is not of that form
     * @throws JournalException         if the file cannot be deleted
     */
    public boolean removeDelivered(String messageName) {
        int colon = messageName.lastIndexOf(':');
        long sequence;
        try {
            sequence = Long.parseLong(messageName.substring(colon + 1));
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("not a journal message name <journal id>:<sequence>: '" + messageName + "'", e);
        }
        String id = colon < 0 ? "" : messageName.substring(0, colon);
        for (Journal j : journals.values()) {
            if (j.id().equals(id)) {
                j.remove(sequence);
                return true;
            }
        }
        return false;
    }

    public String getDirectory() {
        return directory;
    }

    public void setDirectory(String directory) {
        this.directory = directory;
    }
}
