package io.meterbridge.camel.homeassistant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The meters this bridge has announced to Home Assistant, kept in a small JSON file (by default
 * {@code data/homeassistant-meters.json}) so that the bridge still knows them after a restart:
 * <ul>
 * <li>where each was read ({@link Source}), so that a meter whose address was deleted from the
 * route YAML can be removed from Home Assistant (empty retained config) instead of lingering;</li>
 * <li>the union of the state keys it ever sent, so that a value one telegram lacks does not drop
 * its entity after a restart either (Home Assistant deletes components missing from a device
 * config);</li>
 * <li>the config last published, so that a Home Assistant restart right after a bridge restart
 * is answered before the meter's next reading;</li>
 * <li>meters whose removal is decided but not yet published (the broker was away).</li>
 * </ul>
 * Written atomically (temporary file, then rename) after a change of these; not on every
 * reading. Not thread safe: {@link MeterStates} changes it and the {@link HomeAssistantPublisher}
 * writes it, one event at a time.
 */
final class MeterRegistry {

    /** What the registry keeps of one meter. */
    record Entry(String key, Source source, String name, Map<String, Object> knownState, String config) {
        Entry {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(source, "source");
            knownState = Collections.unmodifiableMap(new LinkedHashMap<>(knownState));
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(MeterRegistry.class);
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();
    private static final int FORMAT = 1;

    private final Path file;
    private final Map<String, Entry> meters = new TreeMap<>();
    private final Set<String> pendingRemovals = new TreeSet<>();
    /** Changed since read or last saved: {@link #save()} has something to write. */
    private boolean changed;

    private MeterRegistry(Path file) {
        this.file = file;
    }

    /** An empty registry that is never written (Home Assistant discovery off, or tests). */
    static MeterRegistry inMemory() {
        return new MeterRegistry(null);
    }

    /**
     * Reads {@code file}; a missing file is an empty registry.
     *
     * @throws RegistryException if the file is not a registry this version understands (names the
     *     file, line and column, and what was expected)
     */
    static MeterRegistry load(Path file) {
        MeterRegistry r = new MeterRegistry(file);
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            return r;
        } catch (IOException e) {
            throw new RegistryException(file + ": cannot read: " + e.getMessage(), e);
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new RegistryException(file + ":" + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr()
                    + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject() || root.path("format").asInt(-1) != FORMAT
                || !root.path("meters").isObject()) {
            throw new RegistryException(file + ": expected a JSON object with \"format\": " + FORMAT
                    + " and an object \"meters\", found " + abbreviate(text));
        }
        root.path("meters").properties().forEach(f -> {
            JsonNode m = f.getValue();
            String where = file + ": meter \"" + f.getKey() + "\"";
            if (!m.path("source").isTextual()) {
                throw new RegistryException(where + ": expected a text \"source\", found " + m.path("source"));
            }
            Source source;
            try {
                source = Source.parse(m.path("source").asText());
            } catch (IllegalArgumentException e) {
                throw new RegistryException(where + ": " + e.getMessage(), e);
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> known = m.path("knownState").isObject()
                    ? MAPPER.convertValue(m.path("knownState"), LinkedHashMap.class) : Map.of();
            String name = m.path("name").isTextual() ? m.path("name").asText() : null;
            String config = m.path("config").isTextual() ? m.path("config").asText() : null;
            r.meters.put(f.getKey(), new Entry(f.getKey(), source, name, known, config));
        });
        root.path("pendingRemovals").forEach(k -> r.pendingRemovals.add(k.asText()));
        return r;
    }

    /**
     * {@link #load}s {@code file}, or if it cannot be read moves it aside (so it is not overwritten
     * and can be looked at) and starts empty: the service runs on, and only meters removed from the
     * routes meanwhile must be deleted in Home Assistant by hand.
     */
    static MeterRegistry loadOrSetAside(Path file) {
        try {
            return load(file);
        } catch (RegistryException e) {
            Path aside = file.resolveSibling(file.getFileName() + ".unreadable-" + System.currentTimeMillis());
            try {
                Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException moveFailed) {
                aside = file;
            }
            LOG.error("{}; starting with no known meters (file kept as {}); meters removed from the routes "
                    + "meanwhile must be deleted in Home Assistant by hand", e.getMessage(), aside);
            return aside.equals(file) ? inMemory() : load(file);
        }
    }

    Map<String, Entry> meters() {
        return Collections.unmodifiableMap(meters);
    }

    Entry get(String key) {
        return meters.get(key);
    }

    Set<String> pendingRemovals() {
        return Collections.unmodifiableSet(pendingRemovals);
    }

    /** Adds or replaces a meter; the caller saves. */
    void put(Entry e) {
        meters.put(e.key(), e);
        pendingRemovals.remove(e.key());
        changed = true;
    }

    /** Forgets a meter and remembers that its removal must still be published. */
    void remove(String key) {
        meters.remove(key);
        pendingRemovals.add(key);
        changed = true;
    }

    /** The removal of {@code key} has been published. */
    void removalPublished(String key) {
        changed |= pendingRemovals.remove(key);
    }

    /**
     * Writes the file if anything changed since it was read or last saved (temporary file and
     * atomic rename, so a crash leaves the old or the new one). A failed write is tried again with
     * the next change, not with every reading (a P1 meter sends every second: one error, not one a
     * second).
     *
     * @throws UncheckedIOException if it cannot be written
     */
    void save() {
        if (file == null || !changed) {
            return;
        }
        changed = false;
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        ObjectNode ms = root.putObject("meters");
        for (Entry e : meters.values()) {
            ObjectNode m = ms.putObject(e.key());
            m.put("source", e.source().toString());
            if (e.name() != null) {
                m.put("name", e.name());
            }
            m.set("knownState", MAPPER.valueToTree(e.knownState()));
            if (e.config() != null) {
                m.put("config", e.config());
            }
        }
        ArrayNode pending = root.putArray("pendingRemovals");
        pendingRemovals.forEach(pending::add);
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            Files.writeString(tmp, MAPPER.writeValueAsString(root));
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the Home Assistant meter registry " + file + ": "
                    + e.getMessage(), e);
        }
    }

    private static String abbreviate(String s) {
        String t = s.strip().replaceAll("\\s+", " ");
        return t.length() > 60 ? "\"" + t.substring(0, 60) + "…\"" : "\"" + t + "\"";
    }

    /** The registry file is not one this version can read. */
    static final class RegistryException extends RuntimeException {
        RegistryException(String message) {
            super(message);
        }

        RegistryException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
