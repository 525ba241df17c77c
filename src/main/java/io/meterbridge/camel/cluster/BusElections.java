package io.meterbridge.camel.cluster;

import org.apache.camel.support.cluster.AbstractCamelClusterService;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.ExponentialBackoffRetry;

/**
 * Camel's cluster service on ZooKeeper, one {@link BusElection} per bus, on one Curator client
 * whose session is the instance's presence: when it ends (the instance died, or lost ZooKeeper
 * for longer than {@code cluster.sessionTimeoutSeconds}), its elections pass to the others.
 *
 * <p>Why not {@code camel-zookeeper}'s {@code ZooKeeperClusterService}: its view keeps the
 * leadership when the connection to ZooKeeper is lost (after Curator interrupts the leader it
 * asks ZooKeeper who leads now, which fails while ZooKeeper is away, and never tells the route
 * policy), so the instance went on polling a bus that another instance had taken over: two
 * masters on one bus. {@code SharedBusesTest} shows it.
 */
final class BusElections extends AbstractCamelClusterService<BusElection> {

    private final ClusterSettings settings;
    private volatile CuratorFramework curator;

    BusElections(ClusterSettings settings) {
        super(settings.instance());
        this.settings = settings;
    }

    @Override
    protected void doStart() throws Exception {
        long session = settings.sessionTimeout().toMillis();
        curator = CuratorFrameworkFactory.builder()
                .connectString(settings.connectString())
                .namespace(settings.namespace())
                .sessionTimeoutMs((int) session)
                // within a session a lost connection is made again; the buses stay while it lasts
                .connectionTimeoutMs((int) Math.min(15_000, session))
                .retryPolicy(new ExponentialBackoffRetry(500, 29, 10_000))
                .build();
        // connects in the background: a ZooKeeper that is down leaves every shared bus unpolled, nothing else
        curator.start();
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop(); // the elections first: a clean stop hands each bus over at once
        if (curator != null) {
            curator.close();
        }
    }

    @Override
    protected BusElection createView(String namespace) {
        return new BusElection(this, () -> curator, namespace);
    }
}
