package io.meterbridge.camel.p1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meterbridge.camel.testing.ServiceHome;
import io.meterbridge.meter.ElectricityReading;
import io.meterbridge.p1.P1Cipher;
import io.meterbridge.p1.P1Version;
import io.meterbridge.sim.P1Simulator;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
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
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code p1:} consumer on the encrypted stream of a Luxembourg Smarty meter, over a real TCP
 * connection: each telegram arrives once, in order, decrypted; damaged, cut and foreign frames are
 * counted and never delivered.
 */
class P1EncryptedConsumerTest {

    private static final String KEY = "5A8C1E0F3B7D29C4A6E1F0B3D5C7E9A1";
    private static final byte[] TITLE = "SAG\u0010\u0030\u0037\u0000\u0001".getBytes(StandardCharsets.ISO_8859_1);
    private static final ZonedDateTime START = ZonedDateTime.of(2026, 11, 21, 12, 0, 0, 0, ZoneId.of("Europe/Luxembourg"));
    private static final DateTimeFormatter TST = DateTimeFormatter.ofPattern("yyMMddHHmmss");

    private CamelContext camel;
    private final List<Message> received = new ArrayList<>();

    @AfterEach
    void stopCamel() {
        if (camel != null) {
            camel.stop();
        }
    }

    private P1Consumer start(String uri) throws Exception {
        camel = new DefaultCamelContext();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("p1").process(e -> {
                    synchronized (received) {
                        received.add(e.getMessage().copy());
                    }
                });
            }
        });
        camel.start();
        return (P1Consumer) camel.getRoute("p1").getConsumer();
    }

    private List<Message> received() {
        synchronized (received) {
            return List.copyOf(received);
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
                    + "&reconnectDelay=50&maxReconnectDelay=200");
            bridge.awaitClient(5);
            P1Simulator sim = new P1Simulator(P1Version.LUXEMBOURG_SMARTY, 3, START);
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
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
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
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        assertEquals("an encrypted port (decryptionKey set) sends bytes, not 7-bit characters: dataBits must be 8,"
                + " found 7", root.getMessage());
    }
}
