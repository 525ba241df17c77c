package io.meterbridge.camel.testing;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real Kafka broker in the test JVM: Kafka's own server ({@code kafka_2.13}, the release whose
 * {@code kafka-clients} camel-kafka brings) in KRaft mode, broker and controller in one node, on a
 * free loopback port. Its log directory is formatted once, so {@link #stop} and {@link #start}
 * again keep the topics and records on the same port, as a broker restarted by its operator does.
 * Sized for a small machine: one network and one I/O thread, {@value #PARTITIONS} partitions per
 * topic, 1 MiB segments, no log cleaner.
 */
public final class KafkaBroker implements AutoCloseable {

    /** Partitions of every topic the broker creates on first use: more than one, so the key matters. */
    public static final int PARTITIONS = 3;

    private final Path logDir;
    private final int port;
    private final int controllerPort;
    private KafkaRaftServer server;

    public KafkaBroker(Path folder) throws Exception {
        this.logDir = folder.toAbsolutePath().resolve("kraft-logs");
        this.port = ServiceHome.freePort();
        this.controllerPort = ServiceHome.freePort();
        Files.createDirectories(logDir);
        // what kafka-storage.sh format does: the node's meta.properties and the cluster's bootstrap metadata
        new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setClusterId(Uuid.randomUuid().toString())
                .setNodeId(1)
                .setControllerListenerName("CONTROLLER")
                .setMetadataLogDirectory(logDir.toString())
                .setDirectories(Set.of(logDir.toString()))
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                .run();
    }

    /** The bootstrap servers, {@code 127.0.0.1:PORT}: the value of {@code kafka.brokers}. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Starts the broker (again, on the same ports and log directory) and waits until it serves metadata. */
    public void start() throws Exception {
        server = new KafkaRaftServer(new KafkaConfig(config(), false), Time.SYSTEM);
        server.startup();
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        try (Admin a = Admin.create(admin)) {
            ServiceHome.await(Duration.ofSeconds(60), "the Kafka broker on " + port + " to register", () -> {
                try {
                    return !a.describeCluster().nodes().get().isEmpty();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                } catch (java.util.concurrent.ExecutionException e) {
                    return false;
                }
            });
        }
    }

    /** Creates {@code topic} with {@code partitions} partitions, as an operator of a cluster without auto-creation does. */
    public void createTopic(String topic, int partitions) throws Exception {
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        try (Admin a = Admin.create(admin)) {
            a.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        }
    }

    /** Stops the broker as a controlled shutdown does; its topics and records stay in the log directory. */
    public void stop() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    private Properties config() {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        p.put("num.partitions", Integer.toString(PARTITIONS));
        // one node: every internal topic with one replica, and small
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        // a modest footprint on a 2-core machine: few threads, small segments and indexes, no
        // cleaner (its dedupe buffer alone is 128 MiB)
        p.put("num.network.threads", "1");
        p.put("num.io.threads", "2");
        p.put("background.threads", "2");
        p.put("num.recovery.threads.per.data.dir", "1");
        p.put("log.segment.bytes", Integer.toString(1024 * 1024));
        p.put("log.index.size.max.bytes", Integer.toString(64 * 1024));
        p.put("log.cleaner.enable", "false");
        p.put("controlled.shutdown.enable", "true");
        return p;
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return "Kafka broker " + bootstrapServers();
    }
}
