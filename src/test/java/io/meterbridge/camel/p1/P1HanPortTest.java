package io.meterbridge.camel.p1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.meterbridge.camel.testing.ServiceHome;
import io.meterbridge.meter.ElectricityReading;
import io.meterbridge.p1.dlms.HanFrames;
import org.apache.camel.CamelContext;
import org.apache.camel.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A HAN port through the real {@code p1:} endpoint over TCP: published Kamstrup Omnipower and
 * Aidon HDLC pushes (see {@code src/test/resources/dlms/README.md}), recognised by
 * {@code protocol=auto} and read into the same {@link ElectricityReading}s as DSMR telegrams.
 */
class P1HanPortTest {

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

    @Test
    void autoRecognisesHdlcPushesAfterNoiseAndReadsThemAsElectricityReadings() throws Exception {
        try (TcpBridge bridge = new TcpBridge(ServiceHome.freePort())) {
            bridge.start();
            P1Consumer consumer = start("p1:tcp:127.0.0.1:" + bridge.port() + "?reconnectDelay=50&maxReconnectDelay=200");
            bridge.awaitClient(5);
            bridge.write(new byte[] {0x13, 0x37, (byte) 0xA5}); // joined mid-frame
            bridge.write(HanFrames.KAMSTRUP_THREE_PHASE);
            Thread.sleep(20);
            bridge.write(HanFrames.AIDON_LIST_1);
            ServiceHome.await(Duration.ofSeconds(10), "two readings", () -> received().size() >= 2);
            ElectricityReading kamstrup = assertInstanceOf(ElectricityReading.class, received().get(0).getBody());
            assertEquals(0, new BigDecimal("0.826").compareTo(kamstrup.powerImportKw()), kamstrup.toString());
            ElectricityReading aidon = assertInstanceOf(ElectricityReading.class, received().get(1).getBody());
            assertEquals(0, new BigDecimal("7.482").compareTo(aidon.powerImportKw()), aidon.toString());
            assertEquals(2, consumer.getStatistics().telegrams());
            assertEquals(0, consumer.getStatistics().crcErrors());
        }
    }

    @Test
    void aFrameWithABadFcsIsDroppedAndCountedAndTheNextOneRead() throws Exception {
        try (TcpBridge bridge = new TcpBridge(ServiceHome.freePort())) {
            bridge.start();
            P1Consumer consumer = start("p1:tcp:127.0.0.1:" + bridge.port() + "?protocol=dlms");
            bridge.awaitClient(5);
            byte[] bad = HanFrames.KAMSTRUP_THREE_PHASE.clone();
            bad[bad.length - 2] ^= 0x01; // the FCS
            bridge.write(bad);
            bridge.write(HanFrames.KAMSTRUP_THREE_PHASE);
            ServiceHome.await(Duration.ofSeconds(10), "the good frame", () -> received().size() >= 1);
            Thread.sleep(200);
            assertEquals(1, received().size());
            assertTrue(consumer.getStatistics().parseErrors() >= 1, consumer.getStatistics().toString());
        }
    }

    @Test
    void aHanPortReadAsDsmrSaysWhatItCarries() throws Exception {
        Logger log = (Logger) LoggerFactory.getLogger(P1StreamReader.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        log.addAppender(logged);
        try (TcpBridge bridge = new TcpBridge(ServiceHome.freePort())) {
            bridge.start();
            start("p1:tcp:127.0.0.1:" + bridge.port() + "?protocol=dsmr");
            bridge.awaitClient(5);
            for (int i = 0; i < 40; i++) { // more than the 8 KiB after which the reader says what it sees
                bridge.write(HanFrames.KAMSTRUP_THREE_PHASE);
            }
            ServiceHome.await(Duration.ofSeconds(10), "the hint", () -> List.copyOf(logged.list).stream()
                    .anyMatch(e -> e.getFormattedMessage().contains("bytes arrived but no telegram: the meter pushes DLMS/COSEM"
                            + " in HDLC frames (0x7E 0xA...), a HAN port: leave protocol at auto or set protocol=dlms")));
            assertEquals(List.of(), received());
        } finally {
            log.detachAppender(logged);
        }
    }

    @Test
    void dlmsOnSevenDataBitsIsRefusedAtStart() {
        Exception e = assertThrows(Exception.class, () -> start("p1:tcp:127.0.0.1:1?protocol=dlms&dataBits=7&parity=even"));
        Throwable cause = e;
        while (cause.getCause() != null && !(cause instanceof IllegalArgumentException)) {
            cause = cause.getCause();
        }
        assertTrue(cause.getMessage().contains("protocol=dlms: HDLC frames are bytes, not 7-bit characters"), cause.getMessage());
    }
}
