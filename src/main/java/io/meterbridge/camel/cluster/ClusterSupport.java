package io.meterbridge.camel.cluster;

import io.meterbridge.camel.reading.TakenBy;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sets up the {@code cluster.*} settings in a context, before its routes are made. */
public final class ClusterSupport {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterSupport.class);

    private ClusterSupport() {
    }

    /**
     * Binds the instance's name for its readings ({@link TakenBy}) when it has one of its own or
     * shares buses, and with {@code cluster.zookeeper} adds the elections on ZooKeeper ({@link BusElections}) and
     * {@link BusOwnership}. Nothing is connected here: the service connects when the context starts
     * and a route waits for its bus's election, so a ZooKeeper that is down keeps the shared buses
     * unpolled (each is polled by no instance rather than by two) and everything else running.
     */
    public static void install(CamelContext ctx, ClusterSettings settings, boolean instanceNamed) {
        if (instanceNamed || settings.clustered()) {
            ctx.getRegistry().bind(TakenBy.BEAN, new TakenBy(settings.instance()));
        }
        if (!settings.clustered()) {
            return;
        }
        BusElections elections = new BusElections(settings);
        try {
            ctx.addService(elections);
        } catch (Exception e) {
            throw new IllegalStateException("cannot add the bus elections on ZooKeeper " + settings.connectString()
                    + ": " + e.getMessage(), e);
        }
        ctx.addRoutePolicyFactory(new BusOwnership());
        LOG.info("cluster: instance {} shares its TCP buses with the others under /{} on ZooKeeper {}; each is polled by "
                + "one instance at a time", settings.instance(), settings.namespace(), settings.connectString());
    }
}
