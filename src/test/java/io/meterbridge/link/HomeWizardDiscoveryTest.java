package io.meterbridge.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import javax.jmdns.ServiceInfo;
import org.junit.jupiter.api.Test;

/**
 * A JmDNS service description with the TXT records a HomeWizard announces becomes a
 * {@link HomeWizardDevice}; runs where multicast does not (ScanHomeWizardTest needs it).
 */
class HomeWizardDiscoveryTest {

    @Test
    void txtRecordsOfAP1MeterBecomeADevice() {
        ServiceInfo info = ServiceInfo.create(HomeWizardDiscovery.SERVICE_TYPE, "p1meter-AABBCC", 80, 0, 0,
                Map.of("product_type", "HWE-P1", "product_name", "P1 meter", "serial", "3c39e7aabbcc",
                        "api_enabled", "1", "path", "/api/v1"));
        HomeWizardDevice d = HomeWizardDiscovery.device(info);
        assertEquals(new HomeWizardDevice("p1meter-AABBCC", "", 80, "HWE-P1", "P1 meter", "3c39e7aabbcc", true), d);
        assertTrue(d.isP1Meter());
    }

    @Test
    void aSocketWithTheApiOffIsNotAP1Meter() {
        ServiceInfo info = ServiceInfo.create(HomeWizardDiscovery.SERVICE_TYPE, "energysocket-112233", 80, 0, 0,
                Map.of("product_type", "HWE-SKT", "serial", "3c39e7112233", "api_enabled", "0"));
        HomeWizardDevice d = HomeWizardDiscovery.device(info);
        assertFalse(d.apiEnabled());
        assertFalse(d.isP1Meter());
        assertEquals("", d.productName());
    }
}
