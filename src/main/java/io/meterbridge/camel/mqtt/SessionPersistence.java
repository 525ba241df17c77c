package io.meterbridge.camel.mqtt;

import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.eclipse.paho.mqttv5.client.MqttClientPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttPersistable;
import org.eclipse.paho.mqttv5.common.MqttPersistenceException;
import org.eclipse.paho.mqttv5.common.packet.MqttPublish;
import org.eclipse.paho.mqttv5.common.packet.MqttWireMessage;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Paho's store of the client's MQTT session state (a {@link MqttClientPersistence} around
 * another, in the service Paho's file persistence under {@code data/mqtt}) that also tells the
 * bridge which readings the session owns and when the broker has taken each one.
 *
 * <p>Why: a reading handed to Paho is stored by Paho as {@code s-<packet id>} before it is sent
 * (MQTT 5 §4.4: the client keeps unacknowledged PUBLISH packets as session state and resends them
 * with the same packet id and DUP=1 after reconnecting). From that moment the reading belongs to
 * the session, not to the journal: if the journal sent it again, it would be a new PUBLISH with a
 * new packet id, which the broker must treat as a new message — a duplicate. So
 * <ul>
 * <li>{@link #owns(String)} says a reading (by its {@link MqttMessageId#USER_PROPERTY}) is in the
 * session: the journal must not send it again but wait for the session to finish it (also after a
 * restart: the owned readings are read back from the persisted PUBLISH packets at {@link #open});</li>
 * <li>the {@code delivered} callback runs when the broker has the message — for QoS 2 when its
 * PUBREC arrives (§4.3.3: from then on the broker has stored it and will not deliver the packet id
 * again; Paho stores the PUBREL as {@code sc-<packet id>}), for QoS 1 when its PUBACK arrives and
 * Paho removes {@code s-<packet id>}. It runs <em>before</em> Paho writes that change, so the
 * journal entry is gone before Paho's record of the flow changes: a crash in between leaves the
 * PUBLISH in the session, Paho resends it with its packet id and the broker (QoS 2) answers
 * PUBREC without delivering it again.</li>
 * </ul>
 * {@link #clear()} (Paho discards the session; only with clean start, which the bridge does not
 * use) forgets ownership without calling {@code delivered}: the journal then sends those readings
 * again, at least once.
 */
final class SessionPersistence implements MqttClientPersistence {

    private static final Logger LOG = LoggerFactory.getLogger(SessionPersistence.class);
    /** Paho's keys: outbound PUBLISH awaiting PUBACK/PUBREC, and PUBREL awaiting PUBCOMP. */
    private static final String SENT = "s-";
    private static final String CONFIRMED = "sc-";

    private final MqttClientPersistence store;
    /** packet id → reading id of the readings in the session. */
    private final Map<Integer, String> inSession = new ConcurrentHashMap<>();
    /** reading ids in the session (the values of {@link #inSession}). */
    private final Set<String> owned = ConcurrentHashMap.newKeySet();
    /** packet ids whose delivery was already reported (PUBREC seen; PUBCOMP still to come). */
    private final Set<Integer> reported = ConcurrentHashMap.newKeySet();
    /** reading ids Paho dropped with the whole session ({@link #clear}) without the broker confirming them. */
    private final Set<String> discarded = ConcurrentHashMap.newKeySet();
    private final Object changed = new Object();
    private volatile Consumer<String> delivered = id -> {
    };
    /** The topic of the publish the current thread is making ({@link TopicKeepingClient}). */
    private final ThreadLocal<String> publishing = new ThreadLocal<>();
    private boolean opened;

    SessionPersistence(MqttClientPersistence store) {
        this.store = store;
    }

    /** Sets (or with null clears) the topic of the publish the calling thread is about to make. */
    void publishing(String topic) {
        if (topic == null) {
            publishing.remove();
        } else {
            publishing.set(topic);
        }
    }

    /** Runs {@code callback} with a reading's id when the broker has it (see the class comment). */
    void onDelivered(Consumer<String> callback) {
        this.delivered = callback;
    }

    /** Whether the reading named {@code readingId} is in the session (handed to Paho, not yet taken by the broker). */
    boolean owns(String readingId) {
        return owned.contains(readingId);
    }

    /** Whether the session was discarded (clean start) while it owned this reading: it must be sent anew. */
    boolean discarded(String readingId) {
        return discarded.contains(readingId);
    }

    /** The number of readings in the session. */
    int ownedCount() {
        return owned.size();
    }

    /** Waits up to {@code millis} until the session no longer owns {@code readingId}; returns true if so. */
    boolean awaitReleased(String readingId, long millis) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000L;
        synchronized (changed) {
            while (owned.contains(readingId)) {
                long left = (end - System.nanoTime()) / 1_000_000L;
                if (left <= 0) {
                    return false;
                }
                changed.wait(left);
            }
        }
        return true;
    }

    /**
     * Paho opens the store when the client is made and again on every connect attempt (on its
     * connect thread), while the journal asks {@link #owns} from another. So the state is
     * reconciled, not rebuilt: readings found in the store are added before those no longer there
     * are dropped, and a reading in flight is never, even for an instant, reported as not owned.
     */
    @Override
    public void open(String clientId) throws MqttPersistenceException {
        store.open(clientId);
        Set<String> keys = new HashSet<>();
        for (Enumeration<String> e = store.keys(); e.hasMoreElements();) {
            keys.add(e.nextElement());
        }
        Map<Integer, String> found = new HashMap<>();
        Set<Integer> confirmed = new HashSet<>();
        for (String key : keys) {
            if (!key.startsWith(SENT)) {
                continue;
            }
            int packetId = packetId(key);
            if (keys.contains(CONFIRMED + packetId)) {
                // PUBREC had come: delivered was reported before "sc-" was written; only PUBREL/PUBCOMP remain
                confirmed.add(packetId);
                continue;
            }
            try {
                readingId(MqttWireMessage.createWireMessage(store.get(key))).ifPresent(id -> found.put(packetId, id));
            } catch (MqttException e) {
                LOG.warn("MQTT session state {}: cannot read the stored PUBLISH (Paho drops it when it restores the session): {}", key,
                        e.getMessage());
            }
        }
        found.forEach(this::track);
        reported.addAll(confirmed);
        reported.retainAll(confirmed);
        inSession.entrySet().removeIf(e -> {
            if (found.containsKey(e.getKey())) {
                return false;
            }
            owned.remove(e.getValue());
            return true;
        });
        signal();
        boolean first = !opened;
        opened = true;
        if (!owned.isEmpty() && first) {
            LOG.info("MQTT session: {} reading(s) in flight from before ({}); they are completed with their packet ids, not sent anew",
                    owned.size(), inSession);
        }
    }

    @Override
    public void put(String key, MqttPersistable persistable) throws MqttPersistenceException {
        if (key.startsWith(CONFIRMED)) {
            int packetId = packetId(key);
            String id = inSession.get(packetId);
            if (id != null && reported.add(packetId)) {
                report(id); // before "sc-" is written: see the class comment
                release(packetId);
            }
        }
        if (key.startsWith(SENT) && persistable instanceof MqttPublish p && p.getTopicName() == null) {
            // Paho put a topic alias in place of the name: see TopicKeepingClient. Paho stores the
            // PUBLISH before its sender thread can see it, so this also changes what goes on the wire.
            String topic = publishing.get();
            if (topic != null) {
                p.setTopicName(topic);
            } else {
                LOG.warn("MQTT: PUBLISH {} stored with a topic alias only; a resend on a new connection would be refused", key);
            }
        }
        store.put(key, persistable);
        if (key.startsWith(SENT) && persistable instanceof MqttWireMessage m) {
            // written: from now on Paho resends it with this packet id, also after a restart
            int packetId = packetId(key);
            reported.remove(packetId);
            readingId(m).ifPresent(id -> track(packetId, id));
        }
    }

    @Override
    public void remove(String key) throws MqttPersistenceException {
        if (key.startsWith(SENT)) {
            int packetId = packetId(key);
            String id = inSession.get(packetId);
            if (id != null && !reported.contains(packetId)) {
                report(id); // QoS 1: PUBACK
            }
            release(packetId);
            reported.remove(packetId);
        }
        store.remove(key);
    }

    @Override
    public void clear() throws MqttPersistenceException {
        store.clear();
        discarded.addAll(owned);
        inSession.clear();
        owned.clear();
        reported.clear();
        signal();
    }

    @Override
    public MqttPersistable get(String key) throws MqttPersistenceException {
        return store.get(key);
    }

    @Override
    public Enumeration<String> keys() throws MqttPersistenceException {
        return store.keys();
    }

    @Override
    public boolean containsKey(String key) throws MqttPersistenceException {
        return store.containsKey(key);
    }

    @Override
    public void close() throws MqttPersistenceException {
        store.close();
    }

    private void track(int packetId, String readingId) {
        discarded.remove(readingId);
        String before = inSession.put(packetId, readingId);
        if (before != null && !before.equals(readingId)) {
            owned.remove(before);
        }
        owned.add(readingId);
        signal();
    }

    private void release(int packetId) {
        String id = inSession.remove(packetId);
        if (id != null) {
            owned.remove(id);
            signal();
        }
    }

    private void report(String readingId) throws MqttPersistenceException {
        try {
            delivered.accept(readingId);
        } catch (RuntimeException e) {
            // Paho must not record the step if the journal could not record the delivery
            throw new MqttPersistenceException(new IllegalStateException(
                    "reading " + readingId + " was delivered but its journal entry could not be removed: " + e.getMessage(), e));
        }
    }

    private void signal() {
        synchronized (changed) {
            changed.notifyAll();
        }
    }

    private static int packetId(String key) {
        return Integer.parseInt(key.substring(key.indexOf('-') + 1));
    }

    /** The {@link MqttMessageId#USER_PROPERTY} of a PUBLISH, if it is a reading. */
    static Optional<String> readingId(MqttWireMessage message) {
        if (!(message instanceof MqttPublish p) || p.getProperties() == null || p.getProperties().getUserProperties() == null) {
            return Optional.empty();
        }
        for (UserProperty u : p.getProperties().getUserProperties()) {
            if (MqttMessageId.USER_PROPERTY.equals(u.getKey())) {
                return Optional.of(u.getValue());
            }
        }
        return Optional.empty();
    }
}
