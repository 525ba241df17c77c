package io.meterbridge.camel.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.apache.camel.cluster.CamelClusterMember;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.support.cluster.AbstractCamelClusterView;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.leader.LeaderLatch;
import org.apache.curator.framework.recipes.leader.LeaderLatchListener;
import org.apache.curator.framework.recipes.leader.Participant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One bus's election: Curator's {@link LeaderLatch} under {@code /<cluster.namespace>/<bus>}.
 * The latch gives up the leadership as soon as the connection to ZooKeeper is suspended (its
 * default error policy), before the session can expire and another instance win: an instance
 * that cannot see ZooKeeper stops polling first. Every change goes to Camel's
 * {@code ClusteredRoutePolicy}, which starts or stops the bus's routes.
 */
final class BusElection extends AbstractCamelClusterView {

    private static final Logger LOG = LoggerFactory.getLogger(BusElection.class);

    private final Supplier<CuratorFramework> curator;
    private final Member local;
    private volatile LeaderLatch latch;

    BusElection(CamelClusterService service, Supplier<CuratorFramework> curator, String bus) {
        super(service, bus);
        this.curator = curator;
        this.local = new Member(service.getId(), true);
    }

    @Override
    protected void doStart() throws Exception {
        LeaderLatch l = new LeaderLatch(curator.get(), "/" + getNamespace(), local.id, LeaderLatch.CloseMode.NOTIFY_LEADER);
        l.addListener(new LeaderLatchListener() {
            @Override
            public void isLeader() {
                LOG.info("cluster: {} polls {} now", local.id, getNamespace());
                fireLeadershipChangedEvent(local);
            }

            @Override
            public void notLeader() {
                LOG.info("cluster: {} no longer polls {}", local.id, getNamespace());
                fireLeadershipChangedEvent(Optional.empty());
            }
        });
        latch = l;
        l.start();
    }

    @Override
    protected void doStop() throws Exception {
        LeaderLatch l = latch;
        latch = null;
        if (l != null) {
            l.close(); // NOTIFY_LEADER: notLeader() stops the routes before the node goes
        }
    }

    @Override
    public CamelClusterMember getLocalMember() {
        return local;
    }

    @Override
    public Optional<CamelClusterMember> getLeader() {
        LeaderLatch l = latch;
        if (l == null) {
            return Optional.empty();
        }
        if (l.hasLeadership()) {
            return Optional.of(local);
        }
        try {
            Participant p = l.getLeader();
            return p.isLeader() ? Optional.of(new Member(p.getId(), false)) : Optional.empty();
        } catch (Exception e) {
            return Optional.empty(); // ZooKeeper away: no one known to lead, certainly not this instance
        }
    }

    @Override
    public List<CamelClusterMember> getMembers() {
        LeaderLatch l = latch;
        List<CamelClusterMember> out = new ArrayList<>();
        if (l == null) {
            return out;
        }
        try {
            for (Participant p : l.getParticipants()) {
                out.add(p.getId().equals(local.id) ? local : new Member(p.getId(), false));
            }
        } catch (Exception e) {
            out.add(local);
        }
        return out;
    }

    /** An instance taking part in the election, by its {@code cluster.instance}. */
    private final class Member implements CamelClusterMember {
        private final String id;
        private final boolean local;

        Member(String id, boolean local) {
            this.id = id;
            this.local = local;
        }

        @Override
        public String getId() {
            return id;
        }

        @Override
        public boolean isLeader() {
            LeaderLatch l = latch;
            if (local) {
                return l != null && l.hasLeadership();
            }
            return getLeader().map(m -> m.getId().equals(id)).orElse(false);
        }

        @Override
        public boolean isLocal() {
            return local;
        }
    }
}
