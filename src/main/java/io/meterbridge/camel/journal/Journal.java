package io.meterbridge.camel.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A bounded, crash-safe, first-in-first-out store of undelivered messages in one directory: one
 * file per message, named by its sequence number ({@code 00000000000000000042.json}).
 *
 * <p>Durability: {@link #append} writes the message to a temporary file, forces it to disk,
 * renames it atomically into place and forces the directory, so when {@code append} returns the
 * message survives a crash or power cut; a half-written temporary file is ignored (and removed)
 * at the next start. {@link #remove} deletes the file only after the destination has
 * acknowledged the message.
 *
 * <p>Order: entries come out in sequence order. The next sequence number is one above the
 * largest ever stored, remembered in {@code last-sequence} so numbers are not reused after the
 * journal runs empty and the process restarts; with the journal's {@link #id()} they name a
 * message uniquely, so a receiver can discard the rare duplicate (see
 * {@link JournalConsumer}).
 *
 * <p>Thread-safe. One journal object per directory per process ({@link JournalComponent} keeps
 * them); two processes must not share a directory.
 */
public final class Journal {

    private static final String SUFFIX = ".json";
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private static final Logger LOG = LoggerFactory.getLogger(Journal.class);

    private final Path directory;
    private final int capacity;
    private final String id;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    /** sequence → file, the undelivered entries in order (the files are the truth; this is an index). */
    private final TreeMap<Long, Path> entries = new TreeMap<>();
    private long nextSequence;
    private long nudges;

    /**
     * Opens (creating if needed) the journal in {@code directory}.
     *
     * @param capacity the most undelivered messages it holds before {@link #append} refuses
     */
    public Journal(Path directory, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("journal capacity must be at least 1, was " + capacity);
        }
        this.directory = directory.toAbsolutePath().normalize();
        this.capacity = capacity;
        try {
            Files.createDirectories(this.directory);
            this.id = readOrCreateId();
            long last = readLastSequence();
            try (DirectoryStream<Path> files = Files.newDirectoryStream(this.directory)) {
                for (Path f : files) {
                    String name = f.getFileName().toString();
                    if (name.endsWith(".tmp")) {
                        Files.deleteIfExists(f); // an append that never completed: never acknowledged to anyone
                    } else if (name.endsWith(SUFFIX) && name.length() == 20 + SUFFIX.length()) {
                        long seq = Long.parseLong(name.substring(0, 20));
                        entries.put(seq, f);
                        last = Math.max(last, seq);
                    }
                }
            }
            this.nextSequence = last + 1;
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

    /** The number of undelivered messages. */
    public int size() {
        lock.lock();
        try {
            return entries.size();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stores a message durably and returns it with its sequence number.
     *
     * @throws JournalFullException if {@link #capacity()} messages are waiting
     * @throws JournalException     if the disk refuses the write
     */
    public JournalEntry append(Map<String, Object> headers, String body) {
        lock.lock();
        try {
            if (entries.size() >= capacity) {
                throw new JournalFullException(directory, capacity);
            }
            long seq = nextSequence;
            JournalEntry entry = new JournalEntry(seq, Instant.now(), plain(headers), body);
            Path target = directory.resolve(String.format("%020d", seq) + SUFFIX);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("sequence", seq);
            json.put("appended", entry.appended().toString());
            json.put("headers", entry.headers());
            json.put("body", body);
            writeDurably(target, JSON.writeValueAsBytes(json));
            nextSequence = seq + 1;
            entries.put(seq, target);
            notEmpty.signalAll();
            return entry;
        } catch (IOException e) {
            throw new JournalException("cannot write to journal " + directory + ": " + e, e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * The oldest undelivered message, if any. An entry that cannot be read (a damaged file) is set
     * aside as {@code <file>.unreadable} and logged, so that it never blocks the messages behind it.
     */
    public Optional<JournalEntry> peek() {
        lock.lock();
        try {
            for (var first = entries.firstEntry(); first != null; first = entries.firstEntry()) {
                try {
                    return Optional.of(read(first.getKey(), first.getValue()));
                } catch (JournalException e) {
                    setAside(first.getKey(), first.getValue(), e);
                }
            }
            return Optional.empty();
        } finally {
            lock.unlock();
        }
    }

    private void setAside(long seq, Path file, JournalException why) {
        entries.remove(seq);
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

    /** Waits up to {@code timeout} for a message, then returns the oldest, if any. */
    public Optional<JournalEntry> poll(long timeout, TimeUnit unit) throws InterruptedException {
        lock.lock();
        try {
            long nanos = unit.toNanos(timeout);
            while (entries.isEmpty() && nanos > 0) {
                nanos = notEmpty.awaitNanos(nanos);
            }
            return peek();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Wakes any {@link #poll} or {@link #awaitNudge} waiter: the consumer is stopping, or the
     * destination just came back (the MQTT connection calls this on every connect) and a waiting
     * retry should go now rather than at the end of its back-off.
     */
    public void wakeUp() {
        lock.lock();
        try {
            nudges++;
            notEmpty.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits up to {@code millis} or until {@link #wakeUp}; returns true if woken. */
    public boolean awaitNudge(long millis) throws InterruptedException {
        lock.lock();
        try {
            long seen = nudges;
            long nanos = TimeUnit.MILLISECONDS.toNanos(millis);
            while (nudges == seen && nanos > 0) {
                nanos = notEmpty.awaitNanos(nanos);
            }
            return nudges != seen;
        } finally {
            lock.unlock();
        }
    }

    /** Forgets a delivered message: deletes its file. Unknown sequence numbers are ignored. */
    public void remove(long sequence) {
        lock.lock();
        try {
            Path file = entries.remove(sequence);
            if (file == null) {
                return;
            }
            if (entries.isEmpty()) {
                // remember the number before the last file goes, so numbering continues after a restart
                writeDurably(directory.resolve("last-sequence"),
                        Long.toString(nextSequence - 1).getBytes(StandardCharsets.US_ASCII));
            }
            Files.deleteIfExists(file);
            forceDirectory();
        } catch (IOException e) {
            throw new JournalException("cannot delete delivered message " + sequence + " from journal " + directory + ": " + e, e);
        } finally {
            lock.unlock();
        }
    }

    private JournalEntry read(long seq, Path file) {
        try {
            Map<String, Object> json = JSON.readValue(file.toFile(), MAP);
            @SuppressWarnings("unchecked")
            Map<String, Object> headers = (Map<String, Object>) json.getOrDefault("headers", Map.of());
            return new JournalEntry(seq, Instant.parse((String) json.get("appended")), headers, (String) json.get("body"));
        } catch (IOException | RuntimeException e) {
            throw new JournalException("cannot read journal entry " + file + ": " + e, e);
        }
    }

    private static Map<String, Object> plain(Map<String, Object> headers) {
        Map<String, Object> out = new LinkedHashMap<>();
        headers.forEach((k, v) -> {
            if (v instanceof String || v instanceof Number || v instanceof Boolean) {
                out.put(k, v);
            }
        });
        return out;
    }

    private void writeDurably(Path target, byte[] bytes) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            var buf = java.nio.ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        forceDirectory();
    }

    /** Makes a rename or delete durable (POSIX: fsync the directory). Not possible on every OS; harmless there. */
    private void forceDirectory() {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // Windows cannot open a directory as a channel; the rename is still atomic there
        }
    }

    private String readOrCreateId() throws IOException {
        Path f = directory.resolve("journal-id");
        if (Files.exists(f)) {
            return Files.readString(f, StandardCharsets.US_ASCII).trim();
        }
        String fresh = UUID.randomUUID().toString();
        writeDurably(f, fresh.getBytes(StandardCharsets.US_ASCII));
        return fresh;
    }

    private long readLastSequence() throws IOException {
        try {
            return Long.parseLong(Files.readString(directory.resolve("last-sequence"), StandardCharsets.US_ASCII).trim());
        } catch (NoSuchFileException e) {
            return 0;
        } catch (NumberFormatException e) {
            throw new IOException("corrupt " + directory.resolve("last-sequence") + ": " + e.getMessage(), e);
        }
    }
}
