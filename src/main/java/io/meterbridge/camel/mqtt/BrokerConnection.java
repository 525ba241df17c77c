package io.meterbridge.camel.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.apache.camel.support.service.ServiceSupport;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bridge's one MQTT 5 connection to a broker (Eclipse Paho). Every publish of the service
 * goes through this client — the {@code paho-mqtt5} component is given it as its shared
 * {@code client} — because each separately configured {@code paho-mqtt5:} endpoint would open its
 * own connection, and two connections with one client id keep disconnecting each other.
 *
 * <ul>
 * <li>Never blocks or fails the service when the broker is missing: the first connection is
 * attempted in the background and retried (1 s, doubling to {@code maxReconnectSeconds}); after
 * that Paho's automatic reconnect takes over.</li>
 * <li>Last will: {@code offline}, retained, QoS 1 on the availability topic — the broker
 * publishes it when the bridge dies. On every (re)connect, {@code online} (retained) is published
 * first, then the {@link #onConnected} hooks run (Home Assistant discovery). On a clean stop
 * {@code offline} is published before disconnecting, since a will is not sent then.</li>
 * <li>Subscribes to Home Assistant's status topic and runs the {@link #onHomeAssistantOnline}
 * hooks when it says {@code online} (Home Assistant restarted and forgot non-retained state).</li>
 * <li>{@code cleanStart}: the broker session is not kept; undelivered readings live in the
 * service's journal, which resends them after a reconnect.</li>
 * </ul>
 * Hooks run on one background thread, in registration order, never on Paho's callback thread
 * (a blocking publish there would wait for itself).
 */
public final class BrokerConnection extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerConnection.class);

    /** Payloads of the availability topic, the strings Home Assistant expects by default. */
    public static final String ONLINE = "online";
    public static final String OFFLINE = "offline";

    private final MqttSettings settings;
    private final MqttClient client;
    private final List<Consumer<BrokerConnection>> connectedHooks = new CopyOnWriteArrayList<>();
    private final List<Consumer<BrokerConnection>> homeAssistantHooks = new CopyOnWriteArrayList<>();
    private final AtomicLong connects = new AtomicLong();
    private ExecutorService hooks;
    private Thread firstConnect;
    private volatile boolean stopping;

    public BrokerConnection(MqttSettings settings) {
        this.settings = settings;
        try {
            this.client = new MqttClient(settings.url(), settings.clientId(), new MemoryPersistence());
        } catch (MqttException e) {
            throw new IllegalArgumentException("mqtt.url '" + settings.url() + "': " + e.getMessage(), e);
        }
        // a publish that gets no acknowledgement fails after this long and is retried from the journal
        client.setTimeToWait(30_000);
    }

    /** The Paho client shared by every {@code paho-mqtt5} endpoint of the service. */
    public MqttClient client() {
        return client;
    }

    public MqttSettings settings() {
        return settings;
    }

    public boolean isConnected() {
        return client.isConnected();
    }

    /** How many times a connection was established (first connect and reconnects). */
    public long connectCount() {
        return connects.get();
    }

    /** Runs {@code hook} after {@code online} is published on every (re)connect, and now if connected. */
    public void onConnected(Consumer<BrokerConnection> hook) {
        connectedHooks.add(hook);
        if (hooks != null && isConnected()) {
            hooks.execute(() -> run(hook, "connected"));
        }
    }

    /** Runs {@code hook} whenever Home Assistant announces {@code online} on its status topic. */
    public void onHomeAssistantOnline(Consumer<BrokerConnection> hook) {
        homeAssistantHooks.add(hook);
    }

    /**
     * Publishes now (for retained state such as discovery configs and availability); fails if not
     * connected. Readings go through the journal instead, so they survive an outage.
     */
    public void publish(String topic, String payload, int qos, boolean retained) throws MqttException {
        MqttMessage m = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
        m.setQos(qos);
        m.setRetained(retained);
        client.publish(topic, m);
    }

    @Override
    protected void doStart() {
        stopping = false;
        hooks = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "mqtt-hooks");
            t.setDaemon(true);
            return t;
        });
        client.setCallback(new Callback());
        firstConnect = new Thread(this::connectUntilConnected, "mqtt-connect");
        firstConnect.setDaemon(true);
        firstConnect.start();
    }

    @Override
    protected void doStop() throws Exception {
        stopping = true;
        if (firstConnect != null) {
            firstConnect.interrupt();
            firstConnect.join(5000);
        }
        if (client.isConnected()) {
            try {
                publish(settings.availabilityTopic(), OFFLINE, 1, true);
            } catch (MqttException e) {
                LOG.debug("could not publish offline before disconnecting: {}", e.getMessage());
            }
            try {
                client.disconnect(5000);
            } catch (MqttException e) {
                LOG.debug("disconnect: {}", e.getMessage());
            }
        }
        hooks.shutdown();
        hooks.awaitTermination(5, TimeUnit.SECONDS);
        try {
            client.close(true);
        } catch (MqttException e) {
            LOG.debug("close: {}", e.getMessage());
        }
    }

    MqttConnectionOptions options() {
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(true);
        o.setAutomaticReconnect(true);
        o.setAutomaticReconnectDelay(1, settings.maxReconnectSeconds());
        o.setConnectionTimeout(10);
        o.setKeepAliveInterval(30);
        if (settings.username() != null && !settings.username().isBlank()) {
            o.setUserName(settings.username());
        }
        if (settings.password() != null && !settings.password().isEmpty()) {
            o.setPassword(settings.password().getBytes(StandardCharsets.UTF_8));
        }
        MqttMessage will = new MqttMessage(OFFLINE.getBytes(StandardCharsets.US_ASCII));
        will.setQos(1);
        will.setRetained(true);
        o.setWill(settings.availabilityTopic(), will);
        return o;
    }

    private void connectUntilConnected() {
        long delayMs = 1000;
        int attempts = 0;
        while (!stopping && !client.isConnected()) {
            try {
                attempts++;
                client.connect(options());
                return; // connectComplete does the rest
            } catch (MqttException e) {
                if (attempts == 1 || Long.bitCount(attempts) == 1) {
                    LOG.warn("MQTT broker {} not reachable (attempt {}): {}; readings wait in the journal, retrying",
                            settings.url(), attempts, e.getMessage() + (e.getCause() != null ? " (" + e.getCause().getMessage() + ")" : ""));
                }
                try {
                    Thread.sleep(delayMs);
                } catch (InterruptedException ie) {
                    return;
                }
                delayMs = Math.min(delayMs * 2, settings.maxReconnectSeconds() * 1000L);
            }
        }
    }

    private void run(Consumer<BrokerConnection> hook, String what) {
        try {
            hook.accept(this);
        } catch (RuntimeException e) {
            LOG.warn("MQTT {} hook failed: {}", what, e.toString(), e);
        }
    }

    private final class Callback implements MqttCallback {
        @Override
        public void connectComplete(boolean reconnect, String serverURI) {
            connects.incrementAndGet();
            LOG.info("MQTT {} {}", reconnect ? "reconnected to" : "connected to", serverURI);
            hooks.execute(() -> {
                try {
                    publish(settings.availabilityTopic(), ONLINE, 1, true);
                    String ha = settings.homeAssistantStatusTopic();
                    if (ha != null && !ha.isBlank()) {
                        client.subscribe(ha, 1);
                    }
                } catch (MqttException e) {
                    LOG.warn("MQTT: could not announce online / subscribe after connecting: {}", e.getMessage());
                    return;
                }
                connectedHooks.forEach(h -> run(h, "connected"));
            });
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            if (!stopping) {
                LOG.warn("MQTT connection to {} lost: {}; reconnecting", settings.url(),
                        response.getException() != null ? response.getException().getMessage() : response.getReasonString());
            }
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            LOG.warn("MQTT error: {}", exception.getMessage());
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            if (topic.equals(settings.homeAssistantStatusTopic())
                    && ONLINE.equals(new String(message.getPayload(), StandardCharsets.UTF_8).trim())) {
                LOG.info("Home Assistant announced itself on {}; re-announcing", topic);
                homeAssistantHooks.forEach(h -> hooks.execute(() -> run(h, "Home Assistant online")));
            }
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
            // publishes are synchronous; nothing to do
        }

        @Override
        public void authPacketArrived(int reasonCode, org.eclipse.paho.mqttv5.common.packet.MqttProperties properties) {
            // no extended authentication
        }
    }
}
