package io.meterbridge.camel.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Switching to real hardware is one line in ./application.properties: the user's file must win
 * over the built-in defaults (which set mbus.bus=sim), and an override (environment, -D) over both.
 */
class PropertyPrecedenceTest {

    @TempDir
    Path home;

    @Test
    void theUsersFileWinsOverDefaultsAndOverridesWinOverTheFile() throws Exception {
        Files.createDirectories(home.resolve("routes"));
        Files.writeString(home.resolve("routes/idle.yaml"), "- route:\n    from:\n      uri: timer:idle?period=60000\n      steps:\n        - log: idle\n");
        Files.writeString(home.resolve("application.properties"),
                "mbus.bus=\nmqtt.topicPrefix=from-file\nmbus.poll=7m\n");
        try (MeterbridgeService s = new MeterbridgeService(home, Map.of("mbus.poll", "9m"), false)) {
            s.start();
            assertEquals("", s.property("mbus.bus"));
            assertEquals("from-file", s.property("mqtt.topicPrefix"));
            assertEquals("9m", s.property("mbus.poll"));
            // not in the file: the built-in default fills the gap
            assertEquals("1,89", s.property("mbus.addresses"));
        }
    }
}
