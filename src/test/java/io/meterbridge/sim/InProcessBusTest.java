package io.meterbridge.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meterbridge.link.BusMaster;
import io.meterbridge.link.BusSettings;
import io.meterbridge.link.BusStatistics;
import io.meterbridge.link.CollisionException;
import io.meterbridge.link.Control;
import io.meterbridge.link.CorruptReplyException;
import io.meterbridge.link.LongFrame;
import io.meterbridge.link.MBusException;
import io.meterbridge.link.MeterAddress;
import io.meterbridge.link.NoReplyException;
import io.meterbridge.link.ScanHit;
import io.meterbridge.telegram.SecondaryAddress;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The bus master against the simulator in-process, unpaced but with the real EN 13757-2 timeouts at 38400 Bd. */
class InProcessBusTest {

    private SimBus bus;
    private BusMaster master;
    private SimMeter mc303;
    private SimMeter mc403;

    @BeforeEach
    void setUp() {
        bus = SimBus.standard(Clock.systemUTC());
        mc303 = bus.meterAt(1);
        mc403 = bus.meterAt(89);
        BusSettings settings = BusSettings.of("sim").withBaud(38400);
        master = new BusMaster(settings, new SimTransport(bus, false, 38400, "sim"));
    }

    @AfterEach
    void tearDown() {
        master.close();
    }

    private static int fcbOf(int control) {
        return (control & Control.FCB) != 0 ? 1 : 0;
    }

    @Test
    void readsTheMulticall303AfterSndNkeWithFcbOne() throws Exception {
        List<LongFrame> telegrams = master.readMeter(MeterAddress.parse("1"));
        assertEquals(1, telegrams.size());
        LongFrame f = telegrams.get(0);
        assertEquals(128, f.wireLength());
        assertEquals(0x72, f.ci());
        assertEquals(SecondaryAddress.parse("829371332D2C4004"), SecondaryAddress.fromWire(f.data(), 0));
        assertEquals(List.of(Control.SND_NKE, 0x7B), mc303.controlsReceived());
        master.readMeter(MeterAddress.parse("1"));
        // no second SND_NKE; FCB toggled
        assertEquals(List.of(Control.SND_NKE, 0x7B, 0x5B), mc303.controlsReceived());
    }

    @Test
    void pacedAnswersTakeAtLeastTheirWireTime() throws Exception {
        try (BusMaster paced = new BusMaster(BusSettings.of("sim:paced").withBaud(9600),
                new SimTransport(bus, true, 9600, "sim:paced"))) {
            long t0 = System.nanoTime();
            paced.readMeter(MeterAddress.parse("1"));
            long elapsed = System.nanoTime() - t0;
            // SND_NKE 5 + E5 1 + REQ_UD2 5 + RSP_UD 128 bytes at 11 bits per character, plus 2 reply delays of 22 bits
            long wire = (5 + 1 + 5 + 128) * 11L * 1_000_000_000L / 9600 + 2 * 22L * 1_000_000_000L / 9600;
            assertTrue(elapsed >= wire, elapsed + " ns < " + wire + " ns on the wire");
        }
    }

    @Test
    void followsDif1FToTheSecondTelegram() throws Exception {
        List<LongFrame> telegrams = master.readMeter(MeterAddress.parse("89"));
        assertEquals(2, telegrams.size());
        assertEquals(125, telegrams.get(0).wireLength());
        assertEquals(71, telegrams.get(1).wireLength());
        assertEquals(List.of(Control.SND_NKE, 0x7B, 0x5B), mc403.controlsReceived());
        // access numbers advance per fresh telegram
        assertEquals((telegrams.get(0).data()[8] + 1) & 0xFF, telegrams.get(1).data()[8] & 0xFF);
    }

    @Test
    void telegramCapStopsTheReadout() throws Exception {
        List<LongFrame> telegrams = master.readMeter(MeterAddress.parse("89"),
                io.meterbridge.link.ReadOptions.DEFAULT.withMaxTelegrams(1));
        assertEquals(1, telegrams.size());
    }

    @Test
    void retryAfterALostAnswerRepeatsTheFcbAndGetsTheRepeat() throws Exception {
        master.sendNke(89);
        mc403.inject(Fault.NO_ANSWER, 1);
        List<LongFrame> telegrams = master.readMeter(MeterAddress.parse("89"));
        // REQ_UD2 FCB=1 lost, retried with FCB=1 (meter repeats telegram 1), then FCB=0 for telegram 2
        assertEquals(List.of(Control.SND_NKE, 0x7B, 0x7B, 0x5B), mc403.controlsReceived());
        assertEquals(2, telegrams.size());
        assertEquals(125, telegrams.get(0).wireLength());
        assertEquals(71, telegrams.get(1).wireLength());
        BusStatistics s = master.statistics();
        assertEquals(1, s.timeouts());
        assertEquals(1, s.retries());
    }

    @Test
    void everyFaultIsRecoveredByARetryOrSkipped() throws Exception {
        for (Fault fault : Fault.values()) {
            master.sendNke(1);
            BusStatistics before = master.statistics();
            mc303.inject(fault, 1);
            List<LongFrame> t = master.readMeter(MeterAddress.parse("1"));
            assertEquals(128, t.get(0).wireLength(), fault.name());
            BusStatistics d = master.statistics().minus(before);
            switch (fault) {
                case NO_ANSWER, LATE_ANSWER -> assertEquals(1, d.timeouts(), fault + " " + d);
                case BAD_CHECKSUM -> assertEquals(1, d.checksumErrors(), fault + " " + d);
                case TRUNCATED -> assertEquals(1, d.frameErrors(), fault + " " + d);
                case NOISE -> assertEquals(6, d.noiseBytes(), fault + " " + d);
                case ECHO -> assertEquals(5, d.noiseBytes(), fault + " " + d);
            }
            if (fault == Fault.NOISE || fault == Fault.ECHO) {
                assertEquals(0, d.retries(), fault + " needs no retry " + d);
            } else {
                assertEquals(1, d.retries(), fault + " " + d);
            }
        }
    }

    @Test
    void aSlowMeterGetsMoreTimeWithoutSlowingTheBus() throws Exception {
        master.sendNke(1);
        // Answers far beyond the bus's EN 13757-2 timeout: with the bus settings and no retry it is lost…
        mc303.inject(Fault.LATE_ANSWER, 1);
        io.meterbridge.link.ReadOptions once = io.meterbridge.link.ReadOptions.DEFAULT.withRetries(0);
        assertThrows(NoReplyException.class, () -> master.readMeter(MeterAddress.parse("1"), once));
        Thread.sleep(400); // let that late answer pass
        // …with a per-meter allowance the same late answer is read at the first attempt.
        master.sendNke(1);
        mc303.inject(Fault.LATE_ANSWER, 1);
        BusStatistics before = master.statistics();
        List<LongFrame> t = master.readMeter(MeterAddress.parse("1"), once.withExtraTimeout(Duration.ofMillis(600)));
        assertEquals(128, t.get(0).wireLength());
        assertEquals(0, master.statistics().minus(before).timeouts());
        // the other meter keeps the bus's short timeout
        assertEquals(2, master.readMeter(MeterAddress.parse("89")).size());
    }

    @Test
    void persistentFaultsBecomeSpecificExceptions() throws Exception {
        master.sendNke(1);
        mc303.inject(Fault.BAD_CHECKSUM, 3); // first try and both retries
        CorruptReplyException c = assertThrows(CorruptReplyException.class,
                () -> master.readMeter(MeterAddress.parse("1")));
        assertTrue(c.getMessage().contains("checksum"), c.getMessage());
        assertEquals("1", c.address());
        master.sendNke(1);
        mc303.inject(Fault.TRUNCATED, 3);
        CorruptReplyException t = assertThrows(CorruptReplyException.class,
                () -> master.readMeter(MeterAddress.parse("1")));
        assertTrue(t.getMessage().contains("truncated"), t.getMessage());
        master.sendNke(1);
        mc303.inject(Fault.NO_ANSWER, 3);
        NoReplyException n = assertThrows(NoReplyException.class, () -> master.readMeter(MeterAddress.parse("1")));
        assertTrue(n.getMessage().contains("meter 1"), n.getMessage());
        assertEquals(3, n.attempts());
        assertEquals(0, mc303.pendingFaults());
        assertEquals(1, master.readMeter(MeterAddress.parse("1")).size());
    }

    @Test
    void aReadoutThatFailsPartWayKeepsTheTelegramsAlreadyRead() throws Exception {
        List<LongFrame> whole = master.readMeter(MeterAddress.parse("89"));
        master.sendNke(89);
        mc403.injectAfter(1, Fault.NO_ANSWER, 3); // telegram 1 arrives, telegram 2 never (first try and both retries)
        NoReplyException e = assertThrows(NoReplyException.class, () -> master.readMeter(MeterAddress.parse("89")));
        assertEquals(1, e.partialTelegrams().size(), e.getMessage());
        LongFrame kept = e.partialTelegrams().get(0);
        assertEquals(125, kept.wireLength());
        assertEquals(whole.get(0).ci(), kept.ci());
        assertEquals(SecondaryAddress.fromWire(whole.get(0).data(), 0), SecondaryAddress.fromWire(kept.data(), 0));
        assertTrue(e.getMessage().contains("failed at telegram 2; the 1 telegram read before are kept"), e.getMessage());
        // REQ_UD2 FCB=1 answered, then FCB=0 three times unanswered
        assertEquals(List.of(0x7B, 0x5B, 0x5B, 0x5B), tail(mc403.controlsReceived(), 4));

        // the same through a secondary selection, with a corrupt second telegram
        mc403.injectAfter(2, Fault.BAD_CHECKSUM, 3); // the selection's E5 and telegram 1 arrive intact
        CorruptReplyException c = assertThrows(CorruptReplyException.class,
                () -> master.readMeter(MeterAddress.parse("77447744FFFFFFFF")));
        assertEquals(1, c.partialTelegrams().size(), c.getMessage());
        assertEquals(125, c.partialTelegrams().get(0).wireLength());

        // a failure at the first telegram has nothing to keep, and says nothing about it
        master.sendNke(89);
        mc403.inject(Fault.NO_ANSWER, 3);
        NoReplyException first = assertThrows(NoReplyException.class,
                () -> master.readMeter(MeterAddress.parse("89")));
        assertEquals(List.of(), first.partialTelegrams());
        assertTrue(!first.getMessage().contains("kept"), first.getMessage());
        assertEquals(2, master.readMeter(MeterAddress.parse("89")).size());
    }

    private static List<Integer> tail(List<Integer> list, int n) {
        return list.subList(list.size() - n, list.size());
    }

    @Test
    void otherMetersKeepBeingReadWhileOneIsSilent() throws Exception {
        mc303.leave();
        for (int i = 0; i < 3; i++) {
            assertThrows(NoReplyException.class, () -> master.readMeter(MeterAddress.parse("1")));
            assertEquals(2, master.readMeter(MeterAddress.parse("89")).size());
        }
        mc303.rejoin();
        assertEquals(1, master.readMeter(MeterAddress.parse("1")).size());
    }

    @Test
    void readsBySecondaryAddressWithWildcards() throws Exception {
        List<LongFrame> t = master.readMeter(MeterAddress.parse("77447744FFFFFFFF"));
        assertEquals(2, t.size());
        assertEquals(0x34, t.get(0).data()[6]);
        List<LongFrame> t2 = master.readMeter(MeterAddress.parse("8FFFFFFF2D2CFFFF"));
        assertEquals(1, t2.size());
        assertThrows(CollisionException.class, () -> master.readMeter(MeterAddress.parse("FFFFFFFFFFFFFFFF")));
        assertThrows(NoReplyException.class, () -> master.readMeter(MeterAddress.parse("12345678FFFFFFFF")));
    }

    @Test
    void primaryScanFindsBothMeters() throws Exception {
        List<Integer> seen = new ArrayList<>();
        List<ScanHit> hits = new ArrayList<>(master.scanPrimary(0, 3, seen::add));
        hits.addAll(master.scanPrimary(88, 90, seen::add));
        assertEquals(List.of(0, 1, 2, 3, 88, 89, 90), seen);
        assertEquals(2, hits.size());
        assertEquals(1, hits.get(0).primaryAddress());
        assertEquals(SecondaryAddress.parse("829371332D2C4004"), hits.get(0).secondaryAddress());
        assertEquals(128, hits.get(0).telegram().wireLength());
        assertEquals(89, hits.get(1).primaryAddress());
        assertEquals(SecondaryAddress.parse("774477442D2C3404"), hits.get(1).secondaryAddress());
    }

    @Test
    void primaryScanReportsTwoMetersOnOneAddress() throws Exception {
        bus.add(new SimMeter(new Multical303(), 5, 0x11111111, Clock.systemUTC()));
        bus.add(new SimMeter(Multical403.singleTelegram(), 5, 0x22222222, Clock.systemUTC()));
        List<ScanHit> hits = master.scanPrimary(4, 6, null);
        assertEquals(1, hits.size());
        assertEquals(5, hits.get(0).primaryAddress());
        assertTrue(hits.get(0).problem().contains("collision"), hits.get(0).problem());
        assertThrows(MBusException.class, () -> master.readMeter(MeterAddress.parse("5")));
    }

    @Test
    void secondaryScanNarrowsOnCollisions() throws Exception {
        // Two more meters sharing the first four digits with the 303 force a deeper search.
        bus.add(new SimMeter(new Multical303(), 0, 0x82931111, Clock.systemUTC()));
        bus.add(new SimMeter(Multical403.singleTelegram(), 0, 0x82932222, Clock.systemUTC()));
        List<ScanHit> hits = master.scanSecondary(SecondaryAddress.ANY, null);
        List<String> found = hits.stream().map(h -> h.secondaryAddress().idText()).sorted().toList();
        assertEquals(List.of("77447744", "82931111", "82932222", "82937133"), found);
        assertTrue(hits.stream().allMatch(ScanHit::ok));
        assertTrue(master.statistics().collisions() >= 3, master.statistics().toString());
    }

    @Test
    void changesThePrimaryAddressAndVerifiesIt() throws Exception {
        master.changePrimaryAddress(1, 7);
        assertEquals(7, mc303.primaryAddress());
        assertEquals(7, master.readMeter(MeterAddress.parse("7")).get(0).address());
        MBusException taken = assertThrows(MBusException.class, () -> master.changePrimaryAddress(7, 89));
        assertTrue(taken.getMessage().contains("already in use"), taken.getMessage());
        assertEquals(7, mc303.primaryAddress());
        assertThrows(NoReplyException.class, () -> master.changePrimaryAddress(3, 4));
    }

    @Test
    void applicationResetStartsTheReadoutAgainAndReqUd1GetsE5() throws Exception {
        master.readMeter(MeterAddress.parse("89"), io.meterbridge.link.ReadOptions.DEFAULT.withMaxTelegrams(1));
        master.applicationReset(89, -1);
        List<LongFrame> t = master.readMeter(MeterAddress.parse("89"));
        assertEquals(125, t.get(0).wireLength());
        assertTrue(master.requestAlarm(1).isEmpty());
    }

    @Test
    void valuesEvolveWithTime() throws Exception {
        var clock = new MutableClock();
        SimMeter m = bus.add(new SimMeter(new Multical303(), 9, 0x12345678, clock));
        byte[] before = master.readMeter(MeterAddress.parse("9")).get(0).data();
        clock.advance(Duration.ofMinutes(30));
        byte[] after = master.readMeter(MeterAddress.parse("9")).get(0).data();
        long e0 = le(before, 14, 4);
        long e1 = le(after, 14, 4);
        assertTrue(e1 > e0, e0 + " -> " + e1);
        assertNotEquals(le(before, 20, 4), le(after, 20, 4)); // volume
        assertEquals(m.secondaryAddress(), SecondaryAddress.fromWire(after, 0));
    }

    @Test
    void manyThreadsShareOneMasterWithoutInterleaving() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        ConcurrentLinkedQueue<Integer> sizes = new ConcurrentLinkedQueue<>();
        List<Future<?>> fs = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String a = i % 2 == 0 ? "1" : "89";
            fs.add(pool.submit(() -> {
                sizes.add(master.readMeter(MeterAddress.parse(a)).size());
                return null;
            }));
        }
        for (Future<?> f : fs) {
            f.get();
        }
        pool.shutdown();
        assertEquals(15, sizes.stream().filter(s -> s == 1).count());
        assertEquals(15, sizes.stream().filter(s -> s == 2).count());
        BusStatistics s = master.statistics();
        assertEquals(0, s.retries() + s.timeouts() + s.checksumErrors() + s.frameErrors() + s.noiseBytes(),
                s.toString());
    }

    static long le(byte[] b, int off, int n) {
        long v = 0;
        for (int i = n - 1; i >= 0; i--) {
            v = v << 8 | (b[off + i] & 0xFF);
        }
        return v;
    }

    /** A clock tests move by hand. */
    static final class MutableClock extends Clock {
        private java.time.Instant now = java.time.Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public java.time.Instant instant() {
            return now;
        }
    }
}
