package io.meterbridge.camel.journal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;


/**
 * A bounded, crash-safe log of messages in one directory, read by any number of named cursors:
 * one file per message, named by its sequence number ({@code 00000000000000000042.json}), and one
 * file per cursor under {@code cursors/} holding the sequence number it has delivered up to.
 *
 * <p>It is the outbox of every reading: the hub appends each reading once, and each output
 * (the files, MQTT, HTTP) reads it with its own cursor, so one output that is down does not hold
 * back another, and each resumes where it stopped after a restart. An entry is deleted when every
 * cursor has passed it.
 *
 * <p>Durability: {@link #append} writes the message to a temporary file, forces it to disk,
 * renames it atomically into place and forces the directory, so when {@code append} returns the
 * message survives a crash or power cut; a half-written temporary file is ignored (and removed)
 * at the next start. {@link #advance} writes the cursor the same way, after its output has the
 * message: a crash in between makes that output see the message once more, never miss it.
 *
 * <p>Order: entries come out in sequence order. The next sequence number is one above the
 * largest ever stored, remembered in {@code last-sequence} so numbers are not reused after the
 * journal runs empty and the process restarts; with the journal's {@link #id()} they name a
 * message uniquely, so a receiver can discard the rare repeat.
 *
 * <p>Thread-safe. One journal object per directory per process ({@link JournalComponent} keeps
 * them); two processes must not share a directory.
 */
public final class Journal {

    private static final String CURSORS = "cursors";

    private final Path directory;
    private final int capacity;
    private final String id;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    /** The messages some cursor has not passed yet. */
    private final JournalEntries entries;
    private final JournalCursors cursors;
    private long nudges;

    /**
     * Opens (creating if needed) the journal in {@code directory}.
     *
     * @param capacity the most messages it holds before {@link #append} refuses
     */
    public Journal(Path directory, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("journal capacity must be at least 1, was " + capacity);
        }
        this.directory = directory.toAbsolutePath().normalize();
        this.capacity = capacity;
        try {
            this.cursors = new JournalCursors(this.directory.resolve(CURSORS));
            this.id = JournalFiles.readOrCreateId(this.directory.resolve("journal-id"));
            this.entries = new JournalEntries(this.directory);
        } catch (IOException e) {
            throw new JournalException("cannot open journal " + this.directory + ": " + e, e);
        }
    }

    /** The directory. */
    public Path directory() {
        return directory;
    }

    /** The capacity in messages. */
    public int capacity() {
        return capacity;
    }

    /** A random id made when the directory was first used; with a sequence number it names a message. */
    public String id() {
        return id;
    }

    /** The number of messages kept (not yet passed by every cursor). */
    public int size() {
        lock.lock();
        try {
            return entries.size();
        } finally {
            lock.unlock();
        }
    }

    /** The names of the cursors this journal knows, also those of earlier runs. */
    public Set<String> cursorNames() {
        lock.lock();
        try {
            return cursors.names();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Opens a cursor, creating it if new. A new cursor starts before the oldest message kept, so
     * an output whose cursor is made after the first append (its route started later) still gets
     * every message the journal holds.
     *
     * @param name letters, digits, '.', '_' or '-'
     * @throws JournalException if the new cursor cannot be written
     */
    public void openCursor(String name) {
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("journal cursor name must be letters, digits, '.', '_' or '-', was '" + name + "'");
        }
        lock.lock();
        try {
            if (!cursors.contains(name)) {
                cursors.set(name, entries.beforeOldest());
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Forgets a cursor (an output that is no longer configured); the messages only it still
     * needed are deleted.
     */
    public void removeCursor(String name) {
        lock.lock();
        try {
            if (cursors.remove(name)) {
                prune();
            }
        } finally {
            lock.unlock();
        }
    }

    /** How many messages a cursor has not delivered yet. */
    public int backlog(String cursor) {
        lock.lock();
        try {
            return entries.countAfter(position(cursor));
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stores a message durably and returns it with its sequence number.
     *
     * @throws JournalFullException if {@link #capacity()} messages are kept
     * @throws JournalException     if the disk refuses the write
     */
    public JournalEntry append(Map<String, Object> headers, String body) {
        lock.lock();
        try {
            if (entries.size() >= capacity) {
                throw new JournalFullException(directory, capacity);
            }
            JournalEntry entry = entries.append(headers, body);
            changed.signalAll();
            return entry;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The oldest message a cursor has not delivered, if any. An entry that cannot be read (a
     * damaged file) is set aside as {@code <file>.unreadable} and logged, so that it never blocks
     * the messages behind it.
     */
    public Optional<JournalEntry> peek(String cursor) {
        lock.lock();
        try {
            return entries.firstAfter(position(cursor));
        } finally {
            lock.unlock();
        }
    }

    /** Waits up to {@code timeout} for a message the cursor has not delivered, then returns the oldest, if any. */
    public Optional<JournalEntry> poll(String cursor, long timeout, TimeUnit unit) throws InterruptedException {
        lock.lock();
        try {
            long nanos = unit.toNanos(timeout);
            while (!entries.anyAfter(position(cursor)) && nanos > 0) {
                nanos = changed.awaitNanos(nanos);
            }
            return peek(cursor);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Wakes any {@link #poll} or {@link #awaitNudge} waiter: a consumer is stopping, or a
     * destination just came back (the MQTT connection calls this on every connect) and a waiting
     * retry should go now rather than at the end of its back-off.
     */
    public void wakeUp() {
        lock.lock();
        try {
            nudges++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** How many times {@link #wakeUp} has been called: take it before an attempt, wait with it after. */
    public long nudges() {
        lock.lock();
        try {
            return nudges;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits up to {@code millis} or until {@link #wakeUp} is called after {@link #nudges()} was
     * {@code seen}; returns true if woken. A wake-up that came during the failed attempt (the
     * broker came back while the attempt was timing out) ends the wait at once rather than being
     * missed for a whole back-off.
     */
    public boolean awaitNudge(long seen, long millis) throws InterruptedException {
        lock.lock();
        try {
            long nanos = TimeUnit.MILLISECONDS.toNanos(millis);
            while (nudges == seen && nanos > 0) {
                nanos = changed.awaitNanos(nanos);
            }
            return nudges != seen;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Records that a cursor's output has every message up to {@code sequence}, durably; the
     * messages every cursor has passed are deleted. Moving a cursor back is ignored (an
     * acknowledgement that arrives twice).
     *
     * @throws IllegalArgumentException if the cursor was never opened
     * @throws JournalException         if the disk refuses the write
     */
    public void advance(String cursor, long sequence) {
        lock.lock();
        try {
            if (sequence <= position(cursor)) {
                return;
            }
            cursors.set(cursor, sequence);
            prune();
        } finally {
            lock.unlock();
        }
    }

    private long position(String cursor) {
        return cursors.position(cursor);
    }

    /** Deletes the entries every cursor has passed (none while no cursor exists: nobody has read them). */
    private void prune() {
        cursors.lowest().ifPresent(entries::deleteUpTo);
    }
}
