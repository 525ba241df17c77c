package io.meterbridge.camel.p1;

import io.meterbridge.link.PortUnavailableException;
import io.meterbridge.link.Transport;
import io.meterbridge.p1.P1Cipher;
import io.meterbridge.p1.P1Version;
import io.meterbridge.sim.EncryptingP1Meter;
import io.meterbridge.sim.P1Fault;
import io.meterbridge.sim.P1Simulator;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The built-in simulated meter, {@code p1:sim} (DSMR 5) or {@code p1:sim:<version>}
 * ({@code DSMR_2_OR_3}, {@code DSMR_4}, {@code DSMR_5}, {@code BELGIUM_E_MUCS},
 * {@code LUXEMBOURG_SMARTY}, {@code NORDIC_ESMR5}), so electricity readings can be seen without
 * hardware. Telegrams come at the version's own pace: every 10 s for DSMR 2.2/3/4, every second
 * for the others, with values that move like a household's ({@link P1Simulator}). With a cipher
 * (the endpoint's decryptionKey) it encrypts them as a Smarty meter does ({@link EncryptingP1Meter}).
 */
final class P1SimulatedPort implements Transport {

    private final P1Version version;
    private final Duration interval;
    private final ZoneId zone;
    private final P1Cipher cipher;
    private P1Simulator meter;
    private EncryptingP1Meter encrypting;
    private long nextDue;
    private byte[] pending = new byte[0];
    private int pendingOffset;

    private P1SimulatedPort(P1Version version, ZoneId zone, P1Cipher cipher) {
        this.cipher = cipher;
        this.version = version;
        this.interval = version == P1Version.DSMR_2_OR_3 || version == P1Version.DSMR_4
                ? Duration.ofSeconds(10) : Duration.ofSeconds(1);
        this.zone = zone;
    }

    /**
     * The simulated meter a port names.
     *
     * @param cipher the keys to encrypt with, or null for plain telegrams
     * @throws PortUnavailableException for a version the simulator does not emit, naming those it does
     */
    static P1SimulatedPort of(String port, ZoneId zone, P1Cipher cipher) throws PortUnavailableException {
        String v = port.equals("sim") ? "DSMR_5" : port.substring(4).toUpperCase(Locale.ROOT);
        try {
            P1Version version = P1Version.valueOf(v);
            new P1Simulator(version, 1, ZonedDateTime.now(zone)); // rejects the OTHER_* versions
            return new P1SimulatedPort(version, zone, cipher);
        } catch (IllegalArgumentException e) {
            throw new PortUnavailableException(port, "no simulated meter of version \"" + v + "\"",
                    "use sim or sim:DSMR_2_OR_3, sim:DSMR_4, sim:DSMR_5, sim:BELGIUM_E_MUCS, sim:LUXEMBOURG_SMARTY,"
                            + " sim:NORDIC_ESMR5");
        }
    }

    @Override
    public synchronized void open() {
        if (meter == null) {
            meter = new P1Simulator(version, System.nanoTime(), ZonedDateTime.now(zone).withNano(0));
            encrypting = cipher == null ? null : new EncryptingP1Meter(meter, cipher, System.nanoTime());
            nextDue = System.nanoTime();
        }
    }

    @Override
    public synchronized boolean isOpen() {
        return meter != null;
    }

    @Override
    public void write(byte[] bytes) {
        // the meter ignores what is sent to it, as a P1 port does
    }

    @Override
    public int read(byte[] buffer, int offset, int length, long timeoutNanos) throws PortUnavailableException {
        long deadline = System.nanoTime() + timeoutNanos;
        synchronized (this) {
            if (meter == null) {
                throw new PortUnavailableException("sim", "port is not open", "");
            }
            if (pendingOffset == pending.length) {
                long wait = nextDue - System.nanoTime();
                if (wait > 0) {
                    long sleep = Math.min(wait, deadline - System.nanoTime());
                    if (sleep > 0) {
                        try {
                            TimeUnit.NANOSECONDS.timedWait(this, sleep);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return 0;
                        }
                    }
                    if (nextDue - System.nanoTime() > 0) {
                        return 0;
                    }
                }
                pending = encrypting != null ? encrypting.next(interval, P1Fault.NONE) : meter.next(interval);
                pendingOffset = 0;
                nextDue += interval.toNanos();
            }
            int n = Math.min(length, pending.length - pendingOffset);
            System.arraycopy(pending, pendingOffset, buffer, offset, n);
            pendingOffset += n;
            return n;
        }
    }

    @Override
    public synchronized void discardInput() {
        pendingOffset = pending.length;
    }

    @Override
    public String describe() {
        return "a simulated " + version + " meter, one " + (cipher != null ? "encrypted " : "") + "telegram every "
                + interval.toSeconds() + " s";
    }

    @Override
    public synchronized void close() {
        meter = null;
        encrypting = null;
        pending = new byte[0];
        pendingOffset = 0;
        notifyAll();
    }
}
