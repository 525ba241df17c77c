package io.meterbridge.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BusesTest {

    @Test
    void oneReferenceCountedMasterPerPort() throws Exception {
        Buses buses = new Buses();
        String port = "tcp:127.0.0.1:9"; // never connected in this test: masters open lazily
        BusLease a = buses.acquire(BusSettings.of(port));
        BusLease b = buses.acquire(BusSettings.of(port).withRetries(5));
        assertSame(a.master(), b.master());
        assertEquals(2, buses.leases(port));
        IllegalStateException clash = assertThrows(IllegalStateException.class,
                () -> buses.acquire(BusSettings.of(port).withBaud(9600)));
        assertTrue(clash.getMessage().contains("2400"), clash.getMessage());
        a.close();
        a.close(); // idempotent
        assertEquals(1, buses.leases(port));
        b.close();
        assertEquals(0, buses.leases(port));
        BusLease c = buses.acquire(BusSettings.of(port));
        assertTrue(c.master() != a.master(), "a fresh master after the last release");
        c.close();
        PortUnavailableException closed = assertThrows(PortUnavailableException.class,
                () -> a.master().sendNke(1));
        assertTrue(closed.getMessage().contains("closed"), closed.getMessage());
    }
}
