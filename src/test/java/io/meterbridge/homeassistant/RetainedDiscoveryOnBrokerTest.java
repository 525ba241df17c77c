package io.meterbridge.homeassistant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meterbridge.camel.testing.HiveMqBroker;
import io.meterbridge.meter.HeatReading;
import io.meterbridge.meter.KamstrupExpected;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The publications as a real MQTT 5 broker (HiveMQ CE, embedded) keeps them: the configs and
 * availability retained byte for byte (UTF-8 °C, m³), the state not retained, and the empty
 * retained config clearing a removed meter so that a later subscriber (Home Assistant after a
 * restart) no longer sees it.
 */
class RetainedDiscoveryOnBrokerTest {

    @TempDir
    static Path home;
    static HiveMqBroker broker;
    static String url;
    static final DeviceDiscovery DISCOVERY = new DeviceDiscovery(DiscoveryConfig.defaults("1.0.0"));

    @BeforeAll
    static void startBroker() throws Exception {
        broker = new HiveMqBroker(home);
        broker.start();
        url = broker.url();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    static MqttClient connect(String id) throws Exception {
        MqttClient c = new MqttClient(url, id, new MemoryPersistence());
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(true);
        c.connect(o);
        return c;
    }

    static void publish(MqttClient c, Publication p) throws Exception {
        MqttMessage m = new MqttMessage(p.payload().getBytes(StandardCharsets.UTF_8));
        m.setQos(p.qos());
        m.setRetained(p.retain());
        c.publish(p.topic(), m);
    }

    /** What a subscriber that arrives now receives within a second: topic → message. */
    static Map<String, MqttMessage> retainedNow(String filter) throws Exception {
        Map<String, MqttMessage> got = new ConcurrentHashMap<>();
        MqttClient s = connect("late-subscriber-" + System.nanoTime());
        try {
            // (paho 1.2.5's subscribe(String[], int[], listeners) calls itself forever; this overload does not)
            s.subscribe(new org.eclipse.paho.mqttv5.common.MqttSubscription[] {
                new org.eclipse.paho.mqttv5.common.MqttSubscription(filter, 1)},
                    new org.eclipse.paho.mqttv5.client.IMqttMessageListener[] {(t, m) -> got.put(t, m)});
            Thread.sleep(Duration.ofSeconds(1).toMillis());
        } finally {
            s.disconnect();
            s.close();
        }
        return got;
    }

    @Test
    void configsAndAvailabilityAreRetainedStateIsNotAndRemovalClears() throws Exception {
        HeatReading r = KamstrupExpected.multical303HeatCooling();
        String key = r.meter().stableKey();
        MqttClient bridge = connect("meterbridge-test");
        try {
            Publication config = DISCOVERY.meterConfig(r, null);
            publish(bridge, DISCOVERY.bridgeConfig());
            publish(bridge, DISCOVERY.bridgeAvailability(true));
            publish(bridge, config);
            publish(bridge, DISCOVERY.meterAvailability(key, true));
            publish(bridge, DISCOVERY.state(r));

            Map<String, MqttMessage> seen = retainedNow("#");
            MqttMessage c = seen.get(config.topic());
            assertTrue(c != null && c.isRetained(), "retained meter config");
            assertArrayEquals(config.payload().getBytes(StandardCharsets.UTF_8), c.getPayload());
            assertTrue(new String(c.getPayload(), StandardCharsets.UTF_8).contains("\"unit_of_measurement\":\"m³/h\""));
            assertTrue(seen.containsKey(DISCOVERY.topics().bridgeConfig()));
            assertEquals("online", new String(seen.get("meterbridge/bridge/status").getPayload(), StandardCharsets.UTF_8));
            assertEquals("online", new String(seen.get("meterbridge/" + key + "/availability").getPayload(),
                    StandardCharsets.UTF_8));
            assertFalse(seen.containsKey(DISCOVERY.topics().meterState(key)), "state is not retained");

            for (Publication p : DISCOVERY.meterCleanup(key)) {
                publish(bridge, p);
            }
            Map<String, MqttMessage> after = retainedNow("#");
            assertFalse(after.containsKey(config.topic()), "removed meter's config is gone");
            assertFalse(after.containsKey("meterbridge/" + key + "/availability"));
            assertTrue(after.containsKey(DISCOVERY.topics().bridgeConfig()), "the bridge stays");
        } finally {
            bridge.disconnect();
            bridge.close();
        }
    }
}
