package io.meterbridge.link;

import java.util.HashMap;
import java.util.Map;

/**
 * One {@link BusMaster} per port for the whole process, shared by every route and meter on it
 * and reference counted: the first {@link #acquire} opens it, the last lease's close closes it.
 * Two masters on one port would interleave frames on the wire; this registry makes that
 * impossible from inside one JVM.
 */
public final class Buses {

    private static final Map<String, Entry> BUSES = new HashMap<>();

    private Buses() {
    }

    private static final class Entry {
        final BusMaster master;
        int leases;

        Entry(BusMaster master) {
            this.master = master;
        }
    }

    /**
     * A lease on the master of {@code settings.port()}, created with these settings if none
     * exists yet.
     *
     * @throws IllegalStateException if the port is already open with a different baud rate or parity
     * @throws PortUnavailableException if no transport can be made for the port
     */
    public static synchronized BusLease acquire(BusSettings settings) throws PortUnavailableException {
        String key = settings.port();
        Entry e = BUSES.get(key);
        if (e == null) {
            e = new Entry(BusMaster.open(settings));
            BUSES.put(key, e);
        } else {
            BusSettings s = e.master.settings();
            if (s.baud() != settings.baud() || s.parity() != settings.parity()) {
                throw new IllegalStateException("bus " + key + " is already in use at " + s.baud() + " Bd "
                        + s.parity() + " parity; every route on one port must use the same baud rate and parity, found "
                        + settings.baud() + " Bd " + settings.parity());
            }
        }
        e.leases++;
        return new BusLease(key, e.master);
    }

    /**
     * The last lease closes the master while still holding the registry's lock, so that an
     * {@link #acquire} of the same port waits for the old master's exchange in flight to finish
     * instead of opening a second master beside it.
     */
    static synchronized void releaseOnce(BusLease lease) {
        Entry e = BUSES.get(lease.key());
        if (e != null && e.master == lease.master()) {
            e.leases--;
            if (e.leases <= 0) {
                BUSES.remove(lease.key());
                e.master.close();
            }
        }
    }

    /** Number of leases on a port (0 if it is not open). */
    public static synchronized int leases(String port) {
        Entry e = BUSES.get(port);
        return e == null ? 0 : e.leases;
    }
}
