package io.meterbridge.camel.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.camel.CamelContext;

/**
 * Which shared buses this instance polls and which it leaves to another, by election name, for
 * the status page: where several instances share buses, the first question is "who has it?".
 *
 * @param instance this instance's name ({@code cluster.instance})
 * @param polls the buses whose election it leads
 * @param waits the buses another instance polls (or none, while ZooKeeper is away)
 */
public record ClusterRoles(String instance, List<String> polls, List<String> waits) {

    public ClusterRoles {
        polls = List.copyOf(polls);
        waits = List.copyOf(waits);
    }

    /** The roles now, or empty when the instance shares no buses ({@code cluster.zookeeper} blank). */
    public static Optional<ClusterRoles> of(CamelContext ctx) {
        BusElections elections = ctx.hasService(BusElections.class);
        if (elections == null) {
            return Optional.empty();
        }
        List<String> polls = new ArrayList<>();
        List<String> waits = new ArrayList<>();
        for (String bus : elections.getNamespaces().stream().sorted().toList()) {
            (elections.isLeader(bus) ? polls : waits).add(bus);
        }
        return Optional.of(new ClusterRoles(elections.getId(), polls, waits));
    }
}
