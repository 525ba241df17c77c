package io.meterbridge.camel.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.meterbridge.camel.testing.ServiceHome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every setting checked before the routes start: the values users got wrong, and the keys they misspelt. */
class SettingsCheckTest {

    @TempDir
    Path dir;

    /** The built-in defaults, then {@code values} on top, as the service resolves them. */
    private static List<SettingProblem> check(Map<String, String> values, Map<String, String> env) throws IOException {
        Properties defaults = new Properties();
        try (InputStream in = SettingsCheckTest.class.getResourceAsStream("/meterbridge-defaults.properties")) {
            defaults.load(in);
        }
        Map<String, String> all = new HashMap<>();
        defaults.forEach((k, v) -> all.put((String) k, (String) v));
        all.putAll(values);
        Map<String, String> given = new HashMap<>();
        values.keySet().forEach(k -> given.put(k, "application.properties:1"));
        Set<String> routeKeys = SettingsCheck.routeKeys(ServiceHome.PROJECT.resolve("routes"));
        return new SettingsCheck(k -> Optional.ofNullable(all.get(k)), given, env, routeKeys).problems();
    }

    private static String only(Map<String, String> values) throws IOException {
        List<SettingProblem> problems = check(values, Map.of());
        assertEquals(1, problems.size(), problems.toString());
        return problems.get(0).line();
    }

    @Test
    void theShippedFilesAndDefaultsPass() throws Exception {
        Properties shipped = new Properties();
        try (InputStream in = Files.newInputStream(ServiceHome.PROJECT.resolve("application.properties"))) {
            shipped.load(in);
        }
        Map<String, String> values = new HashMap<>();
        shipped.forEach((k, v) -> values.put((String) k, (String) v));
        assertEquals(List.of(), check(values, Map.of()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // what users wrote | what the line must say
        "mbus.poll | abc | mbus.poll=abc: expected a duration such as 30s, 5m, 1h",
        "mbus.poll | 10 | of at least 100 ms",
        "mbus.baud | abc | mbus.baud=abc: expected one of 300, 600, 1200, 2400, 4800, 9600, 19200, 38400",
        "mbus.baud | 12345 | mbus.baud=12345: expected one of 300,",
        "mbus.addresses | 1,251 | expected a primary address 0–250 (or 254, which every meter answers), found 251",
        "mbus.bus | tcp:gateway | mbus.bus=tcp:gateway: expected a serial device such as /dev/ttyUSB0, tcp:host:port, or a simulator: sim, sim:paced or sim:NAME",
        "mqtt.url | 127.0.0.1:1883 | mqtt.url=127.0.0.1:1883: expected a URL such as tcp://host:port (tcp, ssl, ws, wss); did you mean tcp://127.0.0.1:1883?",
        "mqtt.url | mqtt://broker:1883 | found the scheme mqtt",
        "mqtt.qos | 0 | mqtt.qos=0: expected one of 1, 2",
        "http.url | htp:/oops | http.url=htp:/oops: expected a URL such as http://host:port (http, https)",
        "http.url | http:///oops | found no host",
        "influxdb.url | host:8086/write?db=meters | influxdb.url=host:8086/write?db=meters: expected a URL such as http://host:port (http, https)",
        "kafka.brokers | kafka1 | kafka.brokers=kafka1: expected bootstrap servers host:port, comma-separated (kafka1:9092,kafka2:9092), found 'kafka1', which has no port",
        "kafka.brokers | kafka1:9092,http://kafka2:9092 | found 'http://kafka2:9092', which has a scheme: give host:port only",
        "kafka.topic | meter readings | kafka.topic=meter readings: expected a Kafka topic of letters, digits, ., _ and - (at most 249)",
        "kafka.securityProtocol | TLS | kafka.securityProtocol=TLS: expected one of PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL",
        "p1.port | sim:DSMR_9 | p1.port=sim:DSMR_9: expected a serial device such as /dev/ttyUSB0, tcp:host:port, or a simulator: sim, sim:DSMR_2_OR_3",
        // plain sim is the M-Bus simulator, which speaks no KMP
        "optical.port | sim | optical.port=sim: expected a serial device such as /dev/ttyUSB0, tcp:host:port, or a simulator: sim:kmp[:NAME], sim:iec62056[:NAME]",
        "optical.port | sim:kmp: | a simulator: sim:kmp[:NAME]",
        "p1.dataBits | 9 | p1.dataBits=9: expected one of 7, 8",
        "p1.timeZone | Europe/Amsterdamm | expected a time zone such as Europe/Amsterdam",
        "homeassistant.offlineAfterFailedPolls | 0 | expected a whole number from 1 to 1000",
        "homeassistant.version | 2024 | homeassistant.version=2024: expected a Home Assistant Core release",
        "meter.gasCalorificValue | 35,17 | expected a number greater than 0 (a dot for decimals, e.g. 35.17)",
        "csv.fileName | data/x.csv | expected a file name without / or \\",
    })
    void aValueThatIsNotAllowedIsOneLineNamingKeyValueAndWhatIsAllowed(String key, String value, String expected) throws Exception {
        String line = only(Map.of(key, value));
        assertTrue(line.startsWith("application.properties:1: " + key + "="), line);
        assertTrue(line.contains(expected), line);
    }

    @Test
    void everyOpticalSimulatorNameAndRealPortIsAccepted() throws Exception {
        for (String port : List.of("sim:kmp", "sim:kmp:attic", "sim:iec62056", "sim:iec62056:cellar", "/dev/ttyUSB0",
                "tcp:192.168.1.30:2000")) {
            assertEquals(List.of(), check(Map.of("optical.port", port), Map.of()), port);
        }
    }

    @Test
    void aMisspeltKeyIsNamedWithTheNearestOne() throws Exception {
        assertEquals("application.properties:1: mqtt.ulr: not a meterbridge setting, and no route file uses it; did you mean mqtt.url?",
                only(Map.of("mqtt.ulr", "tcp://localhost:1883")));
        assertTrue(only(Map.of("MQTT.url", "tcp://x:1")).endsWith("did you mean mqtt.url?"));
        assertTrue(only(Map.of("mbus.adresses", "1")).endsWith("did you mean mbus.addresses?"));
        // nothing near: no guess
        assertTrue(only(Map.of("colour", "blue")).endsWith("no route file uses it"));
    }

    /** An application.properties written for an earlier version still starts: a retired key is a warning naming it and where. */
    @Test
    void aRetiredSettingIsNoProblemButANotice() throws Exception {
        Map<String, String> old = Map.of("mqtt.persistenceDirectory", "/var/lib/meterbridge/mqtt");
        assertEquals(List.of(), check(old, Map.of()));
        SettingsCheck c = new SettingsCheck(k -> Optional.empty(), Map.of("mqtt.persistenceDirectory", "application.properties:7",
                "mqtt.url", "application.properties:3"), Map.of(), Set.of());
        assertEquals(List.of("application.properties:7: mqtt.persistenceDirectory is no longer used (readings are no longer "
                + "kept in an MQTT session but in the journal (at least once)); remove it"), c.retiredInUse());
    }

    @Test
    void keysTheRoutesUseAndCamelsOwnAreNotUnknown() throws Exception {
        // p1.livePeriod has its default in routes/p1.yaml; camel.* is Camel's business
        assertEquals(List.of(), check(Map.of("p1.livePeriod", "5000", "camel.main.name", "x"), Map.of()));
    }

    @Test
    void environmentVariablesOfMeterbridgesPrefixesAreCheckedToo() throws Exception {
        List<SettingProblem> problems = check(Map.of(), Map.of("MQTT_ULR", "tcp://x:1", "HTTP_PROXY", "p:1", "PATH", "/bin"));
        assertEquals(1, problems.size(), problems.toString());
        assertEquals("environment MQTT_ULR: MQTT_ULR: no meterbridge setting has this name; did you mean MQTT_URL (mqtt.url)?",
                problems.get(0).line());
        // and a known one is named as where the value came from
        List<SettingProblem> bad = new SettingsCheck(k -> k.equals("mqtt.qos") ? Optional.of("7") : Optional.empty(),
                Map.of(), Map.of("MQTT_QOS", "7"), Set.of()).problems().stream()
                .filter(p -> p.key().equals("mqtt.qos")).toList();
        assertEquals("environment MQTT_QOS: mqtt.qos=7: expected one of 1, 2", bad.get(0).line());
    }

    @Test
    void secretsAreNeverShown() throws Exception {
        String line = only(Map.of("p1.decryptionKey", "0123456789ABCDEF0123456789ABCDEX"));
        assertFalse(line.contains("0123456789"), line);
        assertTrue(line.contains("p1.decryptionKey=(32 characters, not shown): expected 32 hex digits"), line);
    }

    @Test
    void aPropertiesFileNamesTheLineOfEachKeyTheLastOneWinning() throws Exception {
        Path file = dir.resolve("application.properties");
        Files.writeString(file, "# comment\nmbus.poll=5m\n\nmqtt.url = tcp://a:1 \\\n   still.the.value\nmbus.poll: 1h\n");
        Map<String, String> lines = SettingsCheck.keysWithLines(file);
        assertEquals(Map.of("mbus.poll", file + ":6", "mqtt.url", file + ":4"), lines);
    }

    @Test
    void everyBuiltInDefaultIsACheckedSettingAndEveryRouteDefaultToo() throws Exception {
        Properties defaults = new Properties();
        try (InputStream in = SettingsCheckTest.class.getResourceAsStream("/meterbridge-defaults.properties")) {
            defaults.load(in);
        }
        Set<String> catalogue = Settings.all().stream().map(Setting::key).collect(Collectors.toCollection(TreeSet::new));
        Set<String> unchecked = new TreeSet<>();
        defaults.stringPropertyNames().stream().filter(k -> !k.startsWith("camel.") && !catalogue.contains(k)).forEach(unchecked::add);
        SettingsCheck.routeKeys(ServiceHome.PROJECT.resolve("routes")).stream()
                .filter(k -> !catalogue.contains(k)).forEach(unchecked::add);
        assertEquals(Set.of(), unchecked, "settings without a type");
    }

    @Test
    void distanceCountsASwapAsOneEdit() {
        assertEquals(1, SettingsCheck.distance("mqtt.ulr", "mqtt.url"));
        assertEquals(2, SettingsCheck.distance("mbus.pol", "mbus.poll1"));
        assertEquals(0, SettingsCheck.distance("a", "a"));
    }
}
