package io.meterbridge.camel.mqtt;

import io.meterbridge.camel.testing.HiveMqBroker;
import org.junit.jupiter.api.BeforeAll;

/** {@link MqttOutputContract} against an embedded HiveMQ CE broker (MQTT 5). */
class MqttOutputHiveMqTest extends MqttOutputContract {
    @BeforeAll
    static void broker() throws Exception {
        startBroker(new HiveMqBroker(brokerDir));
    }

    /**
     * No: HiveMQ CE keeps its incoming QoS 2 flows in memory only
     * ({@code com.hivemq.persistence.local.IncomingMessageFlowInMemoryLocalPersistence}), also with
     * file persistence on; sessions, subscriptions and queued messages do survive.
     */
    @Override
    boolean keepsReceivedQos2PacketIdsAcrossRestart() {
        return false;
    }
}
