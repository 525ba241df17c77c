package io.meterbridge.sim;

import io.meterbridge.link.Frame;
import io.meterbridge.link.LinkTiming;
import io.meterbridge.link.PortUnavailableException;
import io.meterbridge.link.Transport;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

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
    /** Scheduled answer bytes: arrival time (nanoTime) and value, in arrival order. */
    private final Deque<long[]> line = new ArrayDeque<>();
    private boolean open;
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
        for (Frame request : assembler.add(bytes, 0, bytes.length)) {
            SimBus.Answer answer = bus.handle(request, timing.baud());
            if (answer == null) {
                continue;
            }
            long t = requestEnd + answer.lateNanos()
                    + (paced ? bus.replyDelayBits() * 1_000_000_000L / timing.baud() : 0);
            for (byte b : answer.bytes()) {
                if (paced) {
                    t += timing.charNanos();
                }
                schedule(t, b);
            }
        }
        notifyAll();
    }

    private void schedule(long time, byte b) {
        // Keep arrival order; a late answer may be overtaken by a later one (as on a real line it would collide).
        if (line.isEmpty() || line.peekLast()[0] <= time) {
            line.addLast(new long[] {time, b & 0xFF});
            return;
        }
        Deque<long[]> tail = new ArrayDeque<>();
        while (!line.isEmpty() && line.peekLast()[0] > time) {
            tail.addFirst(line.pollLast());
        }
        line.addLast(new long[] {time, b & 0xFF});
        line.addAll(tail);
    }

    @Override
    public synchronized int read(byte[] buffer, int offset, int length, long timeoutNanos)
            throws PortUnavailableException {
        requireOpen();
        long deadline = System.nanoTime() + timeoutNanos;
        while (true) {
            long now = System.nanoTime();
            int n = 0;
            while (n < length && !line.isEmpty() && line.peekFirst()[0] <= now) {
                buffer[offset + n++] = (byte) line.pollFirst()[1];
            }
            if (n > 0) {
                return n;
            }
            long until = line.isEmpty() ? deadline : Math.min(deadline, line.peekFirst()[0]);
            long wait = until - now;
            if (now >= deadline) {
                return 0;
            }
            if (wait > 0) {
                try {
                    long ms = wait / 1_000_000;
                    wait(ms, (int) (wait % 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return 0;
                }
            }
        }
    }

    @Override
    public synchronized void discardInput() {
        long now = System.nanoTime();
        while (!line.isEmpty() && line.peekFirst()[0] <= now) {
            line.pollFirst();
        }
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
