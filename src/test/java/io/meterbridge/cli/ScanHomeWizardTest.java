package io.meterbridge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.meterbridge.link.HomeWizardDiscovery;
import java.net.InetAddress;
import java.util.Map;
import javax.jmdns.JmDNS;
import javax.jmdns.ServiceInfo;
import org.junit.jupiter.api.Test;

/**
 * {@code scan --homewizard} finds a real JmDNS registration of a {@code _hwenergy._tcp} service
 * carrying the TXT records a HomeWizard Wi-Fi P1 meter announces (product_type, product_name,
 * serial, api_enabled, path, as in HomeWizard's API documentation). Needs multicast on the host's
 * interface; where the sandbox has none, the test is skipped and says so.
 */
class ScanHomeWizardTest {

    @Test
    void findsARegisteredP1Meter() throws Exception {
        InetAddress host;
        try {
            host = HomeWizardDiscovery.lanAddress();
        } catch (java.io.IOException e) {
            assumeTrue(false, "no multicast-capable interface here: " + e.getMessage());
            return;
        }
        try (JmDNS device = JmDNS.create(host, "p1meter-aabbcc")) {
            device.registerService(ServiceInfo.create(HomeWizardDiscovery.SERVICE_TYPE, "p1meter-AABBCC", 80, 0, 0,
                    Map.of("product_type", "HWE-P1", "product_name", "P1 meter", "serial", "3c39e7aabbcc",
                            "api_enabled", "1", "path", "/api/v1")));
            // the default interface, as a user would run it
            BusCommandsTest.Run r = BusCommandsTest.run("scan", "--homewizard", "--wait", "3");
            assertEquals(0, r.exit(), r.err());
            assumeTrue(!r.out().contains("0 HomeWizard devices"), "multicast does not loop back here: " + r.out());
            assertTrue(r.out().lines().anyMatch(l -> l.matches(
                    "p1meter-AABBCC +" + host.getHostAddress().replace(".", "\\.") + " +HWE-P1 +3c39e7aabbcc +enabled")),
                    r.out());
            assertTrue(r.out().contains("1 HomeWizard device found by mDNS"), r.out());
            assertTrue(r.out().contains("route: p1:homewizard:" + host.getHostAddress()), r.out());
        }
    }

    @Test
    void scanWithoutHomeWizardStillAsksForABus() {
        BusCommandsTest.Run r = BusCommandsTest.run("scan");
        assertTrue(r.exit() != 0);
        assertTrue(r.err().contains("which bus?"), r.err());
    }
}
