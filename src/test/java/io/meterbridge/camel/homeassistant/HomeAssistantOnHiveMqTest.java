package io.meterbridge.camel.homeassistant;

import io.meterbridge.camel.testing.HiveMqBroker;
import io.meterbridge.camel.testing.TestBroker;
import java.nio.file.Path;

/** {@link HomeAssistantLiveContract} on HiveMQ CE (MQTT 5), embedded in the test JVM. */
class HomeAssistantOnHiveMqTest extends HomeAssistantLiveContract {
    @Override
    TestBroker broker(Path folder) throws Exception {
        return new HiveMqBroker(folder);
    }
}
