package io.meterbridge.camel.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.spi.ExecutorServiceManager;
import org.apache.camel.support.service.ServiceSupport;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttReturnCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bridge's one MQTT 5 connection to a broker (Eclipse Paho), and the only class that knows
 * Paho's client. Every publish of the service goes through this client — the {@code paho-mqtt5}
 * component is given it as its shared {@code client} — because each separately configured
 * {@code paho-mqtt5:} endpoint would open its own connection, and two connections with one client
 * id keep disconnecting each other.
 *
 * <ul>
 * <li>Never blocks or fails the service when the broker is missing: the connection is made in the
 * background and, whenever it is lost, made again (1 s, doubling to {@code maxReconnectSeconds}),
 * by this class rather than by Paho's automatic reconnect: Paho 1.2.5 ends its reconnect cycle
 * for good when an attempt finds the client still shutting the old connection down
 * ({@code attemptReconnect} logs error 32102 at FINE and schedules nothing), which left a
 * loaded machine disconnected after a broker restart.</li>
 * <li>Last will: {@code offline}, retained, QoS 1 on the availability topic — the broker
 * publishes it when the bridge dies. On every (re)connect, {@code online} (retained) is published
 * first, then the {@link #onConnected} hooks run (Home Assistant discovery). On a clean stop
 * {@code offline} is published before disconnecting, since a will is not sent then.</li>
 * <li>Subscribes to Home Assistant's status topic and runs the {@link #onHomeAssistantOnline}
 * hooks when it says {@code online} (Home Assistant restarted and forgot non-retained state).</li>
 * <li>Readings are delivered at least once, by the journal rather than by an MQTT session: each
 * connection starts clean and Paho keeps nothing on disk. A publish returns when the broker has
 * acknowledged it (PUBACK, or PUBREC at QoS 2); only then does the journal's MQTT cursor move on.
 * If the connection breaks or the bridge dies before that, the journal publishes the reading
 * again — as a new message that the broker delivers again if it had received the first, with
 * the same {@code meterbridge-id} user property ({@link MqttMessageId}) for a subscriber that
 * drops repeats. Why not exactly once: it depended on Paho's private persistence keys and on the
 * broker keeping received QoS 2 packet ids across its own restarts, wrote every reading to disk a
 * second time, and Home Assistant, the main subscriber, takes a repeated state as the same
 * state.</li>
 * </ul>
 * Connection attempts and hooks run on one thread from Camel's {@code ExecutorServiceManager},
 * in registration order, never on Paho's callback thread (a blocking publish there would wait
 * for itself).
 */
public final class BrokerConnection extends ServiceSupport implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerConnection.class);

    /** Payloads of the availability topic, the strings Home Assistant expects by default. */
    public static final String ONLINE = "online";
    public static final String OFFLINE = "offline";

    private final MqttSettings settings;
    private final ExecutorServiceManager executors;
    private final MqttClient client;
    private final List<Consumer<BrokerConnection>> connectedHooks = new CopyOnWriteArrayList<>();
    private final List<Consumer<BrokerConnection>> homeAssistantHooks = new CopyOnWriteArrayList<>();
    private final AtomicLong connects = new AtomicLong();
    /** Connection attempts and hooks, one at a time. */
    private ScheduledExecutorService worker;
    private volatile boolean stopping;
    /** A chain of attempts is scheduled or running; read and written on {@link #worker} only. */
    private boolean attempting;
    /** Notified on every connect. */
    private final Object connected = new Object();
    private volatile MqttConnectException lastConnectFailure;

    /**
     * @param executors the Camel context's, which makes the connection's thread and shuts it
     *                  down with the context
     */
    public BrokerConnection(MqttSettings settings, ExecutorServiceManager executors) {
        this.settings = settings;
        this.executors = executors;
        try {
            // nothing on disk: what is not yet acknowledged is still in the journal
            this.client = new MqttClient(settings.url(), settings.clientId(), new MemoryPersistence());
        } catch (MqttException e) {
            throw new IllegalArgumentException("mqtt.url '" + settings.url() + "': " + e.getMessage(), e);
        }
        // a publish that gets no acknowledgement fails after this long, and the journal tries again
        client.setTimeToWait(settings.connectionTimeoutSeconds() * 1000L + 5_000);
    }

    /**
     * As a route step before the publish ({@code process: {ref: mqttBroker}}): waits up to
     * {@code mqtt.connectionTimeoutSeconds} for the connection, so that the first reading after
     * start (or after the broker came back) is not tried, failed and logged while the connection
     * is still being made; then fails with {@link MqttNotConnectedException} for the journal to retry.
     */
    @Override
    public void process(Exchange exchange) throws InterruptedException, MqttNotConnectedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(settings.connectionTimeoutSeconds());
        synchronized (connected) {
            while (!client.isConnected() && !stopping) {
                long left = TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime());
                if (left <= 0) {
                    throw new MqttNotConnectedException(settings.url());
                }
                connected.wait(left);
            }
        }
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
     * Why the last connection attempt failed (the message is what the log says), or null if none
     * failed yet. It stays after a later success, as a record of what happened.
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
        if (worker != null && isConnected()) {
            worker.execute(() -> run(hook, "connected"));
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
        worker = executors.newSingleThreadScheduledExecutor(this, "mqtt");
        client.setCallback(new Callback());
        worker.execute(this::connectIfNeeded);
    }

    @Override
    protected void doStop() throws Exception {
        stopping = true;
        synchronized (connected) {
            connected.notifyAll(); // a route waiting for the connection gives up
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
        executors.shutdownGraceful(worker, 5000);
        try {
            client.close(true);
        } catch (MqttException e) {
            LOG.debug("close: {}", e.getMessage());
        }
    }

    MqttConnectionOptions options() {
        MqttConnectionOptions o = new MqttConnectionOptions();
        // every connection starts without a session: the journal, not the broker, keeps what is undelivered
        o.setCleanStart(true);
        o.setAutomaticReconnect(false); // attempt() reconnects: see the class comment
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

    /** Starts a chain of attempts unless one is under way or the client is connected; on the worker. */
    private void connectIfNeeded() {
        if (!attempting && !stopping && !client.isConnected()) {
            attempting = true;
            attempt(1, 1000);
        }
    }

    /** One connection attempt; on failure the next is scheduled after {@code delayMs}, doubling. */
    private void attempt(int attempts, long delayMs) {
        if (stopping || client.isConnected()) {
            attempting = false;
            return;
        }
        try {
            client.connect(options()); // connectComplete does the rest
            attempting = false;
            return;
        } catch (MqttException e) {
            MqttConnectException failure = MqttConnectException.of(settings, e);
            lastConnectFailure = failure;
            // the first failure, then at attempts 2, 4, 8 …: a wrong setting is said at once and
            // an outage does not fill the log
            if (attempts == 1 || Long.bitCount(attempts) == 1) {
                LOG.warn("{} (connection attempt {}; readings wait in the journal, retrying)", failure.getMessage(), attempts);
            }
            if (e.getReasonCode() == MqttClientException.REASON_CODE_CLIENT_TIMEOUT) {
                abandon(); // no CONNACK in time: the attempt is still open and would refuse the next
            }
        }
        if (stopping) {
            attempting = false;
        } else {
            long next = Math.min(delayMs * 2, settings.maxReconnectSeconds() * 1000L);
            worker.schedule(() -> attempt(attempts + 1, next), delayMs, TimeUnit.MILLISECONDS);
        }
    }

    /** Drops a connection attempt that is still waiting for the broker's CONNACK. */
    private void abandon() {
        try {
            client.disconnectForcibly(0, 1000, false);
        } catch (MqttException e) {
            LOG.debug("abandoning the connection attempt: {}", e.getMessage());
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
            boolean again = connects.incrementAndGet() > 1;
            synchronized (connected) {
                connected.notifyAll();
            }
            LOG.info("MQTT {} {}", again ? "reconnected to" : "connected to", serverURI);
            worker.execute(() -> {
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
            worker.execute(BrokerConnection.this::connectIfNeeded);
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
                homeAssistantHooks.forEach(h -> worker.execute(() -> run(h, "Home Assistant online")));
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
