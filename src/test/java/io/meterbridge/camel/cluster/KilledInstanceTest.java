package io.meterbridge.camel.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterbridge.camel.testing.ServiceHome;
import io.meterbridge.sim.SimBus;
import io.meterbridge.sim.SimServer;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances as two processes on the JAR's own class path, sharing a simulated TCP gateway
 * through a real ZooKeeper: the one polling it is killed with SIGKILL (no clean stop, no
 * release of its election), and the other must poll the gateway once ZooKeeper has ended the
 * dead one's session.
 */
class KilledInstanceTest {

    private static final int SESSION_SECONDS = 4;

    @TempDir
    Path dir;

    private Path home(String name, String zk, int gateway) throws Exception {
        Path home = ServiceHome.shipped(Files.createDirectories(dir.resolve(name)));
        Files.writeString(home.resolve("application.properties"), """
                mbus.bus=tcp:127.0.0.1:%d
                mbus.addresses=1,89
                mbus.poll=500ms
                output.dir=data
                http.status.enabled=false
                cluster.zookeeper=%s
                cluster.instance=%s
                cluster.sessionTimeoutSeconds=%d
                """.formatted(gateway, zk, name, SESSION_SECONDS));
        return home;
    }

    @Test
    void theBusOfAKilledInstanceIsPolledByTheOtherOnceItsSessionEnds() throws Exception {
        Process a = null;
        Process b = null;
        try (TestingServer zk = new TestingServer(true);
                SimServer gateway = SimServer.tcp(0, true, SimBus.standard(Clock.systemUTC()), false, 2400)) {
            Path homeA = home("a", zk.getConnectString(), gateway.tcpPort());
            Path homeB = home("b", zk.getConnectString(), gateway.tcpPort());
            a = ServiceHome.startProcess(homeA);
            ServiceHome.await(Duration.ofSeconds(60), "a reads the gateway (" + homeA + "/out.log)",
                    () -> ServiceHome.readings(homeA).size() >= 2);
            b = ServiceHome.startProcess(homeB);
            Thread.sleep(5000); // b has started and waits for the bus
            assertEquals(List.of(), ServiceHome.readings(homeB), "b waits while a polls: " + Files.readString(homeB.resolve("out.log")));

            a.destroyForcibly(); // SIGKILL
            a.waitFor();
            Instant killed = Instant.now();
            ServiceHome.await(Duration.ofSeconds(SESSION_SECONDS + 30L), "b takes the gateway over (" + homeB + "/out.log)",
                    () -> !ServiceHome.readings(homeB).isEmpty());
            Instant first = Instant.parse(ServiceHome.readings(homeB).get(0).get("read_at").asText());
            Duration failover = Duration.between(killed, first);
            assertTrue(failover.compareTo(Duration.ofSeconds(SESSION_SECONDS + 15L)) < 0, "took " + failover);
            assertEquals(Set.of("a"), instances(ServiceHome.readings(homeA)));
            assertEquals(Set.of("b"), instances(ServiceHome.readings(homeB)));
            System.out.println("failover after kill -9: " + failover.toMillis() + " ms (session timeout " + SESSION_SECONDS + " s)");
        } finally {
            for (Process p : new Process[] {a, b}) {
                if (p != null) {
                    p.destroyForcibly();
                    p.waitFor();
                }
            }
        }
    }

    private static Set<String> instances(List<JsonNode> readings) {
        return readings.stream().map(r -> r.path("instance").asText("(none)")).collect(Collectors.toSet());
    }
}
