package io.meterbridge.camel.journal;

import java.nio.file.Path;

/**
 * The journal holds its maximum number of undelivered messages; the new one was not stored. The
 * message fails (the route's error handler sees it) rather than silently pushing out an older
 * undelivered reading.
 */
public final class JournalFullException extends JournalException {
    private static final long serialVersionUID = 1L;

    JournalFullException(Path directory, int capacity) {
        super("journal " + directory + " is full: " + capacity + " undelivered messages (capacity); "
                + "the destination has been unreachable for long; raise the journal's capacity or bring it back");
    }
}
