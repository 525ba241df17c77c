package io.meterbridge.camel.optical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.meterbridge.camel.service.MeterbridgeService;
import io.meterbridge.camel.testing.ServiceHome;
import io.meterbridge.link.OpticalNoAnswerException;
import io.meterbridge.meter.HeatReading;
import io.meterbridge.sim.Fault;
import io.meterbridge.sim.SimTransportProvider;
import io.meterbridge.sim.UltraheatMeter;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The optical: component from YAML routes, on the in-process simulators ({@code sim:kmp},
 * {@code sim:iec62056}): what it reads, what it refuses before it reads anything, and a meter that
 * does not answer.
 */
class OpticalComponentTest {

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

    static final String ROUTES = """
            - routeConfiguration:
                id: failures
                onException:
                  - onException:
                      exception:
                        - io.meterbridge.link.MBusException
                      handled:
                        constant: true
                      steps:
                        - bean:
                            ref: failed
                            method: add
            - route:
                id: read
                routeConfigurationId: failures
                from:
                  uri: "%s"
                  steps:
                    - bean:
                        ref: got
                        method: add
            """;

    MeterbridgeService service(String uri) throws Exception {
        Files.createDirectories(home.resolve("routes"));
        Files.writeString(home.resolve("routes/test.yaml"), ROUTES.formatted(uri));
        MeterbridgeService s = new MeterbridgeService(home, Map.of("mbus.bus", ""), false)
                .bind("got", new Collector(got))
                .bind("failed", new Collector(failed));
        s.start();
        return s;
    }

    /** A simulated head of this test's own, so faults do not leak between tests. */
    static String port(String kind, TestInfo info) {
        return "sim:" + kind + ":" + info.getTestMethod().orElseThrow().getName();
    }

    @Test
    void aMulticalOverKmpGivesTheHeatReadingOfTheSameMeterOverMbus(TestInfo info) throws Exception {
        Logger log = (Logger) LoggerFactory.getLogger(OpticalEndpoint.class);
        ListAppender<ILoggingEvent> warnings = new ListAppender<>();
        warnings.start();
        log.addAppender(warnings);
        try (MeterbridgeService s = service("optical:" + port("kmp", info)
                + "?protocol=kmp&model=MULTICAL 403&initialDelay=0&delay=60000")) {
            ServiceHome.await(Duration.ofSeconds(20), "a reading", () -> !got.isEmpty() || !failed.isEmpty());
        } finally {
            log.detachAppender(warnings);
        }
        assertTrue(failed.isEmpty(), () -> failed.get(0).getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class).toString());
        Exchange e = got.get(0);
        HeatReading r = assertInstanceOf(HeatReading.class, e.getMessage().getBody());
        assertEquals("MULTICAL 403", r.meter().model());
        assertEquals("KAM", e.getMessage().getHeader(OpticalConstants.MANUFACTURER));
        // the serial number of the simulated M-Bus's MULTICAL 403: the same meter key as over M-Bus
        assertEquals("kam_77447744", r.meter().stableKey());
        assertEquals(r.meter().stableKey(), e.getMessage().getHeader(OpticalConstants.METER_KEY));
        assertEquals("KMP", e.getMessage().getHeader(OpticalConstants.PROTOCOL));
        assertEquals(port("kmp", info), e.getMessage().getHeader(OpticalConstants.PORT));
        assertEquals(0, r.flowTemperatureC().compareTo(new java.math.BigDecimal("64.6")), "T1 " + r.flowTemperatureC());
        assertEquals(0, r.returnTemperatureC().compareTo(new java.math.BigDecimal("45.16")), "T2 " + r.returnTemperatureC());
        assertNotNull(r.heatEnergy(), "E1");
        assertNotNull(r.volumeM3(), "V1");
        assertNotNull(r.operatingHours(), "hour counter");
        // a poll every minute drains the battery: said once, with why
        List<String> said = warnings.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertEquals(1, said.stream().filter(m -> m.contains("costs the meter's battery")).count(), said.toString());
    }

    @Test
    void anUltraheatReadoutIsAHeatReadingOfLandisGyr(TestInfo info) throws Exception {
        UltraheatMeter meter = SimTransportProvider.ultraheatMeter(port("iec62056", info));
        try (MeterbridgeService s = service("optical:" + port("iec62056", info)
                + "?protocol=iec62056&initialDelay=0&delay=1h")) {
            ServiceHome.await(Duration.ofSeconds(30), "a readout", () -> !got.isEmpty() || !failed.isEmpty());
        }
        assertTrue(failed.isEmpty(), () -> failed.get(0).getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class).toString());
        HeatReading r = assertInstanceOf(HeatReading.class, got.get(0).getMessage().getBody());
        assertEquals("LUG", r.meter().manufacturer());
        assertEquals("lug_71234567", r.meter().stableKey());
        assertTrue(r.meter().model().contains("UH50"), r.meter().model());
        assertEquals("IEC62056", got.get(0).getMessage().getHeader(OpticalConstants.PROTOCOL));
        assertEquals(0, r.volumeM3().compareTo(meter.volume()), r.volumeM3() + " vs " + meter.volume());
        assertNotNull(r.heatEnergy());
        assertTrue(r.records().size() > 10, "every line of the readout is kept: " + r.records().size());
    }

    @Test
    void aSilentMeterFailsItsReadWithWhatToCheckAndTheNextPollReadsIt(TestInfo info) throws Exception {
        String port = port("kmp", info);
        SimTransportProvider.kmpMeter(port).inject(Fault.NO_ANSWER, 2); // the first try and its retry
        try (MeterbridgeService s = service("optical:" + port + "?protocol=kmp&initialDelay=0&delay=500&retries=1"
                + "&replyTimeout=300")) {
            ServiceHome.await(Duration.ofSeconds(20), "a failed read, then a reading", () -> !got.isEmpty());
        }
        assertEquals(1, failed.size(), failed.toString());
        Exception cause = failed.get(0).getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        OpticalNoAnswerException e = assertInstanceOf(OpticalNoAnswerException.class, cause);
        assertEquals(2, e.attempts());
        assertTrue(e.getMessage().startsWith("no answer on " + port), e.getMessage());
        assertTrue(e.getMessage().contains("from the KMP meter"), e.getMessage());
        assertTrue(e.getMessage().contains("MULTICAL 303 answers only for a while after its button is pressed"), e.getMessage());
        assertEquals(port, failed.get(0).getMessage().getHeader(OpticalConstants.PORT));
        assertInstanceOf(HeatReading.class, got.get(0).getMessage().getBody(), "the route went on polling");
    }

    @Test
    void optionsOfTheWrongProtocolOrNoneAreRefusedAtStart(TestInfo info) throws Exception {
        Exception none = assertThrows(Exception.class, () -> service("optical:" + port("kmp", info) + "?delay=1h"));
        assertTrue(messages(none).contains("needs protocol=kmp"), messages(none));
        Exception iec = assertThrows(Exception.class,
                () -> service("optical:" + port("iec62056", info) + "?protocol=iec62056&registers=E1"));
        assertTrue(messages(iec).contains("registers is a KMP option"), messages(iec));
        Exception model = assertThrows(Exception.class,
                () -> service("optical:" + port("kmp", info) + "?protocol=kmp&model=MULTICAL 9000"));
        assertTrue(messages(model).contains("optical option model=MULTICAL 9000"), messages(model));
        Exception typo = assertThrows(Exception.class,
                () -> service("optical:" + port("kmp", info) + "?protocol=kmp&registers=E1,V7"));
        assertTrue(messages(typo).contains("V7"), messages(typo));
    }

    private static String messages(Throwable t) {
        StringBuilder b = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            b.append(c.getMessage()).append(" / ");
        }
        return b.toString();
    }
}
