package io.meterbridge.camel.p1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.meterbridge.camel.testing.ServiceHome;
import io.meterbridge.link.Parity;
import io.meterbridge.meter.ElectricityReading;
import io.meterbridge.p1.P1Cipher;
import io.meterbridge.p1.P1Telegram;
import io.meterbridge.p1.P1Version;
import io.meterbridge.sim.P1Fault;
import io.meterbridge.sim.P1Simulator;
import io.meterbridge.sim.PtyLink;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.CamelContext;
import org.apache.camel.Message;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code p1:} consumer over real byte streams: a TCP bridge on a loopback port and a Linux
 * pseudo-terminal pair made by socat (a serial port as far as jSerialComm can tell), fed by the P1
 * simulator. Every good telegram arrives exactly once, in order, with the values the telegram
 * carried; CRC and parity failures are counted and never delivered; a restarted bridge and a
 * pty removed and created again are recovered from. A Luxembourg Smarty meter's encrypted frames are
 * opened with the endpoint's key; damaged, cut and foreign frames are counted and never delivered.
 */
class P1ConsumerTest {

    private static final ZonedDateTime START = ZonedDateTime.of(2026, 11, 21, 12, 0, 0, 0, ZoneId.of("Europe/Amsterdam"));
    private static final String FAST_RECONNECT = "reconnectDelay=50&maxReconnectDelay=200";
    private static final String KEY = "5A8C1E0F3B7D29C4A6E1F0B3D5C7E9A1";
    private static final byte[] TITLE = "SAG\u0010\u0030\u0037\u0000\u0001".getBytes(StandardCharsets.ISO_8859_1);
    private static final DateTimeFormatter TST = DateTimeFormatter.ofPattern("yyMMddHHmmss");

    @TempDir
    Path dir;

    private CamelContext camel;
    private P1Route route;

    @AfterEach
    void stopCamel() {
        if (camel != null) {
            camel.stop();
        }
    }

    private P1Consumer start(String uri) throws Exception {
        P1Route route = P1Route.start(uri);
        camel = route.camel();
        this.route = route;
        return route.consumer();
    }

    private List<Message> received() {
        return route == null ? List.of() : route.received();
    }

    private void awaitReceived(int n) throws InterruptedException {
        ServiceHome.await(Duration.ofSeconds(10), n + " telegrams (have " + received().size() + ")",
                () -> received().size() >= n);
    }

    /** Checks that the messages are exactly {@code sent}, in order, with the values each telegram carried. */
    private static void assertReadings(List<SentTelegram> sent, List<Message> messages) {
        assertEquals(sent.size(), messages.size(), "telegrams delivered");
        for (int i = 0; i < sent.size(); i++) {
            SentTelegram s = sent.get(i);
            Message m = messages.get(i);
            ElectricityReading r = assertInstanceOf(ElectricityReading.class, m.getBody());
            assertEquals(s.clock(), r.meterClock(), "telegram " + i);
            assertEquals(s.importT1(), r.importKwhByTariff().get(1), "telegram " + i);
            assertEquals(s.importT2(), r.importKwhByTariff().get(2), "telegram " + i);
            assertEquals(s.importT1().add(s.importT2()), r.importKwh(), "telegram " + i);
            assertEquals(s.exportT2(), r.exportKwhByTariff().get(2), "telegram " + i);
            assertEquals(s.powerKw(), r.powerImportKw(), "telegram " + i);
            assertEquals(s.voltageL1(), r.phases().get(0).voltageV(), "telegram " + i);
            assertEquals(s.gasM3(), r.gas().value(), "telegram " + i);
        }
    }

    @Test
    void overTcpEveryGoodTelegramOnceInOrderWhilePartialStartNoiseTruncationAndBadCrcAreDropped() throws Exception {
        try (TcpBridge bridge = new TcpBridge(ServiceHome.freePort())) {
            bridge.start();
            P1Consumer consumer = start("p1:tcp:127.0.0.1:" + bridge.port() + "?" + FAST_RECONNECT);
            bridge.awaitClient(5);
            P1Simulator sim = new P1Simulator(P1Version.DSMR_5, 7, START);
            List<SentTelegram> good = new ArrayList<>();
            // joined mid-telegram: the second half of a telegram comes first
            byte[] first = sim.next(Duration.ofSeconds(1));
            bridge.write(Arrays.copyOfRange(first, first.length / 2, first.length));
            P1Fault[] faults = {P1Fault.NONE, P1Fault.BAD_CRC, P1Fault.NONE, P1Fault.NOISE, P1Fault.NONE,
                P1Fault.TRUNCATED, P1Fault.NONE, P1Fault.BAD_CRC, P1Fault.BAD_CRC, P1Fault.NONE, P1Fault.NONE};
            for (P1Fault f : faults) {
                byte[] t = sim.next(Duration.ofSeconds(1), f);
                if (f == P1Fault.NONE || f == P1Fault.NOISE) {
                    good.add(SentTelegram.of(t));
                }
                bridge.write(t);
                Thread.sleep(5);
            }
            awaitReceived(good.size());
            Thread.sleep(200); // nothing more may come
            assertReadings(good, received());
            P1Statistics s = consumer.getStatistics();
            assertEquals(good.size(), s.telegrams());
            assertEquals(3, s.crcErrors());
            assertEquals(1, s.truncated());
            assertTrue(s.noiseBytes() > first.length / 2 - 4, s.toString());
            Message m = received().get(0);
            assertEquals("E0054007476941719", m.getHeader(P1Constants.EQUIPMENT_ID));
            // the routes' key of the meter, set by the consumer as the mbus: consumer sets it
            assertEquals("isk_e0054007476941719", m.getHeader("MeterbridgeMeterKey"));
            assertEquals(P1Version.DSMR_5, m.getHeader(P1Constants.VERSION));
            assertEquals("50", m.getHeader(P1Constants.DECLARED_VERSION));
            assertEquals(good.get(0).clock(), m.getHeader(P1Constants.TIMESTAMP, OffsetDateTime.class).toLocalDateTime());
            assertEquals("+01:00", m.getHeader(P1Constants.TIMESTAMP, OffsetDateTime.class).getOffset().getId());
            assertEquals("/ISK5\\2M550T-1013", m.getHeader(P1Constants.HEADER));
            assertNotNull(m.getHeader(P1Constants.CRC, Integer.class));
            assertInstanceOf(P1Telegram.class, m.getHeader(P1Constants.TELEGRAM));
            assertEquals("tcp:127.0.0.1:" + bridge.port(), m.getHeader(P1Constants.PORT));
        }
    }

    @Test
    void overTcpARestartedBridgeIsReconnectedAndTheCutTelegramCounted() throws Exception {
        try (TcpBridge bridge = new TcpBridge(ServiceHome.freePort())) {
            bridge.start();
            P1Consumer consumer = start("p1:tcp:127.0.0.1:" + bridge.port() + "?" + FAST_RECONNECT);
            bridge.awaitClient(5);
            P1Simulator sim = new P1Simulator(P1Version.BELGIUM_E_MUCS, 3, START);
            List<SentTelegram> good = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                byte[] t = sim.next(Duration.ofSeconds(1));
                good.add(SentTelegram.of(t));
                bridge.write(t);
            }
            byte[] cut = sim.next(Duration.ofSeconds(1));
            bridge.write(Arrays.copyOf(cut, cut.length / 3));
            awaitReceived(3);
            // the bridge goes away for a while (its port refuses connections), then comes back
            bridge.stop();
            Thread.sleep(600);
            bridge.start();
            bridge.awaitClient(5);
            for (int i = 0; i < 3; i++) {
                byte[] t = sim.next(Duration.ofSeconds(1));
                good.add(SentTelegram.of(t));
                bridge.write(t);
            }
            awaitReceived(6);
            assertReadings(good, received());
            P1Statistics s = consumer.getStatistics();
            assertEquals(1, s.truncated(), s.toString());
            assertEquals(1, s.disconnects(), s.toString());
            assertEquals(2, s.connects(), s.toString());
        }
    }

    @Test
    void overAPtyEveryTelegramArrivesAndAPtyRemovedAndCreatedAgainIsReopened() throws Exception {
        assumeTrue(PtyLink.socatAvailable(), "socat is not installed: the pseudo-terminal test needs it (apt-get install socat)");
        Path meterSide = dir.resolve("meter");
        Path serviceSide = dir.resolve("ttyP1");
        PtyLink pty = PtyLink.open(serviceSide, meterSide);
        try {
            P1Consumer consumer = start("p1:" + serviceSide + "?" + FAST_RECONNECT);
            ServiceHome.await(Duration.ofSeconds(5), "the port open", () -> consumer.getStatistics().connects() == 1);
            P1Simulator sim = new P1Simulator(P1Version.DSMR_5, 11, START);
            List<SentTelegram> good = new ArrayList<>();
            try (OutputStream meter = new FileOutputStream(meterSide.toFile())) {
                for (int i = 0; i < 5; i++) {
                    byte[] t = sim.next(Duration.ofSeconds(1), i == 2 ? P1Fault.BAD_CRC : P1Fault.NONE);
                    if (i != 2) {
                        good.add(SentTelegram.of(t));
                    }
                    meter.write(t);
                    meter.flush();
                }
                awaitReceived(4);
            }
            // the cable is pulled: socat goes, and with it both device links
            pty.close();
            ServiceHome.await(Duration.ofSeconds(5), "the loss noticed", () -> consumer.getStatistics().disconnects() == 1);
            Thread.sleep(300);
            pty = PtyLink.open(serviceSide, meterSide);
            ServiceHome.await(Duration.ofSeconds(5), "the port reopened", () -> consumer.getStatistics().connects() == 2);
            try (OutputStream meter = new FileOutputStream(meterSide.toFile())) {
                for (int i = 0; i < 3; i++) {
                    byte[] t = sim.next(Duration.ofSeconds(1));
                    good.add(SentTelegram.of(t));
                    meter.write(t);
                    meter.flush();
                }
                awaitReceived(7);
            }
            assertReadings(good, received());
            assertEquals(1, consumer.getStatistics().crcErrors());
        } finally {
            pty.close();
        }
    }

    /** A DSMR 2.2/3 telegram as a 7E1 meter sends it: every character with its even-parity bit. */
    private static byte[] sevenE1(byte[] ascii) {
        byte[] out = new byte[ascii.length];
        for (int i = 0; i < ascii.length; i++) {
            out[i] = (byte) P1CharacterDecoder.encode(ascii[i], Parity.EVEN);
        }
        return out;
    }

    @Test
    void dsmr3At9600SevenE1OverAPtyWithAParityErrorDroppedAndCounted() throws Exception {
        assumeTrue(PtyLink.socatAvailable(), "socat is not installed: the pseudo-terminal test needs it (apt-get install socat)");
        Path meterSide = dir.resolve("meter");
        Path serviceSide = dir.resolve("ttyP1");
        try (PtyLink pty = PtyLink.open(serviceSide, meterSide)) {
            P1Consumer consumer = start("p1:" + serviceSide + "?baudRate=9600&dataBits=7&parity=even&" + FAST_RECONNECT);
            ServiceHome.await(Duration.ofSeconds(5), "the port open", () -> consumer.getStatistics().connects() == 1);
            P1Simulator sim = new P1Simulator(P1Version.DSMR_2_OR_3, 5, START);
            List<String> gasSent = new ArrayList<>();
            try (OutputStream meter = new FileOutputStream(meterSide.toFile())) {
                for (int i = 0; i < 4; i++) {
                    byte[] ascii = sim.next(Duration.ofSeconds(10));
                    byte[] line = sevenE1(ascii);
                    if (i == 1) {
                        // one bit flipped in transit: the parity no longer matches; DSMR 3 has no CRC to catch it
                        int digit = new String(ascii, java.nio.charset.StandardCharsets.US_ASCII).indexOf("1-0:1.8.1(") + 12;
                        line[digit] ^= 0x01;
                    } else {
                        String text = new String(ascii, java.nio.charset.StandardCharsets.US_ASCII);
                        gasSent.add(text.substring(text.indexOf(")\r\n(") + 4, text.indexOf(")\r\n0-1:24.4.0")));
                    }
                    meter.write(line);
                    meter.flush();
                }
                awaitReceived(3);
                Thread.sleep(200);
            }
            List<Message> got = received();
            assertEquals(3, got.size());
            for (int i = 0; i < 3; i++) {
                ElectricityReading r = got.get(i).getBody(ElectricityReading.class);
                assertEquals(new java.math.BigDecimal(gasSent.get(i)), r.gas().value());
                assertEquals(P1Version.DSMR_2_OR_3, got.get(i).getHeader(P1Constants.VERSION));
            }
            assertEquals(1, consumer.getStatistics().parityErrors());
        }
    }

    @Test
    void aSevenE1MeterAt115200IsAcceptedOnTheDefault8N1ByClearingBit7() throws Exception {
        try (TcpBridge bridge = new TcpBridge(ServiceHome.freePort())) {
            bridge.start();
            start("p1:tcp:127.0.0.1:" + bridge.port());
            bridge.awaitClient(5);
            P1Simulator sim = new P1Simulator(P1Version.DSMR_5, 9, START);
            List<SentTelegram> good = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                byte[] t = sim.next(Duration.ofSeconds(1));
                good.add(SentTelegram.of(t));
                bridge.write(sevenE1(t));
            }
            awaitReceived(3);
            assertReadings(good, received());
        }
    }

    @Test
    void aMisspeltOptionFailsAtStartWithCamelsMessage() {
        camel = new DefaultCamelContext();
        Exception e = assertThrows(Exception.class, () -> {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("p1:/dev/ttyUSB0?baudRat=9600").routeId("p1").to("log:x");
                }
            });
            camel.start();
        });
        Throwable cause = e;
        while (cause != null && !(cause instanceof ResolveEndpointFailedException)) {
            cause = cause.getCause();
        }
        assertNotNull(cause, "expected ResolveEndpointFailedException, got " + e);
        assertTrue(cause.getMessage().contains("Unknown parameters=[{baudRat=9600}]"), cause.getMessage());
    }

    @Test
    void aBadCombinationFailsAtStartSayingWhatWasExpected() {
        camel = new DefaultCamelContext();
        Exception e = assertThrows(Exception.class, () -> {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("p1:/dev/ttyUSB0?dataBits=9").routeId("p1").to("log:x");
                }
            });
            camel.start();
        });
        assertEquals("dataBits must be 7 or 8, found 9", rootCause(e).getMessage());
    }

    @Test
    void aPortThatIsNotThereDoesNotStopTheRouteAndIsOpenedOnceItAppears() throws Exception {
        assumeTrue(PtyLink.socatAvailable(), "socat is not installed: the pseudo-terminal test needs it (apt-get install socat)");
        Path meterSide = dir.resolve("meter");
        Path serviceSide = dir.resolve("ttyP1");
        P1Consumer consumer = start("p1:" + serviceSide + "?" + FAST_RECONNECT);
        assertTrue(camel.getRouteController().getRouteStatus("p1").isStarted());
        Thread.sleep(300);
        assertEquals(0, consumer.getStatistics().connects());
        try (PtyLink pty = PtyLink.open(serviceSide, meterSide);
             OutputStream meter = new FileOutputStream(meterSide.toFile())) {
            ServiceHome.await(Duration.ofSeconds(5), "the port open", () -> consumer.getStatistics().connects() == 1);
            byte[] t = new P1Simulator(P1Version.NORDIC_ESMR5, 1, START).next(Duration.ofSeconds(1));
            meter.write(t);
            meter.flush();
            awaitReceived(1);
            assertEquals(P1Version.NORDIC_ESMR5, received().get(0).getHeader(P1Constants.VERSION));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theBuiltInSimulatedMeterSendsOneReadingPerSecond() throws Exception {
        start("p1:sim");
        awaitReceived(2);
        List<Message> got = received();
        ElectricityReading first = got.get(0).getBody(ElectricityReading.class);
        ElectricityReading second = got.get(1).getBody(ElectricityReading.class);
        assertEquals(P1Version.DSMR_5, got.get(0).getHeader(P1Constants.VERSION));
        assertEquals(first.meterClock().plusSeconds(1), second.meterClock());
        assertTrue(second.importKwh().compareTo(first.importKwh()) >= 0);
        assertEquals("sim", got.get(0).getHeader(P1Constants.PORT));
    }

    @Test
    void aMalformedPortFailsAtStartSayingWhatWasExpected() {
        for (String[] c : new String[][] {{"p1:tcp:nohost", "expected tcp:host:port"},
            {"p1:sim:OTHER_WITH_CRC", "no simulated meter of version \"OTHER_WITH_CRC\""}}) {
            camel = new DefaultCamelContext();
            Exception e = assertThrows(Exception.class, () -> {
                camel.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from(c[0]).routeId("p1").to("log:x");
                    }
                });
                camel.start();
            });
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            assertTrue(root.getMessage().contains(c[1]), root.getMessage());
            camel.stop();
        }
    }

    @Test
    void aSilentConnectionIsClosedAndOpenedAgainAfterTheIdleTimeout() throws Exception {
        try (TcpBridge bridge = new TcpBridge(ServiceHome.freePort())) {
            bridge.start();
            P1Consumer consumer = start("p1:tcp:127.0.0.1:" + bridge.port() + "?idleTimeout=300&" + FAST_RECONNECT);
            bridge.awaitClient(5);
            // connected, but not a byte comes (a Wi-Fi dongle that rebooted behind a half-open connection)
            ServiceHome.await(Duration.ofSeconds(5), "the idle connection dropped and opened again",
                    () -> consumer.getStatistics().disconnects() >= 1 && consumer.getStatistics().connects() >= 2);
            assertEquals(0, consumer.getStatistics().telegrams());
        }
    }

    /** The meter time and 1-0:1.8.0 of a telegram, read with the test's own expressions. */
    private record Sent(LocalDateTime clock, BigDecimal importKwh) {
        static Sent of(byte[] telegram) {
            String t = new String(telegram, StandardCharsets.US_ASCII);
            return new Sent(LocalDateTime.parse(find(t, "0-0:1\\.0\\.0\\((\\d{12})[SW]\\)"), TST),
                    new BigDecimal(find(t, "1-0:1\\.8\\.0\\(([0-9.]+)\\*kWh\\)")));
        }

        private static String find(String text, String regex) {
            Matcher m = Pattern.compile(regex).matcher(text);
            assertTrue(m.find(), regex + " in " + text);
            return m.group(1);
        }
    }

    @Test
    void overTcpEveryGoodSmartyTelegramOnceInOrderWhileDamagedCutAndForeignFramesAreDropped() throws Exception {
        P1Cipher meterKeys = P1Cipher.smarty(KEY);
        P1Cipher otherMeter = P1Cipher.smarty("00000000000000000000000000000001");
        try (TcpBridge bridge = new TcpBridge(ServiceHome.freePort())) {
            bridge.start();
            P1Consumer consumer = start("p1:tcp:127.0.0.1:" + bridge.port() + "?decryptionKey=" + KEY
                    + "&" + FAST_RECONNECT);
            bridge.awaitClient(5);
            P1Simulator sim = new P1Simulator(P1Version.LUXEMBOURG_SMARTY, 3, START.withZoneSameLocal(ZoneId.of("Europe/Luxembourg")));
            long counter = 4711;
            List<Sent> good = new ArrayList<>();

            byte[] joined = meterKeys.encrypt(TITLE, counter++, sim.next(Duration.ofSeconds(10))).encode();
            bridge.write(Arrays.copyOfRange(joined, joined.length / 2, joined.length)); // joined mid-frame
            for (int i = 0; i < 9; i++) {
                byte[] plain = sim.next(Duration.ofSeconds(10));
                byte[] wire = (i == 6 ? otherMeter : meterKeys).encrypt(TITLE, counter++, plain).encode();
                switch (i) {
                    case 2 -> wire[100] ^= 0x04; // a line hit: the tag fails
                    case 4 -> wire = Arrays.copyOf(wire, 400); // cable pulled mid-frame: the line goes quiet
                    case 6 -> { } // another meter's frame: not our key
                    default -> good.add(Sent.of(plain));
                }
                bridge.write(wire);
                Thread.sleep(i == 4 ? 1500 : 5);
            }
            ServiceHome.await(Duration.ofSeconds(10), good.size() + " telegrams", () -> received().size() >= good.size());
            Thread.sleep(200); // nothing more may come
            List<Message> got = received();
            assertEquals(good.size(), got.size());
            for (int i = 0; i < good.size(); i++) {
                ElectricityReading r = assertInstanceOf(ElectricityReading.class, got.get(i).getBody());
                assertEquals(good.get(i).clock(), r.meterClock(), "telegram " + i);
                assertEquals(good.get(i).importKwh(), r.importKwh(), "telegram " + i);
                assertEquals(P1Version.LUXEMBOURG_SMARTY, got.get(i).getHeader(P1Constants.VERSION));
            }
            P1Statistics s = consumer.getStatistics();
            assertEquals(good.size(), s.telegrams());
            assertEquals(2, s.undecryptable(), s.toString());
            assertEquals(1, s.truncated(), s.toString());
            assertEquals(0, s.crcErrors(), s.toString());
            assertTrue(s.noiseBytes() >= joined.length / 2, s.toString());
        }
    }

    @Test
    void theSimulatedSmartySendsEncryptedFramesThatTheConsumerOpens() throws Exception {
        P1SimulatedPort port = P1SimulatedPort.of("sim:LUXEMBOURG_SMARTY", ZoneId.of("Europe/Luxembourg"),
                P1Cipher.smarty(KEY));
        port.open();
        byte[] head = new byte[11];
        assertEquals(11, port.read(head, 0, 11, Duration.ofSeconds(2).toNanos()));
        port.close();
        assertEquals(0xDB, head[0] & 0xFF);
        assertEquals("SAG", new String(head, 2, 3, StandardCharsets.US_ASCII));

        P1Consumer consumer = start("p1:sim:LUXEMBOURG_SMARTY?decryptionKey=" + KEY);
        ServiceHome.await(Duration.ofSeconds(10), "2 telegrams", () -> received().size() >= 2);
        assertEquals("SAG1030700026568", received().get(0).getHeader(P1Constants.EQUIPMENT_ID));
        assertEquals(0, consumer.getStatistics().undecryptable());
    }

    @Test
    void aMalformedKeyFailsAtStartWithoutShowingIt() {
        camel = new DefaultCamelContext();
        Exception e = assertThrows(Exception.class, () -> {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("p1:/dev/ttyUSB0?decryptionKey=5A8C1E0F3B7D29C4A6E1F0B3D5C7E9").routeId("p1").to("log:x");
                }
            });
            camel.start();
        });
        Throwable root = rootCause(e);
        assertEquals("decryptionKey must be 32 hex digits (a 16-byte AES key), found 30 characters", root.getMessage());
        assertFalse(root.getMessage().contains("5A8C"));
    }

    @Test
    void anEncryptedPortNeedsEightDataBits() {
        camel = new DefaultCamelContext();
        Exception e = assertThrows(Exception.class, () -> {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("p1:/dev/ttyUSB0?dataBits=7&parity=EVEN&decryptionKey=" + KEY).routeId("p1").to("log:x");
                }
            });
            camel.start();
        });
        Throwable root = rootCause(e);
        assertEquals("an encrypted port (decryptionKey set) sends bytes, not 7-bit characters: dataBits must be 8,"
                + " found 7", root.getMessage());
    }

    private static Throwable rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root;
    }
}
