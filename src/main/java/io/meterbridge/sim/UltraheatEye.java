package io.meterbridge.sim;

import io.meterbridge.link.Framing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The optical eye of an {@link UltraheatMeter}: passes on what the master sends with its speed and
 * turns the meter's replies into bursts at the speed of each. The meter listens at 300 Bd 7E1 only
 * (it is back at 300 as soon as a data block is out), so that is what a server that cannot see the
 * line's speed assumes it hears.
 *
 * <p>The meter's clock is moved on by the real time since the last request when a request begins
 * (the {@code /} of {@code /?!}, which nothing else the master sends contains), so values move from
 * readout to readout. Each reply waits the 200 ms IEC 62056-21 gives a meter before it answers
 * (the reaction time with an upper-case third letter of the manufacturer, as in {@code LUG}); the
 * data block waits it too, after the meter switched its speed, which leaves the master time to
 * switch its own.
 *
 * <p>Thread-safe.
 */
public final class UltraheatEye implements OpticalEye {

    /** How long the meter waits before each reply. */
    public static final Duration REACTION = Duration.ofMillis(200);

    private final UltraheatMeter meter;
    private final Clock clock;
    private final RandomFaults<UltraheatFault> randomFaults;
    private Instant advanced;

    /**
     * @param meter        the meter behind the eye
     * @param clock        real time, by which the meter's clock is moved on between readouts
     * @param randomFaults faults striking a share of the readouts, when no counted fault of that kind is pending
     */
    public UltraheatEye(UltraheatMeter meter, Clock clock, RandomFaults<UltraheatFault> randomFaults) {
        this.meter = meter;
        this.clock = clock;
        this.randomFaults = randomFaults;
        this.advanced = clock.instant();
    }

    /** A UH50 counting GJ ({@link UltraheatMeter#uh50}) whose clock starts at the local time now, seed 1. */
    public static UltraheatEye standard(RandomFaults<UltraheatFault> randomFaults) {
        Clock clock = Clock.systemUTC();
        return new UltraheatEye(UltraheatMeter.uh50(1, LocalDateTime.now(ZoneId.systemDefault()).withNano(0)), clock,
                randomFaults);
    }

    /** The meter, e.g. to inject faults. */
    public UltraheatMeter meter() {
        return meter;
    }

    @Override
    public Framing listening() {
        return Framing.IEC62056_INITIAL;
    }

    @Override
    public synchronized List<Burst> hear(byte[] bytes, Framing framing) {
        List<Burst> out = new ArrayList<>(2);
        int from = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '/') {
                pass(bytes, from, i, framing, out);
                from = i;
                requestBegins();
            }
        }
        pass(bytes, from, bytes.length, framing, out);
        return out;
    }

    private void pass(byte[] bytes, int from, int to, Framing framing, List<Burst> out) {
        if (to <= from) {
            return;
        }
        byte[] part = java.util.Arrays.copyOfRange(bytes, from, to);
        for (UltraheatMeter.Reply r : meter.receive(part, framing.baud())) {
            out.add(new Burst(r.bytes(), Framing.IEC62056_INITIAL.withBaud(r.baudRate()), REACTION));
        }
    }

    private void requestBegins() {
        Instant now = clock.instant();
        Duration since = Duration.between(advanced, now);
        if (!since.isNegative() && !since.isZero()) {
            meter.advance(since);
            advanced = now;
        }
        randomFaults.roll().ifPresent(f -> {
            if (meter.pendingFaults(f) == 0) {
                meter.inject(f, 1);
            }
        });
    }

    /** The meter keeps its own state between bytes; a half-heard request ends with the next wake-up anyway. */
    @Override
    public void reset() {
        // nothing to forget here: the meter drops a broken request line itself
    }

    @Override
    public String describe() {
        return "IEC 62056-21 heat meter (Landis+Gyr ULTRAHEAT UH50-like)";
    }
}
