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
import org.eclipse.paho.mqttv5.client.persist.MqttDefaultFilePersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttReturnCode;
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
 * <li>A persistent session, so that a reading is delivered exactly once across a dropped
 * connection and a restart of the bridge: clean start off with a session expiry interval
 * ({@code mqtt.sessionExpirySeconds}), and Paho's file persistence under
 * {@code mqtt.persistenceDirectory} ({@code data/mqtt}) wrapped in a {@link SessionPersistence}.
 * A reading handed to Paho belongs to the session from then on: after a reconnect or a restart
 * Paho resends its PUBLISH with the same packet id (DUP=1) or its PUBREL, and at QoS 2 the broker,
 * which keeps the packet ids it has received in the session (MQTT 5 §4.3.3), does not deliver it a
 * second time. {@link #owns} tells the route not to send such a reading again from the journal;
 * {@link #onDelivered} removes its journal entry when the broker has it (PUBREC).</li>
 * <li>What is not covered: if the broker loses the session (its persistence is off or was not yet
 * written when it crashed, or the session expired), the packet ids it had received are forgotten
 * and Paho's resend of an in-flight PUBLISH is delivered again; and at QoS 1 any resend may be a
 * duplicate. Such a repeat carries the same {@code meterbridge-id} user property
 * ({@link MqttMessageId}), which a subscriber can use to drop it.</li>
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
    private final SessionPersistence session;
    private final List<Consumer<BrokerConnection>> connectedHooks = new CopyOnWriteArrayList<>();
    private final List<Consumer<BrokerConnection>> homeAssistantHooks = new CopyOnWriteArrayList<>();
    private final AtomicLong connects = new AtomicLong();
    private ExecutorService hooks;
    private Thread firstConnect;
    private volatile boolean stopping;
    private volatile MqttConnectException lastConnectFailure;

    /** Connects as soon as started (true) or waits for {@link #connect()}. */
    private final boolean connectOnStart;

    /** A connection that connects as soon as it is started. */
    public BrokerConnection(MqttSettings settings) {
        this(settings, true);
    }

    /**
     * @param connectOnStart false: {@link #start()} only prepares, {@link #connect()} connects
     */
    public BrokerConnection(MqttSettings settings, boolean connectOnStart) {
        this.connectOnStart = connectOnStart;
        this.settings = settings;
        this.session = new SessionPersistence(new MqttDefaultFilePersistence(settings.persistenceDirectory()));
        try {
            // opens the persistence: the readings still in flight from the last run are known from here on
            this.client = new TopicKeepingClient(settings.url(), settings.clientId(), session);
        } catch (MqttException e) {
            throw new IllegalArgumentException("mqtt.url '" + settings.url() + "': " + e.getMessage(), e);
        }
        // a publish that gets no acknowledgement returns with an error after this long; the reading
        // stays in the session (owns) and is completed by Paho, not resent from the journal
        client.setTimeToWait(30_000);
    }

    /**
     * Whether the reading with this {@link MqttMessageId#USER_PROPERTY} is in the MQTT session:
     * handed to Paho, its delivery not yet confirmed by the broker. It must not be published again
     * (that would be a new message to the broker); Paho completes it, also after a restart.
     */
    public boolean owns(String readingId) {
        return session.owns(readingId);
    }

    /** How many readings are in the MQTT session now (handed to Paho, not yet taken by the broker). */
    public int inFlightCount() {
        return session.ownedCount();
    }

    /** Whether the session was discarded while it held this reading, which must then be published anew. */
    public boolean discarded(String readingId) {
        return session.discarded(readingId);
    }

    /** Waits up to {@code millis} for the session to finish with a reading; true if it did. */
    public boolean awaitReleased(String readingId, long millis) throws InterruptedException {
        return session.awaitReleased(readingId, millis);
    }

    /**
     * Sets what runs, with the reading's {@link MqttMessageId#USER_PROPERTY}, when the broker has a
     * reading (QoS 2: PUBREC; QoS 1: PUBACK) — before Paho records that step, so that the reading's
     * journal entry is gone first. Set it before the service starts; it runs on Paho's thread and
     * must not publish. If it throws, Paho does not record the step and the flow is repeated.
     */
    public void onDelivered(Consumer<String> callback) {
        session.onDelivered(callback);
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

    /**
     * Why the last attempt of the first connection failed (the message is what the log says), or
     * null if none failed yet. It stays after a later success, as a record of what happened.
     */
    public MqttConnectException lastConnectFailure() {
        return lastConnectFailure;
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
        if (connectOnStart) {
            connect();
        }
    }

    /**
     * Starts connecting in the background (once). The service calls this when Camel has fully
     * started, so that the journals the {@link #onDelivered} callback removes entries from are open
     * before the first flow of the restored session completes.
     */
    public synchronized void connect() {
        if (firstConnect != null || stopping || !isStarted() && !isStarting()) {
            return;
        }
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
            firstConnect = null;
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
        // a persistent session: in-flight QoS 2 flows survive a dropped connection and a restart
        o.setCleanStart(false);
        o.setSessionExpiryInterval(settings.sessionExpirySeconds());
        o.setAutomaticReconnect(true);
        o.setAutomaticReconnectDelay(1, settings.maxReconnectSeconds());
        o.setConnectionTimeout(settings.connectionTimeoutSeconds());
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
                MqttConnectException failure = MqttConnectException.of(settings, e);
                lastConnectFailure = failure;
                // the first failure, then at attempts 2, 4, 8 …: a wrong setting is said at once and
                // an outage does not fill the log
                if (attempts == 1 || Long.bitCount(attempts) == 1) {
                    LOG.warn("{} (connection attempt {}; readings wait in the journal, retrying)",
                            failure.getMessage(), attempts);
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
            if (stopping) {
                return;
            }
            if (response.getException() == null
                    && response.getReturnCode() == MqttReturnCode.RETURN_CODE_SESSION_TAKEN_OVER) {
                // the broker's DISCONNECT 0x8E: another client connected with our id, and the two
                // would take the connection from each other for as long as both run
                LOG.warn("MQTT broker {} disconnected the bridge because another client connected with the same "
                        + "client id '{}' (MQTT reason 0x8E Session taken over); give each bridge its own "
                        + "mqtt.clientId; reconnecting", settings.url(), settings.clientId());
                return;
            }
            LOG.warn("MQTT connection to {} lost: {}; reconnecting", settings.url(),
                    response.getException() != null ? response.getException().getMessage() : response.getReasonString());
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
