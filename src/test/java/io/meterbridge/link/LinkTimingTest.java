package io.meterbridge.link;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The EN 13757-2 figures of the protocol notes' timing table. */
class LinkTimingTest {

    @Test
    void replyWindowIs330BitTimesPlus50Ms() {
        assertEquals(1_150_000_000L, new LinkTiming(300, Duration.ZERO).standardReplyDelayNanos());
        assertEquals(187_500_000L, new LinkTiming(2400, Duration.ZERO).standardReplyDelayNanos());
        assertEquals(84_375_000L, new LinkTiming(9600, Duration.ZERO).standardReplyDelayNanos());
    }

    @Test
    void replyTimeoutAddsTransmissionTimeAndLatency() {
        LinkTiming t = new LinkTiming(2400, Duration.ofMillis(50));
        assertEquals(4_583_333L, t.charNanos());
        // 261-byte frame: 1.196 s on the wire, + 187.5 ms + 50 ms
        assertEquals(187_500_000L + 50_000_000L + 261 * 4_583_333L, t.replyTimeout(261).toNanos());
        assertEquals(237_500_000L, t.firstByteTimeoutNanos());
    }

    @Test
    void busSettingsDefaults() {
        BusSettings s = BusSettings.of("/dev/ttyUSB0");
        assertEquals(2400, s.baud());
        assertEquals(Parity.EVEN, s.parity());
        assertEquals(2, s.retries());
        assertEquals(Duration.ofMillis(50), s.adapterLatency());
        assertEquals(Duration.ZERO, BusSettings.of("sim").adapterLatency());
        assertEquals(Duration.ofMillis(237), Duration.ofMillis(s.timing().firstByteTimeoutNanos() / 1_000_000));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> s.withBaud(115200));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> s.withRetries(-1));
        assertEquals(Parity.NONE, Parity.parse("N"));
    }
}
