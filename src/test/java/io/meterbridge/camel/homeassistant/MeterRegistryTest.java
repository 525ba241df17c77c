package io.meterbridge.camel.homeassistant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry file: what survives a restart, and what a damaged file says. */
class MeterRegistryTest {

    @TempDir
    Path dir;

    @Test
    void keepsSourcesNamesKnownStateConfigAndPendingRemovalsAcrossARestart() {
        Path file = dir.resolve("data/homeassistant-meters.json");
        MeterRegistry r = MeterRegistry.load(file);
        assertTrue(r.meters().isEmpty(), "a missing file is an empty registry");
        Map<String, Object> known = new LinkedHashMap<>();
        known.put("heat_energy", new BigDecimal("1234.567"));
        known.put("heat_energy_unit", "GJ");
        known.put("operating_hours", 8760);
        r.put(new MeterRegistry.Entry("kam_82937133", new Source("mbus://sim", "01"), "Cellar", known, "{\"dev\":{}}"));
        r.put(new MeterRegistry.Entry("kam_77447744", new Source("mbus://sim", "89"), null, Map.of(), null));
        r.put(new MeterRegistry.Entry("isk_e0025", new Source("p1://dev/ttyUSB1", null), null, Map.of(), null));
        r.remove("kam_77447744");
        r.save();

        MeterRegistry back = MeterRegistry.load(file);
        assertEquals(Set.of("kam_82937133", "isk_e0025"), back.meters().keySet());
        MeterRegistry.Entry e = back.get("kam_82937133");
        assertEquals(new Source("mbus://sim", "1"), e.source(), "primary address normalised");
        assertEquals("Cellar", e.name());
        assertEquals(new BigDecimal("1234.567"), e.knownState().get("heat_energy"), "exact decimal");
        assertEquals("GJ", e.knownState().get("heat_energy_unit"));
        assertEquals(List.of("heat_energy", "heat_energy_unit", "operating_hours"), List.copyOf(e.knownState().keySet()));
        assertEquals("{\"dev\":{}}", e.config());
        assertNull(back.get("isk_e0025").source().address());
        assertEquals(Set.of("kam_77447744"), back.pendingRemovals());

        back.removalPublished("kam_77447744");
        back.save();
        assertTrue(MeterRegistry.load(file).pendingRemovals().isEmpty());
        try (var files = Files.list(file.getParent())) {
            assertEquals(List.of(file.getFileName().toString()),
                    files.map(p -> p.getFileName().toString()).toList(), "no temporary file left");
        } catch (java.io.IOException ex) {
            throw new AssertionError(ex);
        }
    }

    @Test
    void itIsWrittenOnlyAfterAChange() throws Exception {
        Path file = dir.resolve("meters.json");
        MeterRegistry r = MeterRegistry.load(file);
        r.save();
        assertTrue(Files.notExists(file), "nothing changed, nothing written");
        r.put(new MeterRegistry.Entry("kam_1", new Source("mbus://sim", "1"), null, Map.of(), null));
        r.save();
        assertTrue(Files.exists(file));
        Files.delete(file);
        r.removalPublished("kam_1");
        r.save();
        assertTrue(Files.notExists(file), "no removal was pending: no change");
    }

    @Test
    void anUnreadableFileIsSetAsideAndTheBridgeStartsWithNoMeters() throws Exception {
        Path file = dir.resolve("meters.json");
        Files.writeString(file, "{ not json");
        MeterRegistry r = MeterRegistry.loadOrSetAside(file);
        assertTrue(r.meters().isEmpty());
        try (var files = Files.list(dir)) {
            List<String> names = files.map(p -> p.getFileName().toString()).toList();
            assertEquals(1, names.size(), names.toString());
            assertTrue(names.get(0).startsWith("meters.json.unreadable-"), names.toString());
        }
        r.put(new MeterRegistry.Entry("kam_1", new Source("mbus://sim", "1"), null, Map.of(), null));
        r.save();
        assertEquals(Set.of("kam_1"), MeterRegistry.load(file).meters().keySet(), "a new file where the old one was");
    }

    @Test
    void aDamagedFileNamesFileLineAndColumn() throws Exception {
        Path file = dir.resolve("meters.json");
        Files.writeString(file, "{\n  \"format\": 1,\n  \"meters\": {\n    \"kam_1\": { \"source\": \"mbus://sim#1\" ,, }\n}\n");
        MeterRegistry.RegistryException e = assertThrows(MeterRegistry.RegistryException.class,
                () -> MeterRegistry.load(file));
        assertTrue(e.getMessage().startsWith(file + ":4:"), e.getMessage());
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
    }

    @Test
    void anotherFormatOrAMissingSourceIsRefusedWithWhatWasExpected() throws Exception {
        Path file = dir.resolve("meters.json");
        Files.writeString(file, "[1, 2, 3]");
        MeterRegistry.RegistryException e = assertThrows(MeterRegistry.RegistryException.class,
                () -> MeterRegistry.load(file));
        assertTrue(e.getMessage().contains("expected a JSON object with \"format\": 1"), e.getMessage());
        assertTrue(e.getMessage().contains("found \"[1, 2, 3]\""), e.getMessage());

        Files.writeString(file, "{\"format\": 1, \"meters\": {\"kam_1\": {\"source\": 7}}}");
        e = assertThrows(MeterRegistry.RegistryException.class, () -> MeterRegistry.load(file));
        assertTrue(e.getMessage().contains("meter \"kam_1\": expected a text \"source\", found 7"), e.getMessage());

        Files.writeString(file, "{\"format\": 1, \"meters\": {\"kam_1\": {\"source\": \"#1\"}}}");
        e = assertThrows(MeterRegistry.RegistryException.class, () -> MeterRegistry.load(file));
        assertTrue(e.getMessage().contains("expected a source"), e.getMessage());
    }
}
