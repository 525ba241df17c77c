package io.meterbridge.homeassistant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MeterAvailabilityTest {

    @Test
    void offlineAfterThreeFailuresOnlineOnTheNextGoodRead() {
        MeterAvailability a = MeterAvailability.unknown().afterSuccess();
        assertTrue(a.online());
        assertTrue(a.changed(), "first good read publishes online");
        a = a.afterSuccess();
        assertFalse(a.changed());
        a = a.afterFailure(3);
        assertTrue(a.online());
        assertFalse(a.changed());
        a = a.afterFailure(3);
        assertTrue(a.online());
        a = a.afterFailure(3);
        assertFalse(a.online());
        assertTrue(a.changed(), "third failure publishes offline");
        a = a.afterFailure(3);
        assertFalse(a.changed(), "offline is published once");
        assertEquals(4, a.consecutiveFailures());
        a = a.afterSuccess();
        assertTrue(a.online());
        assertTrue(a.changed());
        assertEquals(0, a.consecutiveFailures());
    }

    @Test
    void aMeterThatNeverAnsweredIsPublishedOfflineOnce() {
        MeterAvailability a = MeterAvailability.unknown().afterFailure(1);
        assertFalse(a.online());
        assertTrue(a.changed());
        assertFalse(a.afterFailure(1).changed());
        MeterAvailability b = MeterAvailability.unknown().afterFailure(2);
        assertFalse(b.changed());
        assertTrue(b.afterFailure(2).changed());
    }

    @Test
    void birthMessageIsRecognised() {
        DeviceDiscovery d = new DeviceDiscovery(DiscoveryConfig.defaults("1"));
        assertTrue(d.isHomeAssistantBirth("homeassistant/status", "online"));
        assertFalse(d.isHomeAssistantBirth("homeassistant/status", "offline"));
        assertFalse(d.isHomeAssistantBirth("other/status", "online"));
        assertEquals("offline", d.meterAvailability("kam_1", MeterAvailability.unknown().afterFailure(1)).payload());
    }
}
