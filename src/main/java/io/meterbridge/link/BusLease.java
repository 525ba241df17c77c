package io.meterbridge.link;

/** A share of a {@link BusMaster} from {@link Buses#acquire}; closing it releases the share (idempotent). */
public final class BusLease implements AutoCloseable {

    private final String key;
    private final BusMaster master;
    private boolean released;

    BusLease(String key, BusMaster master) {
        this.key = key;
        this.master = master;
    }

    /** The shared master of the bus. */
    public BusMaster master() {
        return master;
    }

    String key() {
        return key;
    }

    @Override
    public synchronized void close() {
        if (!released) {
            released = true;
            Buses.releaseOnce(this);
        }
    }
}
