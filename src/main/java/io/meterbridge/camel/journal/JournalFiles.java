package io.meterbridge.camel.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
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
import java.util.TreeMap;
import java.util.UUID;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The journal's files: how an entry, a cursor and a number are written so that a crash or a
 * power cut leaves either the old or the new file, never a torn one.
 */
final class JournalFiles {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private JournalFiles() {
    }

    /** An entry as its file holds it: {@code {"sequence":…,"appended":…,"headers":{…},"body":…}}. */
    static byte[] encode(JournalEntry entry) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("sequence", entry.sequence());
        json.put("appended", entry.appended().toString());
        json.put("headers", entry.headers());
        json.put("body", entry.body());
        return JSON.writeValueAsBytes(json);
    }

    /** @throws JournalException if the file is not an entry (damaged, or not written by {@link #encode}) */
    static JournalEntry decode(long sequence, Path file) {
        try {
            Map<String, Object> json = JSON.readValue(file.toFile(), MAP);
            @SuppressWarnings("unchecked")
            Map<String, Object> headers = (Map<String, Object>) json.getOrDefault("headers", Map.of());
            return new JournalEntry(sequence, Instant.parse((String) json.get("appended")), headers, (String) json.get("body"));
        } catch (IOException | RuntimeException e) {
            throw new JournalException("cannot read journal entry " + file + ": " + e, e);
        }
    }

    /**
     * Writes {@code bytes} to a temporary file, forces it to disk, renames it atomically over
     * {@code target} and forces the directory: when this returns, the new content survives a crash.
     */
    static void writeDurably(Path target, byte[] bytes) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
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
        forceDirectory(target.getParent());
    }

    /** Makes a rename or delete durable (POSIX: fsync the directory). Not possible on every OS; harmless there. */
    static void forceDirectory(Path directory) {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // Windows cannot open a directory as a channel; the rename is still atomic there
        }
    }

    static void writeSequence(Path file, long sequence) throws IOException {
        writeDurably(file, Long.toString(sequence).getBytes(StandardCharsets.US_ASCII));
    }

    /** The number in {@code file}, or {@code absent} if there is no such file. */
    static long readSequence(Path file, long absent) throws IOException {
        try {
            return Long.parseLong(Files.readString(file, StandardCharsets.US_ASCII).trim());
        } catch (NoSuchFileException e) {
            return absent;
        } catch (NumberFormatException e) {
            throw new IOException("corrupt " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The entry files in {@code directory} by sequence number ({@code 00000000000000000042<suffix>});
     * a temporary file of an append that never completed (never acknowledged to anyone) is removed.
     */
    static TreeMap<Long, Path> entries(Path directory, String suffix) throws IOException {
        TreeMap<Long, Path> entries = new TreeMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (name.endsWith(".tmp")) {
                    Files.deleteIfExists(f);
                } else if (name.endsWith(suffix) && name.length() == 20 + suffix.length()) {
                    entries.put(Long.parseLong(name.substring(0, 20)), f);
                }
            }
        }
        return entries;
    }

    /** The cursors in {@code directory}, name → sequence; a temporary file is removed (the file before it is valid). */
    static Map<String, Long> cursors(Path directory) throws IOException {
        Map<String, Long> cursors = new TreeMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (name.endsWith(".tmp")) {
                    Files.deleteIfExists(f);
                } else {
                    cursors.put(name, readSequence(f, 0));
                }
            }
        }
        return cursors;
    }

    /** The journal's id from {@code file}, made (a random UUID) and written the first time. */
    static String readOrCreateId(Path file) throws IOException {
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.US_ASCII).trim();
        }
        String fresh = UUID.randomUUID().toString();
        writeDurably(file, fresh.getBytes(StandardCharsets.US_ASCII));
        return fresh;
    }
}
