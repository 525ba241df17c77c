package io.meterbridge.camel.journal;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One message kept in a {@link Journal}: its sequence number (strictly increasing for the life
 * of the journal directory, also across restarts), when it was appended, the message headers
 * that have plain values (text, numbers, booleans) and the body as text.
 */
public record JournalEntry(long sequence, Instant appended, Map<String, Object> headers, String body) {
    public JournalEntry {
        Objects.requireNonNull(appended, "appended");
        headers = Map.copyOf(headers);
        Objects.requireNonNull(body, "body");
    }
}
