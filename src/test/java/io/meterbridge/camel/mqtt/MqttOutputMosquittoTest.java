package io.meterbridge.camel.mqtt;

import io.meterbridge.camel.testing.MosquittoBroker;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Assumptions;

/**
 * {@link MqttOutputContract} against a real Mosquitto process; runs where {@code mosquitto} is
 * installed ({@code .ci/run} installs Debian's), reported as skipped elsewhere.
 */
class MqttOutputMosquittoTest extends MqttOutputContract {
    @BeforeAll
    static void broker() throws Exception {
        Assumptions.assumeTrue(MosquittoBroker.available(), "mosquitto is not installed (.ci/run installs it)");
        startBroker(new MosquittoBroker(brokerDir));
    }
}
