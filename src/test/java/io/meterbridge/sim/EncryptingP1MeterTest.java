package io.meterbridge.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meterbridge.p1.Dropped;
import io.meterbridge.p1.EncryptedP1Framer;
import io.meterbridge.p1.P1Cipher;
import io.meterbridge.p1.P1Frame;
import io.meterbridge.p1.P1FramerEvent;
import io.meterbridge.p1.P1Parser;
import io.meterbridge.p1.P1Version;
import io.meterbridge.p1.Undecryptable;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class EncryptingP1MeterTest {

    private static final P1Cipher KEYS = P1Cipher.smarty("0F0E0D0C0B0A09080706050403020100");

    @Test
    void everyFaultStrikesTheEncryptedBytesAsOnARealLine() throws Exception {
        EncryptingP1Meter meter = new EncryptingP1Meter(new P1Simulator(P1Version.LUXEMBOURG_SMARTY, 5,
                ZonedDateTime.of(2026, 11, 21, 8, 0, 0, 0, ZoneId.of("Europe/Luxembourg"))), KEYS, 5);
        EncryptedP1Framer framer = new EncryptedP1Framer(KEYS, 4096);
        Duration step = Duration.ofSeconds(10);

        P1Frame good = assertInstanceOf(P1Frame.class, framer.feed(meter.next(step, P1Fault.NONE)).get(0));
        assertEquals(P1Version.LUXEMBOURG_SMARTY, P1Parser.parse(good).version());

        Undecryptable hit = assertInstanceOf(Undecryptable.class, framer.feed(meter.next(step, P1Fault.BAD_CRC)).get(0));
        assertTrue(hit.detail().contains("authentication tag does not match"), hit.detail());

        assertTrue(framer.feed(meter.next(step, P1Fault.TRUNCATED)).isEmpty());
        assertEquals(Dropped.Reason.TRUNCATED, assertInstanceOf(Dropped.class, framer.pause().get(0)).reason());

        List<P1FramerEvent> noisy = framer.feed(meter.next(step, P1Fault.NOISE));
        assertEquals(Dropped.Reason.NOISE, assertInstanceOf(Dropped.class, noisy.get(0)).reason());
        assertInstanceOf(P1Frame.class, noisy.get(1));

        assertEquals(2, framer.statistics().frames());
        assertEquals(1, framer.statistics().undecryptable());
        assertEquals(1, framer.statistics().truncated());
    }
}
