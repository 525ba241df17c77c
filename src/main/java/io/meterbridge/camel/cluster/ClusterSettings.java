package io.meterbridge.camel.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import io.meterbridge.camel.settings.Settings;

/**
 * The {@code cluster.*} settings (defaults in {@code meterbridge-defaults.properties}).
 *
 * @param servers        {@code cluster.zookeeper}: the ZooKeeper ensemble, {@code host:port} each;
 *                       empty when the instance runs alone
 * @param instance       {@code cluster.instance}: this instance's name, the host name unless set;
 *                       it is the member id in ZooKeeper and the {@code instance} of its readings
 * @param namespace      {@code cluster.namespace}: the ZooKeeper path ({@code /<namespace>}) under
 *                       which each bus has its election; instances with the same namespace share buses
 * @param sessionTimeout {@code cluster.sessionTimeoutSeconds}: how long ZooKeeper waits for an
 *                       instance that stopped answering before its buses go to another; an instance
 *                       that stops cleanly hands them over at once
 */
public record ClusterSettings(List<String> servers, String instance, String namespace, Duration sessionTimeout) {

    public ClusterSettings {
        servers = List.copyOf(servers);
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(namespace, "namespace");
    }

    /** True if instances share buses through ZooKeeper. */
    public boolean clustered() {
        return !servers.isEmpty();
    }

    /** The connect string Curator takes. */
    public String connectString() {
        return String.join(",", servers);
    }

    /** Reads the settings through {@code property} (null for a key not set or blank). */
    public static ClusterSettings from(Function<String, String> property) {
        String zk = property.apply("cluster.zookeeper");
        String instance = property.apply("cluster.instance");
        return new ClusterSettings(zk == null ? List.of() : Settings.zookeeperServers(zk),
                instance == null ? hostName() : instance.trim(), property.apply("cluster.namespace").trim(),
                Duration.ofSeconds(Integer.parseInt(property.apply("cluster.sessionTimeoutSeconds").trim())));
    }

    /** This machine's host name, reduced to letters, digits and {@code -}: the default of instance names and client ids. */
    public static String hostName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "host";
        }
        String clean = host.replaceAll("[^A-Za-z0-9-]", "");
        return clean.isEmpty() ? "host" : clean;
    }
}
