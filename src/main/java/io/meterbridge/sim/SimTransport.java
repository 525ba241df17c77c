package io.meterbridge.sim;

import io.meterbridge.link.Frame;
import io.meterbridge.link.LinkTiming;
import io.meterbridge.link.PortUnavailableException;
import io.meterbridge.link.TimedLine;
import io.meterbridge.link.Transport;

import java.time.Duration;

/**
 * The in-process transport to a {@link SimBus}: no threads, no ports. A request is handed to
 * the bus as it is written; the answer's bytes are scheduled at the times they would arrive
 * on a real line and {@link #read} hands them out when their time has come.
 *
 * <p>Paced, a request takes its wire time (11 bits per character), the slave waits its reply
 * delay, and each answer byte arrives one character time after the previous — realistic
 * timings for benchmarks. Unpaced, answers are there at once (only late-answer faults wait),
 * for fast tests.
 */
public final class SimTransport implements Transport {

    private final SimBus bus;
    private final boolean paced;
    private final LinkTiming timing;
    private final String name;
    private final FrameAssembler assembler = new FrameAssembler();
    /** Scheduled answer bytes. */
    private final TimedLine line = new TimedLine();
    private volatile boolean open;
    private long busyUntil;

    public SimTransport(SimBus bus, boolean paced, int baud, String name) {
        this.bus = bus;
        this.paced = paced;
        this.timing = new LinkTiming(baud, Duration.ZERO);
        this.name = name;
    }

    @Override
    public synchronized void open() {
        open = true;
    }

    @Override
    public synchronized boolean isOpen() {
        return open;
    }

    @Override
    public synchronized void write(byte[] bytes) throws PortUnavailableException {
        requireOpen();
        long now = System.nanoTime();
        long start = Math.max(now, busyUntil);
        long requestEnd = paced ? start + timing.wireNanos(bytes.length) : now;
        busyUntil = requestEnd;
        for (FrameAssembler.Request received : assembler.add(bytes, 0, bytes.length)) {
            Frame request = received.frame();
                SimBus.Answer answer = bus.handle(request, timing.baud(), received.preamble());
            if (answer == null) {
                continue;
            }
            long t = requestEnd + answer.lateNanos()
                    + (paced ? bus.replyDelayBits() * 1_000_000_000L / timing.baud() : 0);
            for (byte b : answer.bytes()) {
                if (paced) {
                    t += timing.charNanos();
                }
                line.schedule(t, b);
            }
        }
    }

    /** The preamble goes to the meters' receiver; unpaced, without waiting its wire time. */
    @Override
    public void wakeUp(int baud, Duration length) throws PortUnavailableException {
        if (paced) {
            Transport.super.wakeUp(baud, length);
        } else {
            write(Transport.wakeUpPreamble(baud, length));
        }
    }

    /** Not synchronized: waiting for an answer must not keep the bus from handling a write. */
    @Override
    public int read(byte[] buffer, int offset, int length, long timeoutNanos) throws PortUnavailableException {
        requireOpen();
        return line.read(buffer, offset, length, timeoutNanos);
    }

    @Override
    public void discardInput() {
        line.discardArrived();
    }

    private void requireOpen() throws PortUnavailableException {
        if (!open) {
            throw new PortUnavailableException(name, "simulator transport is closed", "");
        }
    }

    @Override
    public String describe() {
        return name + " (in-process simulator, " + timing.baud() + " Bd, " + (paced ? "paced" : "unpaced") + ")";
    }

    @Override
    public synchronized void close() {
        open = false;
        line.clear();
        assembler.reset();
    }
}
