package io.meterbridge.camel.mbus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.meterbridge.camel.service.MeterbridgeService;
import io.meterbridge.camel.service.RouteFileException;
import io.meterbridge.camel.testing.ServiceHome;
import io.meterbridge.link.Buses;
import io.meterbridge.link.NoReplyException;
import io.meterbridge.sim.SimBus;
import io.meterbridge.sim.SimTransportProvider;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/** The mbus: component on the built-in simulator, from YAML routes. */
class MbusComponentTest {

    @TempDir
    Path home;

    final List<Exchange> got = new CopyOnWriteArrayList<>();
    final List<Exchange> failed = new CopyOnWriteArrayList<>();

    /** A bean that keeps copies of the exchanges it is given. */
    public static final class Collector {
        private final List<Exchange> list;

        Collector(List<Exchange> list) {
            this.list = list;
        }

        public void add(Exchange e) {
            list.add(e.copy());
        }
    }

    /** Routes direct:got and direct:failed into the lists. */
    static final String COLLECT = """
            - route:
                id: got
                from:
                  uri: direct:got
                  steps:
                    - bean:
                        ref: got
                        method: add
            - route:
                id: failed
                from:
                  uri: direct:failed
                  steps:
                    - bean:
                        ref: failed
                        method: add
            """;

    /** Failures of meters go to direct:failed. */
    static final String FAILURES = """
            - routeConfiguration:
                id: failures
                onException:
                  - onException:
                      exception:
                        - io.meterbridge.link.MBusException
                      handled:
                        constant: true
                      steps:
                        - to: direct:failed
            """;

    /** A simulated bus of this test's own (sim:NAME), so faults do not leak between tests. */
    static String bus(TestInfo info) {
        return "sim:" + info.getTestMethod().orElseThrow().getName();
    }

    MeterbridgeService service(String yaml) throws Exception {
        Files.createDirectories(home.resolve("routes"));
        Files.writeString(home.resolve("routes/test.yaml"), yaml + COLLECT);
        MeterbridgeService s = new MeterbridgeService(home, Map.of(), false)
                .bind("got", new Collector(got))
                .bind("failed", new Collector(failed));
        s.start();
        return s;
    }

    static String address(Exchange e) {
        return e.getMessage().getHeader(MbusConstants.ADDRESS, String.class);
    }

    @Test
    void aReadoutThatFailsPartWayStillDeliversTheTelegramsRead(TestInfo info) throws Exception {
        String bus = bus(info);
        // the MULTICAL 403-like meter sends two telegrams; the second (first try and its retry) is lost
        SimTransportProvider.bus(bus).meterAt(89).injectAfter(2, io.meterbridge.sim.Fault.NO_ANSWER, 2); // E5 and telegram 1 arrive
        try (MeterbridgeService s = service(FAILURES + """
                - route:
                    id: poll
                    routeConfigurationId: failures
                    from:
                      uri: "mbus:%s?addresses=89&delay=60000&initialDelay=0&retries=1&raw=true"
                      steps:
                        - to: direct:got
                """.formatted(bus))) {
            ServiceHome.await(Duration.ofSeconds(10), "the partial read", () -> !got.isEmpty());
            Exchange e = got.get(0);
            assertEquals(Boolean.FALSE, e.getMessage().getHeader(MbusConstants.COMPLETE));
            MeterRead read = e.getMessage().getBody(MeterRead.class);
            assertEquals(1, read.telegrams().size(), "the first of two telegrams");
            assertTrue(read.telegrams().get(0).moreRecordsFollow(), "the telegram that announced a second one");
            assertTrue(read.incomplete().contains("telegram 2"), read.incomplete());
            assertTrue(failed.isEmpty(), "a partial read is delivered, not failed");
        }
    }

    @Test
    void consumerEmitsOneExchangePerMeterWithHeadersAndAFailingMeterFailsAlone(TestInfo info) throws Exception {
        String bus = bus(info);
        SimBus sim = SimTransportProvider.bus(bus);
        sim.meterAt(89).leave(); // the MULTICAL 403 is gone
        try (MeterbridgeService s = service(FAILURES + """
                - route:
                    id: poll
                    routeConfigurationId: failures
                    from:
                      uri: "mbus:%s?addresses=1,89&delay=200&initialDelay=0&retries=0&raw=true"
                      steps:
                        - to: direct:got
                """.formatted(bus))) {
            ServiceHome.await(Duration.ofSeconds(10), "two polls", () -> got.size() >= 2 && failed.size() >= 2);
            Exchange first = got.get(0);
            assertEquals("1", address(first));
            assertEquals(1, first.getMessage().getHeader(MbusConstants.PRIMARY_ADDRESS));
            assertEquals("829371332D2C4004", first.getMessage().getHeader(MbusConstants.SECONDARY_ADDRESS));
            assertEquals("KAM", first.getMessage().getHeader(MbusConstants.MANUFACTURER));
            assertEquals("MULTICAL 303", first.getMessage().getHeader(MbusConstants.MODEL));
            assertEquals("heat (outlet)", first.getMessage().getHeader(MbusConstants.MEDIUM));
            assertEquals("kam_82937133", first.getMessage().getHeader(MbusConstants.METER_KEY));
            assertInstanceOf(Integer.class, first.getMessage().getHeader(MbusConstants.STATUS));
            assertEquals(Boolean.TRUE, first.getMessage().getHeader(MbusConstants.COMPLETE));
            MeterRead read = first.getMessage().getBody(MeterRead.class);
            assertEquals(1, read.primaryAddress());
            assertEquals(read.frames().size(), read.telegrams().size());
            assertTrue(got.stream().allMatch(e -> "1".equals(address(e))), "only the meter that answers gives readings");

            Exchange failure = failed.get(0);
            assertEquals("89", address(failure));
            NoReplyException noReply = assertInstanceOf(NoReplyException.class, failure.getProperty(Exchange.EXCEPTION_CAUGHT));
            // in a route the hint names the endpoint option; --latency is the command line's
            assertTrue(noReply.getMessage().endsWith("or raise adapterLatency in the mbus: URI (milliseconds, e.g. "
                    + "?adapterLatency=150) (adapter latency now 0 ms)"), noReply.getMessage());
            assertNull(failure.getMessage().getHeader(MbusConstants.MODEL));

            sim.meterAt(89).rejoin(); // back: read again on a later poll
            int before = got.size();
            ServiceHome.await(Duration.ofSeconds(10), "meter 89 again",
                    () -> got.stream().skip(before).anyMatch(e -> "89".equals(address(e))));
            Exchange m403 = got.stream().skip(before).filter(e -> "89".equals(address(e))).findFirst().orElseThrow();
            assertEquals("MULTICAL 403", m403.getMessage().getHeader(MbusConstants.MODEL));
        }
    }

    @Test
    void secondaryAddressesAndAQuartzCronSchedule(TestInfo info) throws Exception {
        try (MeterbridgeService s = service("""
                - route:
                    id: poll
                    from:
                      uri: "mbus:%s?addresses=774477442D2C3404&scheduler=quartz&scheduler.cron=0/1+*+*+*+*+?"
                      steps:
                        - to: direct:got
                """.formatted(bus(info)))) {
            ServiceHome.await(Duration.ofSeconds(10), "two cron polls", () -> got.size() >= 2);
            assertEquals("774477442D2C3404", address(got.get(0)));
            assertNull(got.get(0).getMessage().getHeader(MbusConstants.PRIMARY_ADDRESS));
            assertEquals("MULTICAL 403", got.get(0).getMessage().getHeader(MbusConstants.MODEL));
            assertEquals("774477442D2C3404", got.get(0).getMessage().getHeader(MbusConstants.SECONDARY_ADDRESS));
        }
    }

    @Test
    void producerReadsOnDemandAddressFromUriOrHeader(TestInfo info) throws Exception {
        String bus = bus(info);
        try (MeterbridgeService s = service("""
                - route:
                    id: ask
                    from:
                      uri: direct:ask
                      steps:
                        - to: "mbus:%1$s?addresses=1"
                - route:
                    id: ask-raw
                    from:
                      uri: direct:ask-raw
                      steps:
                        - to: "mbus:%1$s?addresses=1&raw=true"
                """.formatted(bus))) {
            ProducerTemplate t = s.context().createProducerTemplate();
            Exchange one = t.request("direct:ask", e -> { });
            assertEquals("MULTICAL 303", one.getMessage().getHeader(MbusConstants.MODEL));
            // the same body as the consumer's: the normalised reading, named like the header
            io.meterbridge.meter.HeatReading reading = assertInstanceOf(io.meterbridge.meter.HeatReading.class, one.getMessage().getBody());
            assertEquals(one.getMessage().getHeader(MbusConstants.METER_KEY), reading.meter().stableKey());
            Exchange raw = t.request("direct:ask-raw", e -> { });
            assertInstanceOf(MeterRead.class, raw.getMessage().getBody());
            assertEquals("MULTICAL 303", raw.getMessage().getHeader(MbusConstants.MODEL));
            Exchange other = t.request("direct:ask", e -> e.getMessage().setHeader(MbusConstants.ADDRESS, "89"));
            assertEquals("MULTICAL 403", other.getMessage().getHeader(MbusConstants.MODEL));
            SimTransportProvider.bus(bus).meterAt(1).leave();
            CamelExecutionException e = assertThrows(CamelExecutionException.class, () -> t.requestBody("direct:ask", ""));
            assertInstanceOf(NoReplyException.class, e.getCause());
        }
    }

    /** wakeUp on the endpoint, as routes/meters.yaml shows for an IR head: a sleeping eye is read at address 254. */
    @Test
    void aMeterOnItsOpticalEyeIsReadWithTheWakeUpOption(TestInfo info) throws Exception {
        String bus = bus(info);
        io.meterbridge.sim.SimBus sleepy = io.meterbridge.sim.SimBus.standard(java.time.Clock.systemUTC());
        sleepy.remove(sleepy.meterAt(89));
        sleepy.meterAt(1).requireWakeUp(480); // 2 s at 2400 Bd 8N1
        SimTransportProvider.install(bus, sleepy);
        ch.qos.logback.classic.Logger log = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(MbusEndpoint.class);
        var logged = new ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
        logged.start();
        log.addAppender(logged);
        try (MeterbridgeService s = service("""
                - route:
                    id: optical
                    from:
                      uri: "mbus:%s?addresses=254&wakeUp=2200ms&retries=0&delay=60000&initialDelay=0"
                      steps:
                        - to: direct:got
                """.formatted(bus))) {
            ServiceHome.await(Duration.ofSeconds(10), "the optical read", () -> !got.isEmpty());
            io.meterbridge.meter.HeatReading r = assertInstanceOf(io.meterbridge.meter.HeatReading.class, got.get(0).getMessage().getBody());
            assertEquals("kam_82937133", r.meter().stableKey());
            assertEquals(2200, s.context().getEndpoint("mbus:%s?addresses=254&wakeUp=2200ms&retries=0&delay=60000&initialDelay=0"
                    .formatted(bus), MbusEndpoint.class).getConfiguration().busSettings().wakeUp().toMillis());
        } finally {
            log.detachAppender(logged);
        }
        // every minute is too often for a battery meter's eye: said once, at start
        List<String> warnings = logged.list.stream().map(e -> e.getFormattedMessage()).toList();
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("reads a meter through its optical eye every 60.0 s: every read costs the "
                + "meter's battery"), warnings.get(0));
    }

    @Test
    void routesOnOneBusShareOneMaster(TestInfo info) throws Exception {
        String bus = bus(info);
        Buses buses;
        MbusComponent mbus;
        try (MeterbridgeService s = service("""
                - route:
                    id: a
                    from:
                      uri: "mbus:%1$s?addresses=1&delay=100&initialDelay=0"
                      steps:
                        - to: direct:got
                - route:
                    id: b
                    from:
                      uri: "mbus:%1$s?addresses=89&delay=100&initialDelay=0"
                      steps:
                        - to: direct:got
                """.formatted(bus))) {
            buses = s.context().getComponent("mbus", MbusComponent.class).buses();
            assertEquals(2, buses.leases(bus), "two endpoints, one master");
            ServiceHome.await(Duration.ofSeconds(10), "both meters, several times",
                    () -> got.stream().filter(e -> "1".equals(address(e))).count() >= 3
                            && got.stream().filter(e -> "89".equals(address(e))).count() >= 3);
            mbus = s.context().getComponent("mbus", MbusComponent.class);
            assertTrue(mbus.statistics(bus).orElseThrow().requests() >= 6, "the shared master's counters");
        }
        assertEquals(0, buses.leases(bus), "closed with the last route");
        // asking for counters never opens a bus (it used to take a lease, opening a master anew)
        assertTrue(mbus.statistics(bus).isEmpty());
        assertEquals(0, buses.leases(bus));
    }

    @Test
    void aMisspeltOptionFailsAtStartUpWithCamelsMessage(TestInfo info) {
        RouteFileException e = assertThrows(RouteFileException.class, () -> service("""
                - route:
                    id: typo
                    from:
                      uri: "mbus:%s?adresses=1"
                      steps:
                        - to: direct:got
                """.formatted(bus(info))));
        assertTrue(e.getMessage().contains("test.yaml") && e.getMessage().contains("Unknown parameters")
                && e.getMessage().contains("adresses"), e.getMessage());
    }

    @Test
    void aConsumerWithoutAddressesOrABadAddressIsRefused(TestInfo info) {
        RouteFileException none = assertThrows(RouteFileException.class, () -> service("""
                - route:
                    from:
                      uri: "mbus:%s"
                      steps:
                        - to: direct:got
                """.formatted(bus(info))));
        assertTrue(none.getMessage().contains("needs addresses"), none.getMessage());
    }

    @Test
    void theShippedRoutesReadBothSimulatedMetersIntoJsonLines() throws Exception {
        ServiceHome.shipped(home);
        try (MeterbridgeService s = new MeterbridgeService(home, Map.of(), false)) {
            s.start();
            Path jsonl = home.resolve("data/readings.jsonl");
            ServiceHome.await(Duration.ofSeconds(10), "two readings", () -> lines(jsonl).size() >= 2);
            List<String> lines = lines(jsonl);
            var json = new com.fasterxml.jackson.databind.ObjectMapper();
            var m303 = json.readTree(lines.stream().filter(l -> l.contains("\"primary_address\":1,")).findFirst().orElseThrow());
            var m403 = json.readTree(lines.stream().filter(l -> l.contains("\"primary_address\":89,")).findFirst().orElseThrow());
            assertEquals("MULTICAL 303", m303.get("model").asText());
            assertEquals("kam_82937133", m303.get("meter_key").asText());
            assertEquals("MULTICAL 403", m403.get("model").asText());
            assertEquals("kam_77447744", m403.get("meter_key").asText());
            for (var r : List.of(m303, m403)) {
                // both units of heat energy, consistent: 1 kWh = 0.0036 GJ
                assertEquals(0, r.get("heat_energy_kwh").decimalValue().multiply(new java.math.BigDecimal("0.0036"))
                        .compareTo(r.get("heat_energy_gj").decimalValue()), r.toString());
                assertTrue(r.has("volume_m3") && r.has("flow_temperature_c") && r.has("return_temperature_c"), r.toString());
            }
            // the files are written from the journal one after the other: the CSV rows may follow a moment later
            ServiceHome.await(Duration.ofSeconds(10), "two CSV rows", () -> lines(home.resolve("data/readings.csv")).size() >= 3);
            List<String> csv = lines(home.resolve("data/readings.csv"));
            assertEquals(s.property("csv.columns"), csv.get(0));
            assertTrue(csv.size() >= 3, csv.toString());
        }
    }

    private static List<String> lines(Path p) {
        try {
            return Files.exists(p) ? Files.readAllLines(p) : List.of();
        } catch (java.io.IOException e) {
            return List.of();
        }
    }

    @Test
    void withTheShippedRoutesAMeterThatStopsAnsweringIsLoggedAndTheOtherKeepsBeingRead(TestInfo info) throws Exception {
        ServiceHome.shipped(home);
        String bus = bus(info);
        SimTransportProvider.bus(bus).meterAt(89).leave();
        try (MeterbridgeService s = new MeterbridgeService(home,
                Map.of("mbus.bus", bus, "mbus.poll", "200ms", "mbus.addresses", "89,1"), false)) {
            s.start();
            Path jsonl = home.resolve("data/readings.jsonl");
            ServiceHome.await(Duration.ofSeconds(15), "three polls of meter 1", () -> lines(jsonl).size() >= 3);
            assertTrue(lines(jsonl).stream().allMatch(l -> l.contains("\"primary_address\":1,")), lines(jsonl).toString());
            assertEquals(org.apache.camel.ServiceStatus.Started, s.context().getRouteController().getRouteStatus("heat-meters"));
        }
    }

    /** A route step that notes when the consumer created each exchange, then takes most of a second. */
    public static final class SlowStep {
        final List<Long> created = new CopyOnWriteArrayList<>();

        public void handle(Exchange e) throws InterruptedException {
            created.add(e.getClock().getCreated());
            Thread.sleep(700);
        }
    }

    @Test
    void pollsStartEveryDelayEvenWhenAPollTakesMostOfIt(TestInfo info) throws Exception {
        String bus = bus(info);
        SlowStep slow = new SlowStep();
        Files.createDirectories(home.resolve("routes"));
        Files.writeString(home.resolve("routes/test.yaml"), """
                - route:
                    id: poll
                    from:
                      uri: "mbus:%s?addresses=1&delay=1000&initialDelay=0"
                      steps:
                        - bean:
                            ref: slow
                            method: handle
                """.formatted(bus));
        try (MeterbridgeService s = new MeterbridgeService(home, Map.of(), false).bind("slow", slow)) {
            s.start();
            ServiceHome.await(Duration.ofSeconds(15), "four polls", () -> slow.created.size() >= 4);
            List<Long> t = List.copyOf(slow.created);
            // one meter a poll: its exchange is created as the poll starts. With a fixed delay the
            // polls would start 1000 + 700 ms apart; at a fixed rate 1000 ms, give or take the scheduler
            for (int i = 1; i < 4; i++) {
                long gap = t.get(i) - t.get(i - 1);
                assertTrue(gap >= 800 && gap <= 1400, "poll " + i + " started " + gap + " ms after the one before: " + t);
            }

            assertTrue(!s.context().getEndpoint("mbus:" + bus + "?addresses=1", MbusEndpoint.class).isUseFixedDelay(),
                    "fixed rate is the mbus: endpoint's default");
            assertTrue(s.context().getEndpoint("mbus:" + bus + "?addresses=1&useFixedDelay=true", MbusEndpoint.class)
                    .isUseFixedDelay(), "useFixedDelay=true in the URI still wins");
        }
    }

    @Test
    void theConsumerEmitsTheNormalisedReadingUnlessRaw(TestInfo info) throws Exception {
        String bus = bus(info);
        try (MeterbridgeService s = service("""
                - route:
                    id: poll
                    from:
                      uri: "mbus:%s?addresses=1&delay=60000&initialDelay=0&gasCalorificValue=35.17"
                      steps:
                        - to: direct:got
                """.formatted(bus))) {
            ServiceHome.await(Duration.ofSeconds(10), "a reading", () -> !got.isEmpty());
            Exchange e = got.get(0);
            io.meterbridge.meter.HeatReading r = assertInstanceOf(io.meterbridge.meter.HeatReading.class,
                    e.getMessage().getBody());
            assertEquals("kam_82937133", r.meter().stableKey());
            assertEquals("kam_82937133", e.getMessage().getHeader(MbusConstants.METER_KEY));
            assertTrue(r.gasEquivalent() != null, "gasCalorificValue gives the gas equivalent");
            // the normalize bean of user routes passes a Reading through unchanged
            new io.meterbridge.camel.reading.NormalizeProcessor(null).process(e);
            assertEquals(r, e.getMessage().getBody());
        }
        RouteFileException bad = assertThrows(RouteFileException.class, () -> service("""
                - route:
                    id: bad
                    from:
                      uri: "mbus:%s?addresses=1&gasCalorificValue=abc"
                      steps:
                        - to: direct:got
                """.formatted(bus)));
        assertTrue(bad.getMessage().contains("expected a positive number of MJ/m³ such as 35.17, found abc"),
                bad.getMessage());
    }
}
