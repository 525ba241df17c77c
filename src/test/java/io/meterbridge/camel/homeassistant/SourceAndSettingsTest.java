package io.meterbridge.camel.homeassistant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meterbridge.homeassistant.HomeAssistantVersion;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/** Where a meter is read (what decides its removal) and the homeassistant.* settings. */
class SourceAndSettingsTest {

    @Test
    void anMbusInputConfiguresOneSourcePerAddressWhateverItsOtherOptions() throws Exception {
        try (DefaultCamelContext ctx = new DefaultCamelContext()) {
            List<Source> s = Source.configuredBy(
                    ctx.getEndpoint("mbus://sim?addresses=01,%2089,829371332d2c4004&delay=300000&baud=2400"));
            String base = s.get(0).endpoint();
            assertEquals(List.of(new Source(base, "1"), new Source(base, "89"), new Source(base, "829371332D2C4004")), s);
            // editing the delay or dropping another address leaves the source of address 1 as it was
            assertTrue(Source.configuredBy(ctx.getEndpoint("mbus://sim?addresses=1&delay=10000"))
                    .contains(new Source(base, "1")));
            assertEquals(List.of(new Source(base, "1")),
                    Source.configuredBy(ctx.getEndpoint("mbus://sim?addresses=RAW(1)")));
        }
    }

    @Test
    void anyOtherInputIsOneSource() throws Exception {
        try (DefaultCamelContext ctx = new DefaultCamelContext()) {
            List<Source> s = Source.configuredBy(ctx.getEndpoint("timer://meter-1?period=300"));
            assertEquals(List.of(new Source(s.get(0).endpoint(), null)), s);
            assertTrue(s.get(0).endpoint().startsWith("timer:") && !s.get(0).endpoint().contains("period"),
                    s.toString());
        }
        assertEquals("p1", new Source("p1://dev/ttyUSB1", null).scheme());
    }

    @Test
    void theLongestMbusDelayIsAskedOfTheEndpoints() throws Exception {
        try (DefaultCamelContext ctx = new DefaultCamelContext()) {
            ctx.addRoutes(new org.apache.camel.builder.RouteBuilder() {
                @Override
                public void configure() {
                    from("mbus:sim?addresses=1&delay=2m").routeId("a").autoStartup(false).log("a");
                    from("mbus:sim?addresses=2&delay=300").routeId("b").autoStartup(false).log("b");
                }
            });
            ctx.start();
            assertEquals(java.util.Optional.of(Duration.ofMinutes(2)), new RouteInputs(ctx).longestPollDelay());
        }
    }

    @Test
    void sourcesReadBackFromText() {
        for (Source s : List.of(new Source("mbus://dev/serial/by-id/usb-FTDI", "89"), new Source("p1://x", null),
                new Source("mbus://tcp:10.0.0.5:10001", "829371332D2C4004"))) {
            assertEquals(s, Source.parse(s.toString()));
        }
        assertThrows(IllegalArgumentException.class, () -> Source.parse("mbus://sim#"));
        assertThrows(IllegalArgumentException.class, () -> new Source(" ", null));
        assertThrows(IllegalArgumentException.class, () -> new Source("mbus://sim", " "));
    }

    @Test
    void settingsComeFromPropertiesWithDefaults() {
        HomeAssistantSettings d = HomeAssistantSettings.from(
                DefaultProperties.with(Map.of("homeassistant.registry", "data/x.json")));
        assertTrue(d.enabled());
        assertEquals("homeassistant", d.discoveryPrefix());
        assertEquals("meterbridge", d.baseTopic());
        assertEquals("meterbridge/status", d.bridgeStatusTopic());
        assertEquals(3, d.offlineAfterFailedPolls());
        assertNull(d.pollInterval(), "from the routes");
        assertEquals(Path.of("data/x.json"), d.registryFile());
        assertEquals(HomeAssistantVersion.DEVICE_DISCOVERY, d.homeAssistant(), "the oldest with device discovery");

        Map<String, String> p = Map.of("homeassistant.pollInterval", "10m", "homeassistant.offlineAfterFailedPolls",
                "5", "homeassistant.enabled", "false", "mqtt.availabilityTopic", "home/bridge/lwt",
                "homeassistant.registry", "/var/lib/mb/ha.json", "homeassistant.version", "2025.11.1");
        HomeAssistantSettings s = HomeAssistantSettings.from(DefaultProperties.with(p));
        assertEquals(Duration.ofMinutes(10), s.pollInterval());
        assertEquals(5, s.offlineAfterFailedPolls());
        assertEquals("home/bridge/lwt", s.bridgeStatusTopic());
        assertEquals(Path.of("/var/lib/mb/ha.json"), s.registryFile());
        assertTrue(!s.enabled());
        assertEquals(new HomeAssistantVersion(2025, 11), s.homeAssistant());
    }

    @Test
    void aMissingKeyNamesItInsteadOfFallingBackToASecondDefault() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> HomeAssistantSettings.from(k -> k.equals("homeassistant.bridgeId") ? null
                        : DefaultProperties.only().apply(k)));
        assertEquals("homeassistant.bridgeId has no value; its default is in meterbridge-defaults.properties, "
                + "which was not loaded", e.getMessage());
    }

    @Test
    void badSettingsNameThePropertyAndWhatWasExpected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HomeAssistantSettings.from(DefaultProperties.with(Map.of("homeassistant.offlineAfterFailedPolls", "three"))));
        assertEquals("homeassistant.offlineAfterFailedPolls: expected a whole number, found \"three\"", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> HomeAssistantSettings.from(DefaultProperties.with(Map.of("homeassistant.offlineAfterFailedPolls", "0"))));
        assertTrue(e.getMessage().contains("at least 1, found 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> HomeAssistantSettings.from(DefaultProperties.with(Map.of("homeassistant.pollInterval", "soon"))));
        assertTrue(e.getMessage().startsWith("homeassistant.pollInterval: expected a duration"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> HomeAssistantSettings.from(DefaultProperties.with(Map.of("homeassistant.version", "2024.6"))));
        assertEquals("homeassistant.version: Home Assistant 2024.6 has no MQTT device discovery, which meterbridge "
                + "uses: 2024.11 or later is needed", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> HomeAssistantSettings.from(DefaultProperties.with(Map.of("homeassistant.version", "newest"))));
        assertTrue(e.getMessage().startsWith("homeassistant.version: expected a Home Assistant Core release"),
                e.getMessage());
    }
}
