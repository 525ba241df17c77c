package io.meterbridge.link;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

/**
 * A transport whose answers a test scripts: for each request written, a function returns the
 * chunks (bytes and delay before them, in ms) the "line" delivers. Only for link-layer unit tests
 * of reader behaviour that the simulator cannot produce on purpose (bad length fields, stray bytes).
 */
final class ScriptedTransport implements Transport {

    record Chunk(long delayMillis, byte[] bytes) {
    }

    private final Function<byte[], List<Chunk>> script;
    private final Deque<long[]> line = new ArrayDeque<>();
    final List<byte[]> written = new ArrayList<>();
    private boolean open;

    ScriptedTransport(Function<byte[], List<Chunk>> script) {
        this.script = script;
    }

    @Override
    public void open() {
        open = true;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public synchronized void write(byte[] bytes) {
        written.add(bytes.clone());
        long t = System.nanoTime();
        for (Chunk c : script.apply(bytes)) {
            t += c.delayMillis() * 1_000_000L;
            for (byte b : c.bytes()) {
                line.add(new long[] {t, b & 0xFF});
            }
        }
    }

    @Override
    public synchronized int read(byte[] buffer, int offset, int length, long timeoutNanos) {
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
            if (now >= deadline) {
                return 0;
            }
            long until = line.isEmpty() ? deadline : Math.min(deadline, line.peekFirst()[0]);
            java.util.concurrent.locks.LockSupport.parkNanos(Math.max(until - now, 100_000));
        }
    }

    @Override
    public synchronized void discardInput() {
        long now = System.nanoTime();
        while (!line.isEmpty() && line.peekFirst()[0] <= now) {
            line.pollFirst();
        }
    }

    @Override
    public String describe() {
        return "scripted";
    }

    @Override
    public void close() {
        open = false;
    }
}
