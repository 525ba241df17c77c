package io.meterbridge.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.meterbridge.link.BusMaster;
import io.meterbridge.link.BusSettings;
import io.meterbridge.link.LongFrame;
import io.meterbridge.link.MeterAddress;
import io.meterbridge.link.NoReplyException;
import org.junit.jupiter.api.Test;

/**
 * M-Bus through a meter's optical eye: the meter sleeps until a preamble of 0x55 bytes wakes it
 * (the simulator counts them as a real eye's receiver would see them), and the bus master sends
 * that preamble before every request when {@code wakeUp} is set.
 */
class OpticalWakeUpTest {

    /** One MULTICAL 303 whose eye needs 2 s of preamble at 2400 Bd 8N1 (480 bytes). */
    private static SimBus sleepyMeter() {
        SimBus bus = SimBus.standard(Clock.systemUTC());
        bus.remove(bus.meterAt(89));
        bus.meterAt(1).requireWakeUp(480);
        return bus;
    }

    private static BusMaster master(SimBus bus, Duration wakeUp) {
        BusSettings settings = BusSettings.of("sim").withRetries(0).withWakeUp(wakeUp);
        return new BusMaster(settings, new SimTransport(bus, false, settings.baud(), "sim"));
    }

    @Test
    void aSleepingEyeDoesNotAnswerWithoutTheWakeUp() {
        try (BusMaster master = master(sleepyMeter(), Duration.ZERO)) {
            NoReplyException e = assertThrows(NoReplyException.class, () -> master.readMeter(new MeterAddress.Primary(254)));
            assertTrue(e.getMessage().contains("254"), e.getMessage());
        }
    }

    @Test
    void aWakeUpLongEnoughReadsTheMeterAtTheAddressEveryMeterAnswers() throws Exception {
        try (BusMaster master = master(sleepyMeter(), Duration.ofMillis(2200))) {
            List<LongFrame> frames = master.readMeter(new MeterAddress.Primary(254));
            assertEquals(1, frames.get(0).address(), "the meter answers with its own primary address");
            assertEquals("82937133", frames.get(0).secondaryAddress().idText());
            // again: the preamble goes before every request, and the eye sleeps in between
            assertEquals(frames.get(0).secondaryAddress(), master.readMeter(new MeterAddress.Primary(254)).get(0).secondaryAddress());
        }
    }

    @Test
    void aWakeUpTooShortIsNoAnswer() {
        try (BusMaster master = master(sleepyMeter(), Duration.ofMillis(1000))) {
            assertThrows(NoReplyException.class, () -> master.readMeter(new MeterAddress.Primary(254)));
        }
    }

    @Test
    void theWakeUpIsBoundedSoThatSecondsForMillisecondsIsCaught() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BusSettings.of("sim").withWakeUp(Duration.ofSeconds(2200)));
        assertEquals("expected a wake-up of 0 to 10000 ms, found 2200000 ms", e.getMessage());
    }
}
