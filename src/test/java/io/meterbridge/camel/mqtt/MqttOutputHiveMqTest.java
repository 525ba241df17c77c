package io.meterbridge.camel.mqtt;

import io.meterbridge.camel.testing.HiveMqBroker;
import org.junit.jupiter.api.BeforeAll;

/** {@link MqttOutputContract} against an embedded HiveMQ CE broker (MQTT 5). */
class MqttOutputHiveMqTest extends MqttOutputContract {
    @BeforeAll
    static void broker() throws Exception {
        startBroker(new HiveMqBroker(brokerDir));
    }
}
