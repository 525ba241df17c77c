package io.meterbridge.camel.homeassistant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meterbridge.camel.service.MeterbridgeService;
import io.meterbridge.camel.testing.ServiceHome;
import io.meterbridge.camel.testing.TestBroker;
import io.meterbridge.homeassistant.DeviceDiscovery;
import io.meterbridge.homeassistant.DiscoveryConfig;
import io.meterbridge.homeassistant.HomeAssistantRules;
import io.meterbridge.homeassistant.Publication;
import io.meterbridge.link.LongFrame;
import io.meterbridge.meter.ChannelValue;
import io.meterbridge.meter.ElectricityReading;
import io.meterbridge.meter.MeterIdentity;
import io.meterbridge.meter.Normalizer;
import io.meterbridge.meter.PhaseValues;
import io.meterbridge.meter.Reading;
import io.meterbridge.sim.Multical303;
import io.meterbridge.sim.Multical403;
import io.meterbridge.sim.SimBus;
import io.meterbridge.sim.SimMeter;
import io.meterbridge.sim.SimTransportProvider;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Home Assistant against a real MQTT 5 broker, end to end: the service (its own
 * {@link MeterbridgeService}, route files in a home directory) reads two simulated MULTICAL
 * meters over the real bus master every 300 ms and hands the readings and failed polls to the
 * {@code homeAssistant} bean; a recorder subscribed to {@code homeassistant/#} and
 * {@code meterbridge/#} sees what Home Assistant would see. Subclasses choose the broker.
 *
 * <p>The simulated meters run on a stopped clock, so their values are fixed and the states can
 * be compared with the simulator's own telegrams normalised independently.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class HomeAssistantLiveContract {

    private static final AtomicInteger RUN = new AtomicInteger();
    static final ObjectMapper JSON = new ObjectMapper();
    static final String M303 = "kam_82937133";
    static final String M403 = "kam_77447744";
    /** One broker for the class; each test has its own discovery prefix and base topic. */
    TestBroker broker;
    @TempDir
    Path tmp;
    String dp;
    String base;
    String CONFIG_303;
    String CONFIG_403;
    String BRIDGE_CONFIG;
    String BRIDGE_STATUS;
    String bus;
    SimBus simBus;
    SimMeter meter1;
    SimMeter meter89;

    abstract TestBroker broker(Path folder) throws Exception;

    @BeforeAll
    void startBroker(@TempDir Path brokerDir) throws Exception {
        broker = broker(brokerDir);
        broker.start();
    }

    @AfterAll
    void stopBroker() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    @BeforeEach
    void simulatorAndTopics() {
        int run = RUN.incrementAndGet();
        dp = "ha" + run;
        base = "mb" + run;
        CONFIG_303 = dp + "/device/meterbridge_" + M303 + "/config";
        CONFIG_403 = dp + "/device/meterbridge_" + M403 + "/config";
        BRIDGE_CONFIG = dp + "/device/meterbridge_bridge/config";
        BRIDGE_STATUS = base + "/status";
        bus = "sim:ha-" + getClass().getSimpleName() + "-" + run;
        simBus = SimTransportProvider.bus(bus);
        simBus.meters().forEach(simBus::remove);
        Clock stopped = Clock.fixed(Instant.parse("2026-11-21T03:00:00Z"), ZoneOffset.UTC);
        meter1 = simBus.add(new SimMeter(new Multical303(), 1, SimBus.ID_303, stopped));
        meter89 = simBus.add(new SimMeter(Multical403.twoTelegrams(), 89, SimBus.ID_403, stopped));
    }

    /** A service home: properties, an error route configuration and one route file per meter. */
    Path home(String name, int... addresses) throws Exception {
        Path home = Files.createDirectories(tmp.resolve(name));
        Files.createDirectories(home.resolve("routes"));
        // test.bus only where a route reads it: the service refuses settings nothing uses
        Files.writeString(home.resolve("application.properties"), (addresses.length > 0 ? "test.bus=" + bus + "\n" : "")
                + "camel.beans.simReader=#class:io.meterbridge.camel.homeassistant.SimReader\n");
        Files.writeString(home.resolve("routes/errors.yaml"), """
                # a failed poll goes to Home Assistant (availability) instead of the log
                - routeConfiguration:
                    onException:
                      - onException:
                          exception:
                            - java.lang.Exception
                          handled:
                            constant: true
                          steps:
                            - process:
                                ref: homeAssistant
                """);
        writeMeters(home, addresses);
        return home;
    }

    /**
     * The service's settings for these tests, given as overrides (on main, keys that
     * meterbridge-defaults.properties also sets are not taken from application.properties).
     */
    Map<String, String> settings(String name) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("mqtt.url", broker.url());
        m.put("mqtt.clientId", "meterbridge-" + name);
        m.put("mqtt.maxReconnectSeconds", "1");
        m.put("homeassistant.pollInterval", "1s");
        m.put("homeassistant.offlineAfterFailedPolls", "3");
        m.put("homeassistant.discoveryPrefix", dp);
        m.put("mqtt.topicPrefix", base);
        m.put("mqtt.availabilityTopic", BRIDGE_STATUS);
        return m;
    }

    static void writeMeters(Path home, int... addresses) throws Exception {
        writeMeters(home, "meter-", addresses);
    }

    /** Route file with one route per address, its input {@code timer:<prefix><address>}. */
    static void writeMeters(Path home, String prefix, int... addresses) throws Exception {
        StringBuilder y = new StringBuilder();
        for (int a : addresses) {
            y.append("""
                    - route:
                        id: %s%d
                        from:
                          uri: "timer:%s%d?period=300&delay=100"
                          steps:
                            - setHeader:
                                name: SimPort
                                constant: "{{test.bus}}"
                            - setHeader:
                                name: SimAddress
                                constant: "%d"
                            - process:
                                ref: simReader
                            - process:
                                ref: homeAssistant
                    """.formatted(prefix, a, prefix, a, a));
        }
        if (addresses.length == 0) {
            Files.deleteIfExists(home.resolve("routes/meters.yaml"));
        } else {
            Files.writeString(home.resolve("routes/meters.yaml"), y.toString());
        }
    }

    /** The simulator meter's current readout, normalised here, as Home Assistant's state payload. */
    static JsonNode expectedState(SimMeter meter) throws Exception {
        List<LongFrame> frames = new ArrayList<>();
        for (int i = 0; i < meter.model().telegramCount(); i++) {
            frames.add(meter.telegram(i, 0));
        }
        Reading r = new Normalizer().normalize(SimReader.decode(frames), meter.primaryAddress(), Instant.now());
        Publication p = new DeviceDiscovery(DiscoveryConfig.defaults("x")).state(r);
        ObjectNode n = (ObjectNode) JSON.readTree(p.payload());
        n.remove("read_at");
        return n;
    }

    static JsonNode withoutReadAt(String payload) throws Exception {
        ObjectNode n = (ObjectNode) JSON.readTree(payload);
        assertTrue(n.has("read_at"), "state has read_at: " + payload);
        n.remove("read_at");
        return n;
    }

    @Test
    void discoveryStatesAvailabilityBirthAndRemoval() throws Exception {
        Path home = home("live", 1, 89);
        try (Recorder ha = new Recorder(broker.url(), dp + "/#", base + "/#");
                MeterbridgeService service = new MeterbridgeService(home, settings("live"), true)) {
            service.start();

            // --- discovery: bridge device with bus statistics, one device per meter
            JsonNode bridge = JSON.readTree(ha.await(BRIDGE_CONFIG, m -> true, "bridge config").payload());
            assertEquals("meterbridge_bridge", bridge.at("/dev/identifiers/0").asText());
            for (String k : List.of("status", "polls", "failed_polls", "telegrams", "timeouts", "frame_errors",
                    "retries", "meters_online")) {
                assertTrue(bridge.at("/cmps").has(k), "bridge sensor " + k + ": " + bridge);
            }
            assertEquals(BRIDGE_STATUS, bridge.at("/cmps/status/state_topic").asText(),
                    "the bridge status sensor reads the connection's last-will topic");
            assertEquals("diagnostic", bridge.at("/cmps/polls/entity_category").asText());
            ha.await(BRIDGE_STATUS, m -> m.payload().equals("online"), "bridge online");

            JsonNode c303 = JSON.readTree(ha.await(CONFIG_303, m -> true, "MULTICAL 303 config").payload());
            JsonNode c403 = JSON.readTree(ha.await(CONFIG_403, m -> true, "MULTICAL 403 config").payload());
            assertEquals("MULTICAL 303", c303.at("/dev/model").asText());
            assertEquals("MULTICAL 403", c403.at("/dev/model").asText());
            assertEquals("82937133", c303.at("/dev/serial_number").asText());
            assertEquals("meterbridge_bridge", c403.at("/dev/via_device").asText());
            assertEquals("energy", c403.at("/cmps/heat_energy/device_class").asText());
            assertEquals("total_increasing", c403.at("/cmps/heat_energy/state_class").asText());
            assertEquals("°C", c403.at("/cmps/flow_temperature/unit_of_measurement").asText());
            assertEquals("m³", c403.at("/cmps/volume/unit_of_measurement").asText());
            // expire_after from the poll interval: 3 polls of 1 s plus a minute
            assertEquals(63, c403.at("/cmps/heat_energy/expire_after").asInt());
            assertEquals(BRIDGE_STATUS, c403.at("/availability/0/topic").asText());
            assertEquals(base + "/" + M403 + "/availability", c403.at("/availability/1/topic").asText());
            for (String t : List.of(BRIDGE_CONFIG, CONFIG_303, CONFIG_403)) {
                Publication p = new Publication(t, ha.last(t).orElseThrow().payload(), true, 1);
                assertEquals(List.of(), HomeAssistantRules.violations(p), t);
            }

            // --- states: the simulator's values, normalised independently
            assertEquals(expectedState(meter1),
                    withoutReadAt(ha.await(base + "/" + M303 + "/state", m -> true, "303 state").payload()));
            assertEquals(expectedState(meter89),
                    withoutReadAt(ha.await(base + "/" + M403 + "/state", m -> true, "403 state").payload()));
            ha.await(base + "/" + M303 + "/availability", m -> m.payload().equals("online"), "303 online");
            ha.await(base + "/" + M403 + "/availability", m -> m.payload().equals("online"), "403 online");
            // the config is published when it changes, not per reading
            ha.awaitCount(base + "/" + M403 + "/state", 3);
            int configs = ha.on(CONFIG_403).size();
            ha.awaitCount(base + "/" + M403 + "/state", 7);
            assertEquals(configs, ha.on(CONFIG_403).size(), "configs re-published without a change");

            // --- availability: the 403 stops answering -> offline after 3 failed polls; back -> online
            meter89.leave();
            ha.await(base + "/" + M403 + "/availability", m -> m.payload().equals("offline"), "403 offline");
            // the bridge's diagnostic sensors count the failed polls and the meters online
            JsonNode info = JSON.readTree(ha.await(base + "/bridge/info",
                    m -> json(m.payload()).get("failed_polls").asLong() >= 3, "bridge info with failed polls").payload());
            assertEquals(1, info.get("meters_online").asInt(), info.toString());
            assertEquals(2, info.get("meters_configured").asInt(), info.toString());
            assertTrue(info.get("polls").asLong() > info.get("failed_polls").asLong(), info.toString());
            assertFalse(ha.on(base + "/" + M303 + "/availability").stream()
                    .anyMatch(m -> !m.payload().equals("online")), "the 303 stays online");
            int statesBefore = ha.on(base + "/" + M403 + "/state").size();
            meter89.rejoin();
            String avail403 = base + "/" + M403 + "/availability";
            int offlineAt = ha.on(avail403).stream().map(Recorder.Message::payload).toList().lastIndexOf("offline");
            ha.awaitCount(avail403, offlineAt + 2);
            assertEquals("online", ha.on(avail403).get(offlineAt + 1).payload(), "403 online again");
            ha.awaitCount(base + "/" + M403 + "/state", statesBefore + 1);

            // --- Home Assistant restarts: its birth message brings every config and the states again
            int configs303 = ha.on(CONFIG_303).size();
            int configs403 = ha.on(CONFIG_403).size();
            int bridges = ha.on(BRIDGE_CONFIG).size();
            ha.publish(dp + "/status", "online", false);
            ha.awaitCount(CONFIG_303, configs303 + 1);
            ha.awaitCount(CONFIG_403, configs403 + 1);
            ha.awaitCount(BRIDGE_CONFIG, bridges + 1);
            assertEquals(ha.on(CONFIG_403).get(0).payload(), ha.last(CONFIG_403).orElseThrow().payload(),
                    "the same config again");

            // --- removal: the 403's route is deleted from the YAML (live reload)
            Path registry = home.resolve("data/homeassistant-meters.json");
            assertTrue(Files.readString(registry).contains(M403), "registry knows the 403");
            writeMeters(home, 1);
            ha.await(CONFIG_403, m -> m.payload().isEmpty(), "empty config removing the 403");
            ha.await(base + "/" + M403 + "/availability", m -> m.payload().isEmpty(), "403 availability cleared");
            ServiceHome.await(Duration.ofSeconds(5), "registry without the 403",
                    () -> !read(registry).contains(M403));
            assertTrue(read(registry).contains(M303));
            List<Recorder.Message> retained = Recorder.retained(broker.url(), dp + "/#");
            assertTrue(retained.stream().anyMatch(m -> m.topic().equals(CONFIG_303)), "303 still announced");
            assertFalse(retained.stream().anyMatch(m -> m.topic().equals(CONFIG_403)),
                    "no retained config of the removed 403: " + retained);
            assertEquals(List.of(), ha.on(CONFIG_303).stream().filter(m -> m.payload().isEmpty()).toList(),
                    "the 303 is not removed");
        }
    }

    /**
     * The shipped configuration itself ({@code application.properties} and {@code routes/*.yaml}
     * of the project, copied): the {@code mbus:} route polls the simulated bus, the {@code p1:}
     * route reads the simulated DSMR 5 meter, and both hand their readings and failures to Home
     * Assistant. Deleting an address from {@code mbus.addresses} removes that meter.
     */
    @Test
    void shippedRoutesOnTheSimulators() throws Exception {
        Path home = ServiceHome.shipped(Files.createDirectories(tmp.resolve("shipped")));
        Map<String, String> settings = settings("shipped");
        settings.remove("homeassistant.pollInterval"); // from the mbus: route's delay
        settings.put("mbus.bus", bus);
        settings.put("mbus.poll", "300");
        settings.put("p1.port", "sim");
        settings.put("p1.livePeriod", "500");
        String p1Key;
        try (Recorder ha = new Recorder(broker.url(), dp + "/#", base + "/#");
                MeterbridgeService service = new MeterbridgeService(home, settings, false)) {
            service.start();
            JsonNode c403 = json(ha.await(CONFIG_403, m -> true, "MULTICAL 403 config").payload());
            assertEquals("MULTICAL 403", c403.at("/dev/model").asText());
            // expire_after from the route's delay of 300 ms: 3 polls (rounded up to 1 s each) + 60 s
            assertEquals(63, c403.at("/cmps/heat_energy/expire_after").asInt());
            assertEquals(expectedState(meter1),
                    withoutReadAt(ha.await(base + "/" + M303 + "/state", m -> true, "303 state").payload()));
            assertEquals(expectedState(meter89),
                    withoutReadAt(ha.await(base + "/" + M403 + "/state", m -> true, "403 state").payload()));

            // the P1 meter: Energy dashboard sensors, state from the simulated DSMR 5 telegrams
            ServiceHome.await(Duration.ofSeconds(20), "a P1 meter config", () -> ha.all().stream()
                    .anyMatch(m -> m.topic().startsWith(dp + "/device/") && m.payload().contains("\"energy_import_t1\"")));
            Recorder.Message p1 = ha.all().stream().filter(m -> m.topic().startsWith(dp + "/device/")
                    && m.payload().contains("\"energy_import_t1\"")).findFirst().orElseThrow();
            JsonNode pc = json(p1.payload());
            p1Key = pc.at("/dev/identifiers/0").asText().substring("meterbridge_".length());
            for (String k : List.of("energy_import_t1", "energy_import_t2", "energy_export_t1", "energy_export_t2")) {
                assertEquals("total_increasing", pc.at("/cmps/" + k + "/state_class").asText(), k);
            }
            assertEquals("gas", pc.at("/cmps/gas/device_class").asText(), pc.toString());
            assertEquals("V", pc.at("/cmps/l1_voltage/unit_of_measurement").asText());
            JsonNode p1State = json(ha.await(base + "/" + p1Key + "/state", m -> true, "P1 state").payload());
            assertTrue(p1State.get("import_t1_kwh").decimalValue().signum() > 0, p1State.toString());
            ha.await(base + "/" + p1Key + "/availability", m -> m.payload().equals("online"), "P1 online");

            // the 403 stops answering: the mbus: route's failed exchanges take it offline
            meter89.leave();
            ha.await(base + "/" + M403 + "/availability", m -> m.payload().equals("offline"), "403 offline");
            JsonNode info = json(ha.await(base + "/bridge/info",
                    m -> json(m.payload()).get("failed_polls").asLong() >= 3, "failed polls counted").payload());
            assertTrue(info.get("telegrams").asLong() >= 3, "telegrams from the bus master's counters: " + info);
            assertTrue(info.get("timeouts").asLong() >= 3, "timeouts from the bus master's counters: " + info);
            assertEquals(2, info.get("meters_online").asInt(), "the 303 and the P1 meter: " + info);
            meter89.rejoin();
            String avail403 = base + "/" + M403 + "/availability";
            int offlineAt = ha.on(avail403).stream().map(Recorder.Message::payload).toList().lastIndexOf("offline");
            ha.awaitCount(avail403, offlineAt + 2);
            assertEquals("online", ha.on(avail403).get(offlineAt + 1).payload(), "403 online again");
        }
        // address 89 deleted from the configuration: the 403 goes, the 303 and the P1 meter stay
        settings.put("mbus.addresses", "1");
        try (Recorder ha = new Recorder(broker.url(), dp + "/#");
                MeterbridgeService service = new MeterbridgeService(home, settings, false)) {
            service.start();
            ha.await(CONFIG_403, m -> m.payload().isEmpty(), "empty config removing the 403");
            assertEquals(List.of(), ha.all().stream().filter(m -> m.payload().isEmpty()
                    && !m.topic().equals(CONFIG_403)).toList(), "only the 403 removed");
        }
    }

    /**
     * A route written for the old shape: its {@code mbus:} input's failures still reach the
     * {@code homeAssistant} bean through an {@code onException} (here the home's errors.yaml), as
     * well as Camel's exchange events. Each failed poll is counted once: with the 303 read and the
     * 403 failing in every poll, {@code failed_polls} grows by one from one bridge info to the next.
     */
    @Test
    void aFailedPollIsCountedOnceWhenTheRouteStillCallsTheBeanInOnException() throws Exception {
        Path home = home("once", 1, 89);
        Files.writeString(home.resolve("routes/meters.yaml"), """
                - route:
                    id: heat-meters
                    from:
                      uri: "mbus:{{test.bus}}?addresses=1,89&delay=300&initialDelay=0"
                      steps:
                        - process:
                            ref: normalize
                        - process:
                            ref: homeAssistant
                """);
        String info = base + "/bridge/info";
        try (Recorder ha = new Recorder(broker.url(), dp + "/#", base + "/#");
                MeterbridgeService service = new MeterbridgeService(home, settings("once"), false)) {
            service.start();
            ha.await(base + "/" + M403 + "/availability", m -> m.payload().equals("online"), "403 online");
            meter89.leave();
            ha.await(base + "/" + M403 + "/availability", m -> m.payload().equals("offline"), "403 offline");
            ha.await(info, m -> json(m.payload()).get("failed_polls").asLong() >= 5, "five failed polls");
            List<Long> failed = new ArrayList<>();
            for (Recorder.Message m : ha.on(info)) {
                failed.add(json(m.payload()).get("failed_polls").asLong());
            }
            for (int i = 1; i < failed.size(); i++) {
                assertTrue(failed.get(i) - failed.get(i - 1) <= 1, "one failure per poll, not two: " + failed);
            }
        }
    }

    /**
     * Issue 6: an electricity meter (a P1 reading, here handed to a route by the test as the
     * {@code p1:} component will) gets the Energy dashboard's sensors and the same availability as a
     * heat meter: offline after three failed reads, online with the next good one.
     */
    @Test
    void electricityMeterForTheEnergyDashboard() throws Exception {
        Path home = home("p1");
        Files.writeString(home.resolve("routes/p1.yaml"), """
                - route:
                    id: p1
                    from:
                      uri: direct:p1
                      steps:
                        - choice:
                            when:
                              - simple: "${header.Fail} == 'yes'"
                                steps:
                                  - throwException:
                                      exceptionType: java.io.IOException
                                      message: "P1 telegram CRC mismatch"
                        - process:
                            ref: homeAssistant
                """);
        MeterIdentity id = new MeterIdentity("ISK", "Iskra", "AM550", "E0025000012345678", null, null, 0x02, null);
        ElectricityReading reading = ElectricityReading.builder(id, Instant.now())
                .importKwh(1, new BigDecimal("1234.567")).importKwh(2, new BigDecimal("2345.678"))
                .exportKwh(1, new BigDecimal("12.3")).exportKwh(2, new BigDecimal("4.5"))
                .powerImportKw(new BigDecimal("0.512")).powerExportKw(BigDecimal.ZERO).tariff(2)
                .phase(new PhaseValues(1, new BigDecimal("231.2"), new BigDecimal("2"), new BigDecimal("0.512"),
                        BigDecimal.ZERO, 3L, 0L))
                .channel(new ChannelValue(1, 0x03, "4730303339303031", new BigDecimal("3456.789"), "m³",
                        java.time.LocalDateTime.of(2026, 11, 21, 3, 0)))
                .build();
        String key = "isk_e0025000012345678";
        String config = dp + "/device/meterbridge_" + key + "/config";
        try (Recorder ha = new Recorder(broker.url(), dp + "/#", base + "/#");
                MeterbridgeService service = new MeterbridgeService(home, settings("p1"), false)) {
            service.start();
            var producer = service.context().createProducerTemplate();
            ha.await(BRIDGE_STATUS, m -> m.payload().equals("online"), "bridge online");
            producer.sendBody("direct:p1", reading);
            JsonNode c = json(ha.await(config, m -> true, "electricity meter config").payload());
            assertEquals(List.of(), HomeAssistantRules.violations(new Publication(config, c.toString(), true, 1)));
            for (String k : List.of("energy_import_t1", "energy_import_t2", "energy_export_t1", "energy_export_t2")) {
                assertEquals("kWh", c.at("/cmps/" + k + "/unit_of_measurement").asText(), k);
                assertEquals("total_increasing", c.at("/cmps/" + k + "/state_class").asText(), k);
            }
            assertEquals("kW", c.at("/cmps/power_import/unit_of_measurement").asText());
            assertEquals("V", c.at("/cmps/l1_voltage/unit_of_measurement").asText());
            assertEquals("A", c.at("/cmps/l1_current/unit_of_measurement").asText());
            assertEquals("gas", c.at("/cmps/gas/device_class").asText());
            assertEquals("m³", c.at("/cmps/gas/unit_of_measurement").asText());
            JsonNode state = json(ha.await(base + "/" + key + "/state", m -> true, "P1 state").payload());
            assertEquals("1234.567", state.get("import_t1_kwh").asText());
            assertEquals("3456.789", state.get("gas_m3").asText());
            ha.await(base + "/" + key + "/availability", m -> m.payload().equals("online"), "P1 online");

            for (int i = 0; i < 3; i++) {
                producer.sendBodyAndHeader("direct:p1", null, "Fail", "yes");
            }
            ha.await(base + "/" + key + "/availability", m -> m.payload().equals("offline"), "P1 offline");
            producer.sendBody("direct:p1", reading);
            String avail = base + "/" + key + "/availability";
            ha.awaitCount(avail, 3);
            assertEquals("online", ha.on(avail).get(2).payload());
        }
    }

    @Test
    void aMeterDeletedWhileTheServiceWasStoppedIsRemovedAtStartUpAMovedOneIsKept() throws Exception {
        Path home = home("restart", 1, 89);
        Path registry = home.resolve("data/homeassistant-meters.json");
        try (Recorder ha = new Recorder(broker.url(), dp + "/#", BRIDGE_STATUS)) {
            try (MeterbridgeService service = new MeterbridgeService(home, settings("restart"), false)) {
                service.start();
                ha.await(CONFIG_403, m -> !m.payload().isEmpty(), "403 announced");
                ha.await(CONFIG_303, m -> !m.payload().isEmpty(), "303 announced");
                ha.await(BRIDGE_STATUS, m -> m.payload().equals("online"), "bridge online");
            }
            // a clean stop says offline itself (the broker sends no last will then)
            ha.await(BRIDGE_STATUS, m -> m.payload().equals("offline"), "bridge offline after a clean stop");
            assertTrue(read(registry).contains("timer://meter-89"), read(registry));

            // both meters now read by routes with other inputs (as when a bus is renamed): kept
            writeMeters(home, "heat-", 1, 89);
            try (MeterbridgeService service = new MeterbridgeService(home, settings("restart"), false)) {
                service.start();
                ServiceHome.await(Duration.ofSeconds(10), "registry with the new sources",
                        () -> read(registry).contains("timer://heat-89") && read(registry).contains("timer://heat-1"));
                // longer than the removal grace (2 polls of 1 s) after the first comparison
                Thread.sleep(4000);
            }
            assertEquals(List.of(), ha.all().stream().filter(m -> m.payload().isEmpty()).toList(),
                    "no meter removed when only its route input changed");

            // the 403 deleted from the routes while the service was stopped: removed at start-up
            writeMeters(home, "heat-", 1);
            try (MeterbridgeService service = new MeterbridgeService(home, settings("restart"), false)) {
                service.start();
                ha.await(CONFIG_403, m -> m.payload().isEmpty(), "empty config removing the 403");
                // the registry forgets the removal only when the broker acknowledged the last of the
                // cleanup messages, which can come after the recorder saw the empty config
                ServiceHome.await(Duration.ofSeconds(10), "the registry to forget the 403",
                        () -> !read(registry).contains(M403));
            }
            assertEquals(List.of(), ha.on(CONFIG_303).stream().filter(m -> m.payload().isEmpty()).toList());
            assertFalse(read(registry).contains(M403), read(registry));
        }
    }

    /**
     * The bridge's last will: a service JVM killed outright (no shutdown, no goodbye) leaves
     * {@code offline} on its status topic, published by the broker; Home Assistant then shows every
     * meter unavailable (each meter's availability includes the bridge's).
     */
    @Test
    void theBrokerPublishesTheLastWillWhenTheServiceIsKilled() throws Exception {
        Path home = home("killed", 1);
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        try (Recorder ha = new Recorder(broker.url(), BRIDGE_STATUS, dp + "/#")) {
            List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx128m", "-cp", classpath,
                    "io.meterbridge.cli.Main", "run", "--home", home.toString(), "--no-reload"));
            settings("killed").forEach((k, v) -> command.addAll(List.of("-D", k + "=" + v)));
            Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(home.resolve("service.log").toFile()).start();
            try {
                ServiceHome.await(Duration.ofSeconds(30), "the child service to announce the 303; log:\n"
                        + home.resolve("service.log"), () -> {
                            if (!child.isAlive()) {
                                throw new AssertionError("service exited " + child.exitValue() + ":\n" + read(home.resolve("service.log")));
                            }
                            return ha.on(CONFIG_303).size() > 0;
                        });
                ha.await(BRIDGE_STATUS, m -> m.payload().equals("online"), "online from the child");
                int before = ha.on(BRIDGE_STATUS).size();
                child.destroyForcibly(); // SIGKILL: no shutdown hook, no DISCONNECT
                assertTrue(child.waitFor(10, TimeUnit.SECONDS));
                Recorder.Message will = ha.awaitCount(BRIDGE_STATUS, before + 1);
                assertEquals("offline", will.payload(), "the last will");
            } finally {
                child.destroyForcibly();
            }
            List<Recorder.Message> retained = Recorder.retained(broker.url(), BRIDGE_STATUS);
            assertEquals(List.of("offline"), retained.stream().map(Recorder.Message::payload).toList(),
                    "Home Assistant starting later sees the bridge offline");
        }
    }

    static JsonNode json(String payload) {
        try {
            return JSON.readTree(payload);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + payload, e);
        }
    }

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (Exception e) {
            return "";
        }
    }
}
