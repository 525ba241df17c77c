package io.meterbridge.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BusesTest {

    @Test
    void oneReferenceCountedMasterPerPort() throws Exception {
        String port = "tcp:127.0.0.1:9"; // never connected in this test: masters open lazily
        BusLease a = Buses.acquire(BusSettings.of(port));
        BusLease b = Buses.acquire(BusSettings.of(port).withRetries(5));
        assertSame(a.master(), b.master());
        assertEquals(2, Buses.leases(port));
        IllegalStateException clash = assertThrows(IllegalStateException.class,
                () -> Buses.acquire(BusSettings.of(port).withBaud(9600)));
        assertTrue(clash.getMessage().contains("2400"), clash.getMessage());
        a.close();
        a.close(); // idempotent
        assertEquals(1, Buses.leases(port));
        b.close();
        assertEquals(0, Buses.leases(port));
        BusLease c = Buses.acquire(BusSettings.of(port));
        assertTrue(c.master() != a.master(), "a fresh master after the last release");
        c.close();
        PortUnavailableException closed = assertThrows(PortUnavailableException.class,
                () -> a.master().sendNke(1));
        assertTrue(closed.getMessage().contains("closed"), closed.getMessage());
    }
}
