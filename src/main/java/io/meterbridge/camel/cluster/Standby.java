package io.meterbridge.camel.cluster;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.apache.camel.impl.cluster.ClusteredRoutePolicy;

/** What the bus elections mean for this instance's routes, for Home Assistant and the health checks. */
public final class Standby {

    private Standby() {
    }

    /** True for a route kept stopped by its bus's election, which another instance leads now. */
    public static boolean waiting(Route route) {
        return route.getRoutePolicyList().stream().anyMatch(p -> p instanceof ClusteredRoutePolicy c && !c.isLeader());
    }

    /**
     * True when this instance polls nothing because another polls each of its buses: some
     * route waits for its bus, and no route that reads a bus runs.
     */
    public static boolean only(CamelContext ctx) {
        boolean waits = false;
        for (Route r : ctx.getRoutes()) {
            if (waiting(r)) {
                waits = true;
            } else if (SharedBus.readsABus(r.getEndpoint())) {
                ServiceStatus s = ctx.getRouteController().getRouteStatus(r.getRouteId());
                if (s != null && s.isStarted()) {
                    return false;
                }
            }
        }
        return waits;
    }
}
