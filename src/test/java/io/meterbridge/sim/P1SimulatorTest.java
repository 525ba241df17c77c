package io.meterbridge.sim;

import io.meterbridge.p1.CrcMismatch;
import io.meterbridge.p1.Dropped;
import io.meterbridge.p1.P1Frame;
import io.meterbridge.p1.P1FramerEvent;
import io.meterbridge.p1.P1Framer;
import io.meterbridge.p1.P1Parser;
import io.meterbridge.p1.P1Telegram;
import io.meterbridge.p1.P1Version;
import io.meterbridge.p1.Phase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class P1SimulatorTest {

    private static final ZonedDateTime START = ZonedDateTime.of(2026, 6, 1, 11, 0, 0, 0, ZoneId.of("Europe/Amsterdam"));

    @ParameterizedTest
    @EnumSource(value = P1Version.class, names = {"DSMR_2_OR_3", "DSMR_4", "DSMR_5", "BELGIUM_E_MUCS",
        "LUXEMBOURG_SMARTY", "NORDIC_ESMR5"})
    void telegramsOfEveryVersionParseAsThatVersionWithRisingEnergy(P1Version version) throws Exception {
        P1Simulator sim = new P1Simulator(version, 42, START);
        P1Framer framer = new P1Framer();
        BigDecimal lastImport = BigDecimal.ZERO;
        for (int i = 0; i < 30; i++) {
            List<P1FramerEvent> events = framer.feed(sim.next(Duration.ofSeconds(version.hasCrc() ? 1 : 10)));
            assertEquals(1, events.size(), events.toString());
            P1Telegram t = P1Parser.parse(assertInstanceOf(P1Frame.class, events.get(0)));
            assertEquals(version, t.version());
            assertTrue(t.problems().isEmpty(), t.problems().toString());
            assertTrue(t.unknownLines().isEmpty(), t.unknownLines().toString());
            BigDecimal total = t.energyImportTotal().orElseThrow().value();
            assertTrue(total.compareTo(lastImport) >= 0, "import total must not decrease");
            lastImport = total;
            assertTrue(t.powerImport().isPresent());
            if (version != P1Version.DSMR_2_OR_3) {
                assertTrue(t.voltage(Phase.L1).isPresent());
                assertTrue(t.timestamp().isPresent());
            }
        }
        assertEquals(30, framer.statistics().frames());
    }

    @ParameterizedTest
    @EnumSource(value = P1Version.class, names = {"DSMR_4", "DSMR_5", "BELGIUM_E_MUCS", "LUXEMBOURG_SMARTY",
        "NORDIC_ESMR5"})
    void faultsAreDetectedByTheFramer(P1Version version) {
        P1Simulator sim = new P1Simulator(version, 7, START);
        P1Framer framer = new P1Framer();
        List<P1FramerEvent> events = new ArrayList<>();
        events.addAll(framer.feed(sim.next(Duration.ofSeconds(1), P1Fault.NOISE)));
        events.addAll(framer.feed(sim.next(Duration.ofSeconds(1), P1Fault.BAD_CRC)));
        // Bytes after a truncated telegram belong to it until the next '/', so truncation is
        // followed by a good telegram here.
        events.addAll(framer.feed(sim.next(Duration.ofSeconds(1), P1Fault.TRUNCATED)));
        events.addAll(framer.feed(sim.next(Duration.ofSeconds(1))));
        events.addAll(framer.endOfStream());
        assertEquals(5, events.size(), events.toString());
        assertEquals(Dropped.Reason.NOISE, assertInstanceOf(Dropped.class, events.get(0)).reason());
        assertInstanceOf(P1Frame.class, events.get(1));
        assertInstanceOf(CrcMismatch.class, events.get(2));
        assertEquals(Dropped.Reason.TRUNCATED, assertInstanceOf(Dropped.class, events.get(3)).reason());
        assertInstanceOf(P1Frame.class, events.get(4));
        P1Framer.Statistics s = framer.statistics();
        assertEquals(2, s.frames());
        assertEquals(1, s.crcMismatches());
        assertEquals(1, s.truncated());
    }
}
