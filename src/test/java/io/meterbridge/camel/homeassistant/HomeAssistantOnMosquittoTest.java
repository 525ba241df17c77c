package io.meterbridge.camel.homeassistant;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.meterbridge.camel.testing.MosquittoBroker;
import io.meterbridge.camel.testing.TestBroker;
import java.nio.file.Path;

/**
 * {@link HomeAssistantLiveContract} on Debian's Mosquitto, the broker most Home Assistant
 * installations use; runs where {@code mosquitto} is installed (CI installs it), skipped elsewhere.
 */
class HomeAssistantOnMosquittoTest extends HomeAssistantLiveContract {
    @Override
    TestBroker broker(Path folder) throws Exception {
        assumeTrue(MosquittoBroker.available(), "mosquitto is not installed");
        return new MosquittoBroker(folder);
    }
}
