package io.meterbridge.sim;

import io.meterbridge.kmp.KmpStuffing;
import io.meterbridge.link.Framing;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The optical eye of a {@link KmpMeter}: gathers the request frame from however many pieces it
 * arrives in (start byte 0x80 through stop byte 0x0D; stuffing keeps 0x0D out of the body) and
 * hands it to the meter with the time of day. It hears only 1200 Bd, KMP's speed; bytes at
 * another speed are noise to it.
 *
 * <p>Thread-safe.
 */
public final class KmpEye implements OpticalEye {

    /** The request start byte. */
    private static final int START = 0x80;
    /** Longer than any request (a GetRegister for eight registers is 24 bytes stuffed at most): noise. */
    private static final int MAX_REQUEST = 128;
    /** See {@link #standard}. */
    private static final long SERIAL = Long.parseLong(Integer.toHexString(SimBus.ID_403));

    private final KmpMeter meter;
    private final Clock clock;
    private final RandomFaults<Fault> randomFaults;
    private final ByteArrayOutputStream frame = new ByteArrayOutputStream(MAX_REQUEST);
    private boolean inFrame;

    /**
     * @param meter        the meter behind the eye
     * @param clock        the meter's time of day and of its counters
     * @param randomFaults faults striking a share of the answers, when no counted fault is pending
     */
    public KmpEye(KmpMeter meter, Clock clock, RandomFaults<Fault> randomFaults) {
        this.meter = meter;
        this.clock = clock;
        this.randomFaults = randomFaults;
    }

    /**
     * A MULTICAL 403-like meter switched on now, on the system clock, with the serial number of the
     * simulated M-Bus's MULTICAL 403 (its ID {@link SimBus#ID_403} read as decimal digits, as Kamstrup
     * prints both), so that read with {@code --model "MULTICAL 403"} it is the same meter as over M-Bus.
     */
    public static KmpEye standard(RandomFaults<Fault> randomFaults) {
        Clock clock = Clock.systemUTC();
        return new KmpEye(new KmpMeter(SERIAL, clock.instant(), ZoneId.of("Europe/Copenhagen")), clock, randomFaults);
    }

    /** The meter, e.g. to inject faults. */
    public KmpMeter meter() {
        return meter;
    }

    @Override
    public Framing listening() {
        return Framing.KMP;
    }

    @Override
    public synchronized List<Burst> hear(byte[] bytes, Framing framing) {
        List<Burst> out = new ArrayList<>(1);
        if (framing.baud() != Framing.KMP.baud()) {
            reset();
            return out;
        }
        for (byte x : bytes) {
            int b = x & 0xFF;
            if (!inFrame) {
                if (b == START) {
                    inFrame = true;
                    frame.reset();
                    frame.write(b);
                }
                continue;
            }
            frame.write(b);
            if (b == KmpStuffing.STOP) {
                inFrame = false;
                answer(frame.toByteArray(), clock.instant(), out);
            } else if (frame.size() > MAX_REQUEST) {
                reset();
            }
        }
        return out;
    }

    private void answer(byte[] request, Instant now, List<Burst> out) {
        if (meter.pendingFaults() == 0) {
            randomFaults.roll().ifPresent(f -> meter.inject(f, 1));
        }
        KmpMeter.Reply reply = meter.answer(request, now);
        if (!reply.isSilent()) {
            out.add(new Burst(reply.bytes(), Framing.KMP, reply.delay()));
        }
    }

    @Override
    public synchronized void reset() {
        inFrame = false;
        frame.reset();
    }

    @Override
    public String describe() {
        return "KMP heat meter (MULTICAL 403-like), serial " + meter.serialNumber();
    }
}
