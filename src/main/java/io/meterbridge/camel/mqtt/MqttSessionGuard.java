package io.meterbridge.camel.mqtt;

import io.meterbridge.camel.journal.JournalConstants;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the journal from publishing a reading that is already in the MQTT session. In
 * {@code routes/mqtt.yaml} as {@code process: {ref: mqttSessionGuard}} just before the
 * {@code paho-mqtt5:} endpoint.
 *
 * <p>A publish whose connection drops (or whose service stops) after Paho stored the PUBLISH
 * fails in the route, so the journal tries the same entry again; but the reading is still in
 * the session and Paho completes it with its packet id once connected again — publishing it
 * anew would be a second message to the broker. So when the session owns the reading this
 * waits (up to {@code waitMillis}) for the session to finish with it and ends the route without
 * publishing (the journal entry was already removed when the broker took it); if the session is
 * still busy, it fails with {@link MqttInFlightException} and the journal asks again after its
 * back-off. Readings the session does not own pass through to be published.
 */
public final class MqttSessionGuard implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(MqttSessionGuard.class);

    private final BrokerConnection broker;
    private final long waitMillis;

    public MqttSessionGuard(BrokerConnection broker, long waitMillis) {
        this.broker = broker;
        this.waitMillis = waitMillis;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        var in = exchange.getMessage();
        String journal = in.getHeader(JournalConstants.JOURNAL_ID, String.class);
        Long seq = in.getHeader(JournalConstants.SEQUENCE, Long.class);
        if (journal == null || seq == null) {
            return; // not from a journal: nothing to guard
        }
        String id = journal + ":" + seq;
        if (!broker.owns(id)) {
            return;
        }
        if (broker.awaitReleased(id, waitMillis) && !broker.discarded(id)) {
            LOG.info("MQTT: reading {} was completed by the session (same packet id), not published again", id);
            exchange.setRouteStop(true);
            return;
        }
        if (broker.owns(id)) {
            throw new MqttInFlightException(id);
        }
        // the session was discarded without delivering it: publish it anew (at least once)
    }
}
