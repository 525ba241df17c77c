package io.meterbridge.link;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A line in memory: bytes scheduled to arrive at given {@link System#nanoTime()} instants and
 * handed out by {@link #read} once their time has come, as a UART would deliver them. The
 * in-process simulator transport and the link layer's scripted test transport share it.
 * Thread-safe: one side schedules while the other reads.
 */
public final class TimedLine {

    /** Arrival time (nanoTime) and value of each byte, in arrival order. */
    private final Deque<long[]> bytes = new ArrayDeque<>();

    /**
     * Schedules one byte. Arrival order is kept: a byte due earlier than those already queued
     * (a late answer overtaken by a later one, which on a real line would collide) goes before them.
     */
    public synchronized void schedule(long arrivalNanos, byte b) {
        long[] entry = {arrivalNanos, b & 0xFF};
        if (bytes.isEmpty() || bytes.peekLast()[0] <= arrivalNanos) {
            bytes.addLast(entry);
        } else {
            Deque<long[]> later = new ArrayDeque<>();
            while (!bytes.isEmpty() && bytes.peekLast()[0] > arrivalNanos) {
                later.addFirst(bytes.pollLast());
            }
            bytes.addLast(entry);
            bytes.addAll(later);
        }
        notifyAll();
    }

    /**
     * Copies the bytes that have arrived, waiting up to {@code timeoutNanos} for the first.
     *
     * @return how many were copied; 0 after the timeout or on interruption (the flag is kept)
     */
    public synchronized int read(byte[] buffer, int offset, int length, long timeoutNanos) {
        long deadline = System.nanoTime() + timeoutNanos;
        while (true) {
            long now = System.nanoTime();
            int n = 0;
            while (n < length && !bytes.isEmpty() && bytes.peekFirst()[0] <= now) {
                buffer[offset + n++] = (byte) bytes.pollFirst()[1];
            }
            if (n > 0) {
                return n;
            }
            if (now >= deadline) {
                return 0;
            }
            long wait = (bytes.isEmpty() ? deadline : Math.min(deadline, bytes.peekFirst()[0])) - now;
            try {
                wait(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 0;
            }
        }
    }

    /** Drops the bytes that have arrived; those still on their way stay. */
    public synchronized void discardArrived() {
        long now = System.nanoTime();
        while (!bytes.isEmpty() && bytes.peekFirst()[0] <= now) {
            bytes.pollFirst();
        }
    }

    /** Forgets every byte, arrived or not (the port was closed). */
    public synchronized void clear() {
        bytes.clear();
    }
}
