package io.meterbridge.link;

/** A share of a {@link BusMaster} from {@link Buses#acquire}; closing it releases the share (idempotent). */
public final class BusLease implements AutoCloseable {

    private final Buses owner;
    private final String key;
    private final BusMaster master;
    private boolean released;

    BusLease(Buses owner, String key, BusMaster master) {
        this.owner = owner;
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
            owner.releaseOnce(this);
        }
    }
}
