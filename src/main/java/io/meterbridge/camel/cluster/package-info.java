/**
 * Several instances sharing buses: Camel's cluster API, with each bus's election on Curator's
 * {@code LeaderLatch} ({@link io.meterbridge.camel.cluster.BusElections}), and Camel's
 * {@code ClusteredRoutePolicy}, applied by {@link io.meterbridge.camel.cluster.BusOwnership} to
 * every route that reads a bus over the network, so that each such bus is polled by one
 * instance at a time and moves to another when that instance dies. The coordination is
 * ZooKeeper's; nothing here votes, leases or heartbeats by itself. Off unless
 * {@code cluster.zookeeper} is set.
 */
package io.meterbridge.camel.cluster;
