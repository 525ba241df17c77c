package io.meterbridge.camel.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meterbridge.camel.service.MeterbridgeService;
import io.meterbridge.camel.settings.InvalidSettingsException;
import io.meterbridge.camel.status.StatusHttp;
import io.meterbridge.camel.testing.HiveMqBroker;
import io.meterbridge.camel.testing.ServiceHome;
import io.meterbridge.camel.testing.Subscriber;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Two instances sharing one bus through a real ZooKeeper (Curator's in-process server) and a
 * real broker, as two machines of a housing corporation would: the simulated bus stands for a
 * TCP gateway both reach. One polls it, the other waits; when the first stops, the second takes
 * the bus over, and Home Assistant sees one device per meter that stays available throughout.
 */
class SharedBusesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private MeterbridgeService instance(String name, String bus, String zk, String mqtt) throws Exception {
        return instance(name, bus, zk, mqtt, false);
    }

    /** With {@code reload}, route files edited while it runs are loaded again, as the service does. */
    private MeterbridgeService instance(String name, String bus, String zk, String mqtt, boolean reload) throws Exception {
        Map<String, String> o = new LinkedHashMap<>();
        o.put("mbus.bus", bus);
        o.put("mbus.poll", "300ms");
        o.put("http.status.port", "0");
        o.put("cluster.zookeeper", zk);
        o.put("cluster.instance", name);
        o.put("cluster.sessionTimeoutSeconds", "4");
        if (mqtt != null) {
            o.put("mqtt.url", mqtt);
            o.put("mqtt.clientId", "meterbridge-" + name);
            o.put("mqtt.availabilityTopic", "meterbridge/" + name + "/status");
            o.put("homeassistant.bridgeId", name);
        }
        return new MeterbridgeService(ServiceHome.shipped(Files.createDirectories(dir.resolve(name))), o, reload);
    }

    private List<JsonNode> readings(String name) {
        return ServiceHome.readings(dir.resolve(name));
    }

    @Test
    void oneInstancePollsTheBusTheOtherTakesItOverAndHomeAssistantSeesOneStableDevice() throws Exception {
        try (TestingServer zk = new TestingServer(true);
                HiveMqBroker broker = new HiveMqBroker(Files.createDirectories(dir.resolve("broker")))) {
            broker.start();
            try (Subscriber ha = new Subscriber(broker.url(), "watcher", "#")) {
                MeterbridgeService a = instance("a", "sim:shared-1", zk.getConnectString(), broker.url());
                MeterbridgeService b = instance("b", "sim:shared-1", zk.getConnectString(), broker.url());
                try {
                    a.start();
                    ServiceHome.await(Duration.ofSeconds(30), "a reads the bus", () -> readings("a").size() >= 2);
                    b.start();
                    int atB = readings("a").size();
                    ServiceHome.await(Duration.ofSeconds(30), "a reads on", () -> readings("a").size() >= atB + 6);
                    assertEquals(List.of(), readings("b"), "b waits while a polls the bus");
                    assertEquals(ServiceStatus.Stopped, b.context().getRouteController().getRouteStatus("heat-meters"));
                    assertEquals(Set.of("a"), instances(readings("a")), "every reading says which instance took it");
                    JsonNode ready = StatusHttp.check(StatusHttp.of(b.context()).json("/health/ready"), "readings");
                    assertEquals("UP", ready.get("status").asText(), ready.toString());
                    assertTrue(ready.get("message").asText().startsWith("standby: another instance polls"), ready.toString());
                    assertEquals("{\"instance\":\"b\",\"polls\":[],\"waits\":[\"mbus-sim-shared-1\"]}",
                            StatusHttp.of(b.context()).json("/api/status").get("cluster").toString());
                    assertEquals("{\"instance\":\"a\",\"polls\":[\"mbus-sim-shared-1\"],\"waits\":[]}",
                            StatusHttp.of(a.context()).json("/api/status").get("cluster").toString());

                    a.close(); // a clean stop hands the bus over at once
                    ServiceHome.await(Duration.ofSeconds(30), "b takes the bus over", () -> readings("b").size() >= 4);
                    assertEquals(Set.of("b"), instances(readings("b")));
                    Thread.sleep(1000); // what b announces after taking over, and any late removal
                } finally {
                    a.close();
                    b.close();
                }
                String config = "homeassistant/device/meterbridge_kam_82937133/config";
                List<String> configs = ha.received().stream().filter(r -> r.topic().equals(config))
                        .map(Subscriber.Received::payload).toList();
                assertFalse(configs.isEmpty(), "the meter was announced: " + topics(ha));
                assertFalse(configs.contains(""), "no instance removed the meter it does not poll");
                assertEquals(1, Set.copyOf(configs).size(), "both instances announce the same device: " + configs);
                JsonNode c = JSON.readTree(configs.get(0));
                assertTrue(c.at("/dev/via_device").isMissingNode(), "a shared meter hangs off no one bridge: " + c);
                assertEquals("meterbridge/kam_82937133/availability", c.at("/availability/0/topic").asText(), c.toString());
                assertEquals(1, c.get("availability").size(), "not tied to either bridge's last will: " + c);
                List<String> availability = ha.payloads("meterbridge/kam_82937133/availability");
                assertFalse(availability.contains("offline"), "available throughout the move: " + availability);
            }
        }
    }

    /**
     * Without its coordinator an instance cannot know that no other polls the bus, so it stops
     * (and does not start) polling it; the service itself keeps running and polls again when
     * ZooKeeper is back.
     */
    @Test
    void withoutZooKeeperTheSharedBusIsNotPolledAndIsAgainWhenItIsBack() throws Exception {
        Logger log = (Logger) LoggerFactory.getLogger(BusElections.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        log.addAppender(logged);
        try (TestingServer zk = new TestingServer(ServiceHome.freePort(), false)) {
            MeterbridgeService a = instance("a", "sim:shared-3", zk.getConnectString(), null);
            try {
                a.start(); // ZooKeeper not there yet: the service starts anyway
                Thread.sleep(3000);
                assertEquals(List.of(), readings("a"), "no election, no polling");
                zk.start();
                ServiceHome.await(Duration.ofSeconds(30), "polling once ZooKeeper is there", () -> readings("a").size() >= 2);

                zk.stop();
                Thread.sleep(6000); // beyond the session timeout (4 s)
                int stopped = readings("a").size();
                Thread.sleep(3000);
                assertEquals(stopped, readings("a").size(), "no polling while ZooKeeper is away");
                String lost = "cluster: lost ZooKeeper " + zk.getConnectString() + "; this instance polls no shared bus "
                        + "until it is back";
                assertTrue(List.copyOf(logged.list).stream().anyMatch(e -> e.getLevel() == Level.WARN
                        && e.getFormattedMessage().equals(lost)), "the log says why: " + logged.list);
                zk.restart();
                ServiceHome.await(Duration.ofSeconds(40), "polling again", () -> readings("a").size() >= stopped + 2);
            } finally {
                a.close();
                log.detachAppender(logged);
            }
        }
    }

    /** A route file edited while the service runs: the reloaded route joins its bus's election again and polls on. */
    @Test
    void anEditedRouteFileKeepsItsBusPolled() throws Exception {
        try (TestingServer zk = new TestingServer(true)) {
            MeterbridgeService a = instance("a", "sim:shared-4", zk.getConnectString(), null, true);
            try {
                CamelContext ctx = a.start();
                ServiceHome.await(Duration.ofSeconds(30), "a reads the bus", () -> readings("a").size() >= 2);
                Route before = ctx.getRoute("heat-meters");
                Files.writeString(dir.resolve("a/routes/meters.yaml"), "# edited\n", StandardOpenOption.APPEND);
                ServiceHome.await(Duration.ofSeconds(30), "heat-meters reloaded",
                        () -> ctx.getRoute("heat-meters") != null && ctx.getRoute("heat-meters") != before);
                int atReload = readings("a").size();
                ServiceHome.await(Duration.ofSeconds(30), "polling after the reload", () -> readings("a").size() >= atReload + 4);
                assertEquals(List.of("mbus-sim-shared-4"), ClusterRoles.of(ctx).orElseThrow().polls());
            } finally {
                a.close();
            }
        }
    }

    @Test
    void instancesSharingABrokerEachNeedTheirOwnBridgeTopicAndDevice() throws Exception {
        Map<String, String> o = Map.of("mbus.bus", "sim:shared-2", "cluster.zookeeper", "127.0.0.1:2181",
                "mqtt.url", "tcp://127.0.0.1:1883", "http.status.enabled", "false");
        try (MeterbridgeService s = new MeterbridgeService(ServiceHome.shipped(Files.createDirectories(dir.resolve("s"))), o,
                false)) {
            InvalidSettingsException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidSettingsException.class, s::start);
            assertTrue(e.getMessage().contains("mqtt.availabilityTopic: cluster.zookeeper is set, so other instances share "
                    + "this broker: give each instance its own mqtt.availabilityTopic"), e.getMessage());
            assertTrue(e.getMessage().contains("homeassistant.bridgeId: cluster.zookeeper is set"), e.getMessage());
        }
    }

    private static Set<String> instances(List<JsonNode> readings) {
        return readings.stream().map(r -> r.path("instance").asText("(none)")).collect(Collectors.toSet());
    }

    private static Set<String> topics(Subscriber s) {
        return s.received().stream().map(Subscriber.Received::topic).collect(Collectors.toSet());
    }
}
