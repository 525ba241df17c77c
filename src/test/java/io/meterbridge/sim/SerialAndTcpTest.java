package io.meterbridge.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.meterbridge.link.BusMaster;
import io.meterbridge.link.BusSettings;
import io.meterbridge.link.LongFrame;
import io.meterbridge.link.MeterAddress;
import io.meterbridge.link.NoReplyException;
import io.meterbridge.link.Parity;
import io.meterbridge.link.PortUnavailableException;
import io.meterbridge.link.ScanHit;
import io.meterbridge.link.SerialTransport;
import io.meterbridge.link.TcpTransport;
import io.meterbridge.telegram.SecondaryAddress;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real serial code path (jSerialComm on one end of a socat pty pair, the simulator on the
 * other) and the TCP transport, against the simulator served by {@link SimServer}.
 */
class SerialAndTcpTest {

    @TempDir
    Path dir;

    private static void requireSocat() {
        assumeTrue(PtyLink.socatAvailable(), "socat is not installed: skipping the pty tests (apt-get install socat)");
    }

    private static SimServer serve(PtyLink link, SimBus bus, boolean paced, int baud) {
        BusSettings simSide = BusSettings.of(link.slaveSide().toString()).withBaud(baud).withParity(Parity.NONE);
        return SimServer.on(new SerialTransport(simSide), bus, paced, baud);
    }

    @Test
    void readsEveryMeterOverAPtyWithFaultsAndFallsBackFromEvenParity() throws Exception {
        requireSocat();
        SimBus bus = SimBus.standard(Clock.systemUTC());
        try (PtyLink link = PtyLink.open(dir.resolve("ttyMASTER"), dir.resolve("ttySIM"));
                SimServer server = serve(link, bus, false, 9600)) {
            // Even parity asked for (the M-Bus default): the pty cannot keep it; the transport falls back.
            BusSettings settings = BusSettings.of(link.masterSide().toString()).withBaud(9600)
                    .withAdapterLatency(Duration.ofMillis(20));
            assertEquals(Parity.EVEN, settings.parity());
            try (BusMaster master = BusMaster.open(settings)) {
                assertEquals(1, master.readMeter(MeterAddress.parse("1")).size());
                assertTrue(master.describe().contains("8N1"), master.describe());
                List<LongFrame> t = master.readMeter(MeterAddress.parse("89"));
                assertEquals(List.of(125, 71), t.stream().map(LongFrame::wireLength).toList());
                SimMeter mc303 = bus.meterAt(1);
                for (Fault fault : Fault.values()) {
                    master.sendNke(1);
                    mc303.inject(fault, 1);
                    assertEquals(128, master.readMeter(MeterAddress.parse("1")).get(0).wireLength(), fault.name());
                }
                assertTrue(master.statistics().checksumErrors() >= 1);
                assertTrue(master.statistics().noiseBytes() >= 11);
                // The late answer of LATE_ANSWER is still under way; let it arrive and be discarded.
                Thread.sleep(600);
                // One meter silent, the other still read.
                mc303.leave();
                assertThrows(NoReplyException.class, () -> master.readMeter(MeterAddress.parse("1")));
                assertEquals(2, master.readMeter(MeterAddress.parse("89")).size());
                mc303.rejoin();
                List<ScanHit> hits = master.scanSecondary(SecondaryAddress.ANY, null);
                assertEquals(2, hits.size(), hits.toString());
                master.changePrimaryAddress(1, 7);
                assertEquals(7, master.readMeter(MeterAddress.parse("7")).get(0).address());
            }
        }
    }

    @Test
    void reopensThePortWhenTheAdapterComesBack() throws Exception {
        requireSocat();
        SimBus bus = SimBus.standard(Clock.systemUTC());
        Path masterSide = dir.resolve("by-id-usb-mbus");
        Path simSide = dir.resolve("ttySIM2");
        BusSettings settings = BusSettings.of(masterSide.toString()).withBaud(9600).withParity(Parity.NONE)
                .withAdapterLatency(Duration.ofMillis(20));
        try (BusMaster master = BusMaster.open(settings)) {
            PtyLink link = PtyLink.open(masterSide, simSide);
            SimServer server = serve(link, bus, false, 9600);
            assertEquals(1, master.readMeter(MeterAddress.parse("1")).size());
            link.close(); // "unplug"
            server.close();
            PortUnavailableException gone = assertThrows(PortUnavailableException.class,
                    () -> master.readMeter(MeterAddress.parse("1")));
            assertTrue(gone.getMessage().contains(masterSide.toString()), gone.getMessage());
            PortUnavailableException missing = assertThrows(PortUnavailableException.class,
                    () -> master.readMeter(MeterAddress.parse("1")));
            assertTrue(missing.getMessage().contains("no such serial port"), missing.getMessage());
            try (PtyLink again = PtyLink.open(masterSide, simSide); SimServer s2 = serve(again, bus, false, 9600)) {
                assertEquals(2, master.readMeter(MeterAddress.parse("89")).size());
                assertEquals(1, master.statistics().reopens());
            }
        }
    }

    @Test
    void namesAMissingPortAndWhatToTry() {
        BusSettings settings = BusSettings.of(dir.resolve("ttyUSB9").toString());
        PortUnavailableException e = assertThrows(PortUnavailableException.class, () -> {
            try (BusMaster master = BusMaster.open(settings)) {
                master.readMeter(MeterAddress.parse("1"));
            }
        });
        assertTrue(e.getMessage().contains("no such serial port"), e.getMessage());
        assertTrue(e.getMessage().contains("plugged in"), e.getMessage());
    }

    @Test
    void readsOverTcpAndReconnects() throws Exception {
        SimBus bus = SimBus.standard(Clock.systemUTC());
        SimServer server = SimServer.tcp(0, true, bus, false, 9600);
        int port = server.tcpPort();
        BusSettings settings = BusSettings.of("tcp:127.0.0.1:" + port).withBaud(9600)
                .withAdapterLatency(Duration.ofMillis(20));
        try (BusMaster master = new BusMaster(settings, TcpTransport.of(settings))) {
            assertEquals(2, master.readMeter(MeterAddress.parse("89")).size());
            bus.meterAt(89).inject(Fault.BAD_CHECKSUM, 1);
            assertEquals(2, master.readMeter(MeterAddress.parse("89")).size());
            server.close();
            assertThrows(PortUnavailableException.class, () -> master.readMeter(MeterAddress.parse("1")));
            assertThrows(PortUnavailableException.class, () -> master.readMeter(MeterAddress.parse("1")));
            try (SimServer again = SimServer.tcp(port, true, bus, false, 9600)) {
                assertEquals(1, master.readMeter(MeterAddress.parse("1")).size());
                assertTrue(master.statistics().reopens() >= 1);
            }
        }
    }

    @Test
    void tcpRefusedIsAClearError() throws Exception {
        int free;
        try (var s = new java.net.ServerSocket(0)) {
            free = s.getLocalPort();
        }
        BusSettings settings = BusSettings.of("tcp:127.0.0.1:" + free);
        try (BusMaster master = BusMaster.open(settings)) {
            PortUnavailableException e = assertThrows(PortUnavailableException.class,
                    () -> master.readMeter(MeterAddress.parse("1")));
            assertTrue(e.getMessage().contains("cannot connect"), e.getMessage());
        }
        assertTrue(Files.notExists(dir.resolve("nothing")));
    }
}
