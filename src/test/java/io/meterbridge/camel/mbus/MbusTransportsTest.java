package io.meterbridge.camel.mbus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.meterbridge.camel.service.MeterbridgeService;
import io.meterbridge.camel.testing.ServiceHome;
import io.meterbridge.link.SerialTransport;
import io.meterbridge.sim.PtyLink;
import io.meterbridge.sim.SimBus;
import io.meterbridge.sim.SimServer;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bus named in an {@code mbus:} URI the way users name real hardware: a serial device path
 * (a Linux pseudo-terminal made by socat, the simulator on its other end) and a TCP gateway.
 */
class MbusTransportsTest {

    @TempDir
    Path home;

    final List<Exchange> got = new CopyOnWriteArrayList<>();

    void readBothMeters(String bus) throws Exception {
        Files.createDirectories(home.resolve("routes"));
        Files.writeString(home.resolve("routes/test.yaml"), """
                - route:
                    from:
                      uri: "mbus:%s?addresses=1,89&baud=9600&adapterLatency=20&delay=200&initialDelay=0&raw=true"
                      steps:
                        - bean:
                            ref: got
                            method: add
                """.formatted(bus));
        try (MeterbridgeService s = new MeterbridgeService(home, Map.of(), false)
                .bind("got", new MbusComponentTest.Collector(got))) {
            s.start();
            ServiceHome.await(Duration.ofSeconds(20), "both meters over " + bus,
                    () -> got.stream().map(MbusComponentTest::address).distinct().count() == 2);
        }
        Exchange m403 = got.stream().filter(e -> "89".equals(MbusComponentTest.address(e))).findFirst().orElseThrow();
        assertEquals("MULTICAL 403", m403.getMessage().getHeader(MbusConstants.MODEL));
        assertEquals(2, m403.getMessage().getBody(MeterRead.class).telegrams().size(), "the 403 answers with two telegrams");
    }

    @Test
    void aSerialDevicePath() throws Exception {
        Assumptions.assumeTrue(PtyLink.socatAvailable(), "socat is not installed (.ci/run installs it)");
        Path master = home.resolve("ttyMBUS");
        try (PtyLink link = PtyLink.open(master, home.resolve("ttySIM"));
                SimServer server = SimServer.on(new SerialTransport(io.meterbridge.link.BusSettings.of(home.resolve("ttySIM").toString())
                        .withBaud(9600).withParity(io.meterbridge.link.Parity.NONE)), SimBus.standard(Clock.systemUTC()), false, 9600)) {
            readBothMeters(master.toString());
        }
    }

    @Test
    void aTcpGateway() throws Exception {
        try (SimServer server = SimServer.tcp(0, true, SimBus.standard(Clock.systemUTC()), false, 9600)) {
            readBothMeters("tcp:127.0.0.1:" + server.tcpPort());
        }
    }
}
