package io.meterbridge.camel.cluster;

import org.apache.camel.support.cluster.AbstractCamelClusterService;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

    private static final Logger LOG = LoggerFactory.getLogger(BusElections.class);

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
        curator.getConnectionStateListenable().addListener((client, state) -> said(state));
        // connects in the background: a ZooKeeper that is down leaves every shared bus unpolled, nothing else
        curator.start();
        super.doStart();
    }

    /** One line per change of the connection, in place of the ZooKeeper client's stack trace a second. */
    private void said(ConnectionState state) {
        switch (state) {
            case CONNECTED -> LOG.info("cluster: connected to ZooKeeper {}", settings.connectString());
            case RECONNECTED -> LOG.info("cluster: reconnected to ZooKeeper {}; the shared buses are elected again",
                    settings.connectString());
            case SUSPENDED -> LOG.warn("cluster: lost ZooKeeper {}; this instance polls no shared bus until it is back",
                    settings.connectString());
            case LOST -> LOG.warn("cluster: the session with ZooKeeper {} ended; the other instances may have this "
                    + "instance's buses now", settings.connectString());
            default -> LOG.debug("cluster: ZooKeeper connection {}", state);
        }
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
