package io.meterbridge.link;

import java.util.ArrayList;
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
    private final TimedLine line = new TimedLine();
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
                line.schedule(t, b);
            }
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length, long timeoutNanos) {
        return line.read(buffer, offset, length, timeoutNanos);
    }

    @Override
    public void discardInput() {
        line.discardArrived();
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
