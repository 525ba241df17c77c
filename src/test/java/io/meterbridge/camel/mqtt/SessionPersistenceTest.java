package io.meterbridge.camel.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.client.persist.MqttDefaultFilePersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttPersistenceException;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.MqttPubRel;
import org.eclipse.paho.mqttv5.common.packet.MqttPublish;
import org.eclipse.paho.mqttv5.common.packet.MqttWireMessage;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SessionPersistence} fed the calls Paho 1.2.5's ClientState makes for a QoS 2 flow
 * ({@code put s-N} before sending, {@code put sc-N} on PUBREC, {@code remove s-N}/{@code sc-N} on
 * PUBCOMP) and a QoS 1 flow, across a restart on Paho's file persistence.
 */
class SessionPersistenceTest {

    @TempDir
    Path dir;

    static MqttPublish publish(int packetId, int qos, String readingId) {
        MqttMessage m = new MqttMessage("{}".getBytes());
        m.setQos(qos);
        MqttProperties p = new MqttProperties();
        if (readingId != null) {
            p.setUserProperties(List.of(new UserProperty(MqttMessageId.USER_PROPERTY, readingId)));
        }
        MqttPublish publish = new MqttPublish("meterbridge/m1/reading", m, p);
        publish.setMessageId(packetId);
        return publish;
    }

    static MqttPubRel pubrel(int packetId) throws MqttException {
        return new MqttPubRel(0, packetId, new MqttProperties());
    }

    @Test
    void qos2TheSessionOwnsAReadingFromItsStoredPublishUntilPubrecAndReportsBeforePahoRecordsIt() throws Exception {
        MemoryPersistence store = new MemoryPersistence();
        SessionPersistence session = new SessionPersistence(store);
        List<String> delivered = new ArrayList<>();
        session.onDelivered(id -> {
            assertFalse(containsKey(store, "sc-7"), "reported before Paho stores the PUBREL");
            delivered.add(id);
        });
        session.open("c");
        assertFalse(session.owns("j:1"));
        session.put("s-7", publish(7, 2, "j:1"));
        assertTrue(session.owns("j:1"));
        assertEquals(1, session.ownedCount());
        session.put("sc-7", pubrel(7)); // PUBREC
        assertEquals(List.of("j:1"), delivered);
        assertFalse(session.owns("j:1"));
        assertTrue(session.awaitReleased("j:1", 0));
        session.remove("s-7"); // PUBCOMP
        session.remove("sc-7");
        assertEquals(List.of("j:1"), delivered, "reported once");
        assertFalse(containsKey(store, "s-7"));
    }

    @Test
    void qos1IsReportedWhenPahoDropsThePublishAfterPuback() throws Exception {
        SessionPersistence session = new SessionPersistence(new MemoryPersistence());
        List<String> delivered = new ArrayList<>();
        session.onDelivered(delivered::add);
        session.open("c");
        session.put("s-3", publish(3, 1, "j:9"));
        assertTrue(session.owns("j:9"));
        session.remove("s-3");
        assertEquals(List.of("j:9"), delivered);
        assertFalse(session.owns("j:9"));
    }

    @Test
    void publishesThatAreNotReadingsAreNotTracked() throws Exception {
        SessionPersistence session = new SessionPersistence(new MemoryPersistence());
        List<String> delivered = new ArrayList<>();
        session.onDelivered(delivered::add);
        session.open("c");
        session.put("s-1", publish(1, 1, null)); // availability, discovery
        session.remove("s-1");
        assertEquals(0, session.ownedCount());
        assertEquals(List.of(), delivered);
    }

    @Test
    void afterARestartTheStoredInFlightReadingIsOwnedAndAConfirmedOneIsNot() throws Exception {
        SessionPersistence first = new SessionPersistence(new MqttDefaultFilePersistence(dir.toString()));
        first.open("meterbridge-tcp127001");
        first.put("s-5", publish(5, 2, "j:41")); // PUBLISH sent, no PUBREC yet
        first.put("s-6", publish(6, 2, "j:40"));
        first.put("sc-6", pubrel(6)); // PUBREC came for this one, PUBCOMP not yet
        first.close(); // the process dies

        SessionPersistence second = new SessionPersistence(new MqttDefaultFilePersistence(dir.toString()));
        List<String> delivered = new ArrayList<>();
        second.onDelivered(delivered::add);
        second.open("meterbridge-tcp127001");
        assertTrue(second.owns("j:41"), "Paho resends this PUBLISH with packet id 5: the journal must not");
        assertFalse(second.owns("j:40"), "already with the broker; only PUBREL/PUBCOMP remain");
        assertEquals(List.of(), delivered, "nothing reported on opening");
        second.put("sc-5", pubrel(5)); // the broker answers the resend with PUBREC
        assertEquals(List.of("j:41"), delivered);
        second.remove("s-6"); // PUBCOMP of the earlier flow
        second.remove("sc-6");
        assertEquals(List.of("j:41"), delivered, "the flow confirmed before the restart is not reported again");
        second.close();
    }

    @Test
    void aFailedJournalRemovalStopsPahoFromRecordingThePubrec() throws Exception {
        MemoryPersistence store = new MemoryPersistence();
        SessionPersistence session = new SessionPersistence(store);
        session.onDelivered(id -> {
            throw new IllegalStateException("disk full");
        });
        session.open("c");
        session.put("s-2", publish(2, 2, "j:2"));
        MqttPersistenceException e = assertThrows(MqttPersistenceException.class, () -> session.put("sc-2", pubrel(2)));
        assertTrue(e.getCause().getMessage().contains("j:2") && e.getCause().getMessage().contains("disk full"), e.getCause().getMessage());
        assertFalse(containsKey(store, "sc-2"));
    }

    @Test
    void aPublishStoredWithATopicAliasOnlyGetsItsTopicNameBack() throws Exception {
        SessionPersistence session = new SessionPersistence(new MemoryPersistence());
        session.open("c");
        MqttPublish aliased = publish(4, 2, "j:4");
        aliased.getProperties().setTopicAlias(1);
        aliased.setTopicName(null); // what Paho does for a topic it already has an alias for
        session.publishing("meterbridge/m89/reading");
        try {
            session.put("s-4", aliased);
        } finally {
            session.publishing(null);
        }
        assertEquals("meterbridge/m89/reading", aliased.getTopicName());
        MqttPublish stored = (MqttPublish) MqttWireMessage.createWireMessage(session.get("s-4"));
        assertEquals("meterbridge/m89/reading", stored.getTopicName(), "a resend on a new connection names its topic");
    }

    @Test
    void aDiscardedSessionHandsItsReadingsBackToTheJournal() throws Exception {
        SessionPersistence session = new SessionPersistence(new MemoryPersistence());
        session.open("c");
        session.put("s-8", publish(8, 2, "j:8"));
        session.clear(); // clean start: Paho forgets the session without delivering
        assertFalse(session.owns("j:8"));
        assertTrue(session.discarded("j:8"));
    }

    private static boolean containsKey(MemoryPersistence store, String key) {
        try {
            return store.containsKey(key);
        } catch (MqttPersistenceException e) {
            throw new AssertionError(e);
        }
    }
}
