package io.meterbridge.link;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One {@link BusMaster} per port, shared by every route and meter on it and reference counted:
 * the first {@link #acquire} opens it, the last lease's close closes it. Two masters on one port
 * would interleave frames on the wire; the registry makes that impossible for its owner (the
 * {@code mbus:} component of a Camel context: one per service).
 */
public final class Buses {

    private final Map<String, Entry> buses = new HashMap<>();

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
    public synchronized BusLease acquire(BusSettings settings) throws PortUnavailableException {
        String key = settings.port();
        Entry e = buses.get(key);
        if (e == null) {
            e = new Entry(BusMaster.open(settings));
            buses.put(key, e);
        } else {
            BusSettings s = e.master.settings();
            if (s.baud() != settings.baud() || s.parity() != settings.parity()) {
                throw new IllegalStateException("bus " + key + " is already in use at " + s.baud() + " Bd "
                        + s.parity() + " parity; every route on one port must use the same baud rate and parity, found "
                        + settings.baud() + " Bd " + settings.parity());
            }
        }
        e.leases++;
        return new BusLease(this, key, e.master);
    }

    /**
     * The last lease closes the master while still holding the registry's lock, so that an
     * {@link #acquire} of the same port waits for the old master's exchange in flight to finish
     * instead of opening a second master beside it.
     */
    synchronized void releaseOnce(BusLease lease) {
        Entry e = buses.get(lease.key());
        if (e != null && e.master == lease.master()) {
            e.leases--;
            if (e.leases <= 0) {
                buses.remove(lease.key());
                e.master.close();
            }
        }
    }

    /** Number of leases on a port (0 if it is not open). */
    public synchronized int leases(String port) {
        Entry e = buses.get(port);
        return e == null ? 0 : e.leases;
    }

    /** The last frames on {@code port}'s master, oldest first; empty when none is open. Never opens a port. */
    public synchronized List<FrameExchange> recentFrames(String port) {
        Entry e = buses.get(port);
        return e == null ? List.of() : e.master.recentFrames();
    }

    /**
     * The counters of the master open on {@code port}, if one is; asked under the registry's lock,
     * so it neither takes a lease nor ever opens a port (a bus nobody uses has no counters).
     */
    public synchronized Optional<BusStatistics> statistics(String port) {
        Entry e = buses.get(port);
        return e == null ? Optional.empty() : Optional.of(e.master.statistics());
    }
}
