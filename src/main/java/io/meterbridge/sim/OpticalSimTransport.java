package io.meterbridge.sim;

import io.meterbridge.link.Framing;
import io.meterbridge.link.PortUnavailableException;
import io.meterbridge.link.TimedLine;
import io.meterbridge.link.Transport;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The in-process transport to a simulated meter's optical eye ({@code sim:kmp}, {@code sim:iec62056}):
 * no threads, no ports. What the master writes goes to the eye at once, at the framing the master
 * last set ({@link #reframe}, which this transport honours, because an IEC 62056-21 meter must know
 * the speed it is spoken to at); the eye's bursts are scheduled after their delays and handed out by
 * {@link #read} when their time has come, so a late answer really comes late.
 *
 * <p>Unpaced: a burst's bytes arrive together, for fast tests. A burst at a speed other than the one
 * the master listens at is held until the master switches to it, as a paced line would have given
 * the master the time to (an ULTRAHEAT's data block at 2400 Bd right behind its identification at
 * 300 Bd); it is dropped if the master discards its input first.
 */
public final class OpticalSimTransport implements Transport {

    private final OpticalEye eye;
    private final String name;
    private final TimedLine line = new TimedLine();
    /** Bursts at a speed the master does not listen at yet, each with the nanoTime it is due. */
    private final List<Held> held = new ArrayList<>();
    private volatile boolean open;
    private Framing framing;

    private record Held(OpticalEye.Burst burst, long due) {
    }

    /**
     * @param eye     the meter
     * @param framing the framing the port is opened at, until the master reframes it
     * @param name    the port name, for messages
     */
    public OpticalSimTransport(OpticalEye eye, Framing framing, String name) {
        this.eye = eye;
        this.framing = framing;
        this.name = name;
    }

    @Override
    public synchronized void open() {
        open = true;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public synchronized void write(byte[] bytes) throws PortUnavailableException {
        requireOpen();
        // unpaced, a burst takes no time: each one's delay counts from the one before it, the first's from now
        long t = System.nanoTime();
        for (OpticalEye.Burst b : eye.hear(bytes, framing)) {
            t += b.delay().toNanos();
            if (b.framing().baud() == framing.baud()) {
                schedule(b, t);
            } else {
                held.add(new Held(b, t));
            }
        }
    }

    private void schedule(OpticalEye.Burst b, long at) {
        for (byte x : b.bytes()) {
            line.schedule(at, x);
        }
    }

    /** Unpaced there is no wire time to wait: the preamble goes to the eye at once. */
    @Override
    public void wakeUp(int baud, java.time.Duration length) throws PortUnavailableException {
        write(Transport.wakeUpPreamble(baud, length));
    }

    /** Switches at once (nothing is ever queued unsent) and lets through what the meter sent at that speed. */
    @Override
    public synchronized boolean reframe(Framing f) throws PortUnavailableException {
        requireOpen();
        framing = f;
        long now = System.nanoTime();
        for (Iterator<Held> i = held.iterator(); i.hasNext(); ) {
            Held h = i.next();
            if (h.burst().framing().baud() == f.baud()) {
                schedule(h.burst(), Math.max(now, h.due()));
                i.remove();
            }
        }
        return true;
    }

    /** Not synchronized: waiting for an answer must not keep the master's own writes out. */
    @Override
    public int read(byte[] buffer, int offset, int length, long timeoutNanos) throws PortUnavailableException {
        requireOpen();
        return line.read(buffer, offset, length, timeoutNanos);
    }

    /** Drops what has arrived and what was held for another speed; a late answer still on its way stays. */
    @Override
    public synchronized void discardInput() throws PortUnavailableException {
        requireOpen();
        line.discardArrived();
        held.clear();
    }

    private void requireOpen() throws PortUnavailableException {
        if (!open) {
            throw new PortUnavailableException(name, "simulator transport is closed", "");
        }
    }

    @Override
    public synchronized String describe() {
        return name + " (in-process simulator, " + framing + ")";
    }

    @Override
    public synchronized void close() {
        open = false;
        line.clear();
        held.clear();
        eye.reset();
    }
}
