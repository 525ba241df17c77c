package io.meterbridge.camel.homeassistant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;

import io.meterbridge.camel.service.MeterbridgeService;
import io.meterbridge.camel.testing.HiveMqBroker;
import io.meterbridge.camel.testing.ServiceHome;
import io.meterbridge.camel.testing.Subscriber;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Editing a route file while the service runs restarts that file's routes, not Home Assistant:
 * the publisher is the context's, so a reload neither starts it again (which re-announced every
 * meter and added one more on-connect hook per edit, so that after ten edits a reconnect
 * announced everything ten times) nor forgets what it knows of the meters.
 */
class HomeAssistantAcrossRouteEditsTest {

    @TempDir
    Path dir;

    @Test
    void aRouteFileEditLeavesTheHomeAssistantPublisherRunningAsItWas() throws Exception {
        Path home = ServiceHome.shipped(Files.createTempDirectory(dir, "home"));
        try (HiveMqBroker broker = new HiveMqBroker(Files.createTempDirectory(dir, "broker"))) {
            broker.start();
            try (Subscriber ha = new Subscriber(broker.url(), "edits-home-assistant", "homeassistant/#");
                    MeterbridgeService service = new MeterbridgeService(home, Map.of("mbus.bus", "sim:ha-edits",
                            "mbus.poll", "500ms", "mqtt.url", broker.url(), "mqtt.clientId", "meterbridge-edits",
                            "http.status.port", "0"), true)) {
                CamelContext ctx = service.start();
                HomeAssistantPublisher publisher = ctx.hasService(HomeAssistantPublisher.class);
                String config303 = "homeassistant/device/meterbridge_kam_82937133/config";
                String config403 = "homeassistant/device/meterbridge_kam_77447744/config";
                ServiceHome.await(Duration.ofSeconds(30), "both meters announced",
                        () -> !ha.payloads(config303).isEmpty() && !ha.payloads(config403).isEmpty());
                Thread.sleep(2000); // the bridge device and anything else announced at start
                int announced = ha.received().size();
                Route before = ctx.getRoute("heat-meters");

                for (int edit = 1; edit <= 3; edit++) {
                    Route previous = ctx.getRoute("heat-meters");
                    Files.writeString(home.resolve("routes/meters.yaml"), "# edit " + edit + "\n", StandardOpenOption.APPEND);
                    ServiceHome.await(Duration.ofSeconds(30), "heat-meters reloaded",
                            () -> ctx.getRoute("heat-meters") != null && ctx.getRoute("heat-meters") != previous);
                }
                assertTrue(ctx.getRoute("heat-meters") != before, "the route was reloaded");
                Thread.sleep(3000); // time for a re-announcement to show up
                assertSame(publisher, ctx.hasService(HomeAssistantPublisher.class));
                assertTrue(publisher.isStarted(), "still running");
                assertEquals(announced, ha.received().size(),
                        "no discovery published again by three edits of meters.yaml: " + ha.received().subList(announced,
                                ha.received().size()).stream().map(Subscriber.Received::topic).toList());
            }
        }
    }
}
