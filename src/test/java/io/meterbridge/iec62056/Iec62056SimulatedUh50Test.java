package io.meterbridge.iec62056;

import io.meterbridge.sim.UltraheatFault;
import io.meterbridge.sim.UltraheatMeter;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The simulated UH50 read through the state machine, by a driver that plays the serial port: it
 * carries out the steps, hands what is transmitted to the meter at the port's speed, and delivers
 * what the meter sends only if the port is at the speed it was sent at (a byte at another speed is
 * a framing error, lost).
 */
class Iec62056SimulatedUh50Test {

    private static final LocalDateTime START = LocalDateTime.of(2024, 3, 1, 12, 0);

    /** A serial port in front of the simulated meter. */
    private static final class Port {
        final UltraheatMeter meter;
        final boolean echo;
        final Deque<UltraheatMeter.Reply> wire = new ArrayDeque<>();
        final List<byte[]> transmitted = new ArrayList<>();
        int baudRate;

        Port(UltraheatMeter meter, boolean echo) {
            this.meter = meter;
            this.echo = echo;
        }

        Readout read(ReadoutOptions options) throws Iec62056Exception {
            ReadoutSession session = new ReadoutSession(options);
            List<Step> steps = session.start();
            while (true) {
                List<Step> next = null;
                for (Step step : steps) {
                    if (step instanceof Step.SetBaudRate s) {
                        baudRate = s.baudRate();
                    } else if (step instanceof Step.Transmit t) {
                        transmitted.add(t.bytes());
                        if (echo) {
                            wire.add(echoOf(t.bytes()));
                        }
                        wire.addAll(meter.receive(t.bytes(), baudRate));
                    } else if (step instanceof Step.Receive) {
                        next = deliver(session);
                    } else if (step instanceof Step.Completed c) {
                        return c.readout();
                    }
                }
                steps = next;
            }
        }

        /** A half-duplex head hears its own transmission, at the port's speed. */
        private UltraheatMeter.Reply echoOf(byte[] bytes) {
            return new UltraheatMeter.Reply(bytes, baudRate);
        }

        private List<Step> deliver(ReadoutSession session) throws Iec62056Exception {
            while (!wire.isEmpty()) {
                UltraheatMeter.Reply reply = wire.poll();
                if (reply.baudRate() != baudRate) {
                    continue;
                }
                List<Step> next = session.received(reply.bytes());
                if (!next.isEmpty()) {
                    return next;
                }
            }
            return session.timedOut();
        }
    }

    private static Readout read(UltraheatMeter meter) throws Iec62056Exception {
        return new Port(meter, false).read(ReadoutOptions.landisGyrUltraheat());
    }

    private static BigDecimal number(Readout r, String address) {
        return r.dataBlock().dataSet(address).orElseThrow().value().decimal();
    }

    @Test
    void aReadoutInModeBAt2400() throws Exception {
        UltraheatMeter meter = UltraheatMeter.uh50(1, START);
        BigDecimal energy = meter.energy();
        Readout r = read(meter);
        assertEquals("/LUGCUH50", r.identification().text());
        assertEquals(ProtocolMode.B, r.mode());
        assertEquals(2400, r.baudRate());
        assertEquals(66, r.dataBlock().dataSets().size());
        assertEquals(energy, number(r, "6.8"));
        assertEquals("GJ", r.dataBlock().dataSet("6.8").orElseThrow().value().unit());
        assertEquals(meter.volume(), number(r, "6.26"));
        for (LandisGyrUltraheat field : LandisGyrUltraheat.values()) {
            assertTrue(field.in(r.dataBlock()).isPresent(), field.name());
        }
        assertEquals(List.of("2024-03-01", "12:00:00"),
                r.dataBlock().dataSet("9.36").orElseThrow().values().stream().map(DataSetValue::text).toList());
        assertEquals(1, meter.readouts());
    }

    @Test
    void valuesAdvanceLikeAMeters() throws Exception {
        UltraheatMeter meter = UltraheatMeter.uh50(2, START);
        Readout first = read(meter);
        for (int i = 0; i < 24; i++) {
            meter.advance(Duration.ofHours(1));
        }
        Readout day = read(meter);
        assertTrue(number(day, "6.8").compareTo(number(first, "6.8")) > 0, "energy grows");
        assertTrue(number(day, "6.26").compareTo(number(first, "6.26")) > 0, "volume grows");
        assertEquals(number(first, "6.31").add(new BigDecimal(24)), number(day, "6.31"), "24 operating hours more");
        assertTrue(number(day, "6.6").compareTo(number(first, "6.6")) >= 0, "a maximum never falls within the year");
        assertEquals(number(first, "6.8*01"), number(day, "6.8*01"), "no set day passed");
        assertEquals("2024-03-02", day.dataBlock().dataSet("9.36").orElseThrow().value().text());
    }

    @Test
    void theYearlySetDayTakesThePreviousYearValues() throws Exception {
        UltraheatMeter meter = UltraheatMeter.uh50(3, LocalDateTime.of(2024, 12, 31, 22, 0));
        Readout before = read(meter);
        meter.advance(Duration.ofHours(1));
        meter.advance(Duration.ofHours(1));
        BigDecimal atSetDay = meter.energy();
        meter.advance(Duration.ofHours(1));
        Readout after = read(meter);
        assertNotEquals(number(before, "6.8*01"), number(after, "6.8*01"));
        assertEquals(atSetDay, number(after, "6.8*01"));
        assertTrue(number(after, "6.8").compareTo(atSetDay) > 0);
    }

    @Test
    void megawattHoursLikeAT550() throws Exception {
        UltraheatMeter meter = new UltraheatMeter(4, START, UltraheatMeter.EnergyUnit.MWH, "00073600", "/LUGCUH50");
        Readout r = read(meter);
        assertEquals("MWh", r.dataBlock().dataSet("6.8").orElseThrow().value().unit());
        assertEquals(meter.energy(), number(r, "6.8"));
        assertEquals("00073600", r.dataBlock().dataSet("9.21").orElseThrow().value().text());
    }

    @Test
    void noAnswerOnce() throws Exception {
        UltraheatMeter meter = UltraheatMeter.uh50(5, START);
        meter.inject(UltraheatFault.NO_ANSWER);
        Iec62056TimeoutException e = assertThrows(Iec62056TimeoutException.class, () -> read(meter));
        assertEquals(ReadoutSession.State.AWAITING_IDENTIFICATION, e.state());
        assertEquals(2400, read(meter).baudRate(), "the next readout succeeds");
    }

    @Test
    void aSleepingMeterNeedsTheLongerWakeUp() throws Exception {
        UltraheatMeter meter = UltraheatMeter.uh50(6, START);
        meter.inject(UltraheatFault.SLEEPING);
        assertThrows(Iec62056TimeoutException.class, () -> read(meter), "40 NULs do not wake it");
        Port port = new Port(meter, false);
        Readout r = port.read(ReadoutOptions.landisGyrUltraheat().withWakeUp(WakeUp.battery()));
        assertEquals(66, port.transmitted.get(0).length);
        assertEquals(2400, r.baudRate());
    }

    @Test
    void aLineHitIsABccError() {
        UltraheatMeter meter = UltraheatMeter.uh50(7, START);
        meter.inject(UltraheatFault.BAD_BCC);
        Iec62056BccException e = assertThrows(Iec62056BccException.class, () -> read(meter));
        assertNotEquals(e.expected(), e.found());
    }

    @Test
    void aTruncatedBlockIsAFormatError() {
        UltraheatMeter meter = UltraheatMeter.uh50(8, START);
        meter.inject(UltraheatFault.TRUNCATED);
        Iec62056FormatException e = assertThrows(Iec62056FormatException.class, () -> read(meter));
        assertTrue(e.reason().startsWith("expected ETX (0x03) ending the data block, found the end of the data after "),
                e.getMessage());
    }

    @Test
    void modeCMeterAnswersAtTheSpeedAskedFor() throws Exception {
        UltraheatMeter meter = new UltraheatMeter(9, START, UltraheatMeter.EnergyUnit.GJ, "71234567", "/LUG4UH50");
        Port port = new Port(meter, false);
        Readout r = port.read(ReadoutOptions.landisGyrUltraheat().withMaxBaudRate(2400));
        assertEquals(ProtocolMode.C, r.mode());
        assertEquals(2400, r.baudRate());
        assertArrayEquals(new byte[] {0x06, '0', '3', '0', '\r', '\n'}, port.transmitted.get(2));
    }

    @Test
    void modeAMeterAt300() throws Exception {
        UltraheatMeter meter = new UltraheatMeter(10, START, UltraheatMeter.EnergyUnit.KWH, "71234567", "/LUG@UH50");
        Readout r = read(meter);
        assertEquals(300, r.baudRate());
        assertEquals("kWh", r.dataBlock().dataSet("6.8").orElseThrow().value().unit());
    }

    @Test
    void throughAnEchoingHead() throws Exception {
        Readout r = new Port(UltraheatMeter.uh50(11, START), true).read(ReadoutOptions.landisGyrUltraheat());
        assertEquals(45, r.skippedBytes(), "the echoed 40 NULs and /?! CR LF");
        assertEquals(2400, r.baudRate());
    }

    @Test
    void anotherMetersAddressIsNotAnswered() throws Exception {
        UltraheatMeter meter = UltraheatMeter.uh50(12, START);
        ReadoutOptions other = ReadoutOptions.landisGyrUltraheat().withRequest(new RequestMessage("12345678"));
        assertThrows(Iec62056TimeoutException.class, () -> new Port(meter, false).read(other));
        ReadoutOptions own = ReadoutOptions.landisGyrUltraheat().withRequest(new RequestMessage("71234567"));
        assertEquals(2400, new Port(meter, false).read(own).baudRate());
    }

    @Test
    void sameSeedSameReadouts() throws Exception {
        UltraheatMeter a = UltraheatMeter.uh50(13, START);
        UltraheatMeter b = UltraheatMeter.uh50(13, START);
        for (int i = 0; i < 5; i++) {
            a.advance(Duration.ofMinutes(15));
            b.advance(Duration.ofMinutes(15));
        }
        assertEquals(read(a).dataBlock(), read(b).dataBlock());
    }
}
