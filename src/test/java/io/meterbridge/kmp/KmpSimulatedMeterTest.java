package io.meterbridge.kmp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meterbridge.sim.Fault;
import io.meterbridge.sim.KmpMeter;
import io.meterbridge.telegram.Hex;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The simulated KMP heat meter ({@code io.meterbridge.sim.KmpMeter}) answering requests encoded
 * by this package, read back through a {@link KmpReceiver} as a reading device would.
 */
class KmpSimulatedMeterTest {

    private static final Instant ON = Instant.parse("2024-01-15T10:00:00Z");
    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    private final KmpMeter meter = new KmpMeter(67_211_183L, ON, ZONE);

    /** What a reading device makes of the reply: the events of a response receiver, input ended. */
    private static List<KmpEvent> read(KmpMeter.Reply reply) {
        KmpReceiver receiver = KmpReceiver.forResponses();
        List<KmpEvent> events = new java.util.ArrayList<>(receiver.feed(reply.bytes()));
        events.addAll(receiver.endOfInput());
        return events;
    }

    private static KmpResponse exchange(KmpMeter meter, KmpRequest request, Instant at) throws Exception {
        List<KmpEvent> events = read(meter.answer(request.encode(), at));
        assertEquals(1, events.size(), events::toString);
        KmpFrame frame = assertInstanceOf(KmpEvent.FrameReceived.class, events.get(0)).frame();
        return KmpResponse.parse(frame, request);
    }

    @Test
    void answersThePublishedRequestForE1() throws Exception {
        // the request bytes of gemu2015/Sonoff-Tasmota issue 38
        KmpMeter.Reply reply = meter.answer(Hex.parse("80 3F 10 01 00 3C B2 5F 0D"), ON);
        assertEquals(Duration.ZERO, reply.delay());
        KmpFrame frame = KmpFrame.decode(KmpDirection.FROM_METER, reply.bytes());
        KmpResponse.Registers r = (KmpResponse.Registers) KmpResponse.parse(frame);
        assertEquals(List.of(new KmpRegisterValue(0x3C, KmpUnit.MWH.code(), new BigDecimal("34.510"), 4)), r.values());
        // the record layout of that real meter's E1: unit 03, length 04, sign/exponent 43
        assertArrayEquals(Hex.parse("00 3C 03 04 43 00 00 86 CE"), frame.data());
    }

    @Test
    void eightRegistersAdvanceWithTime() throws Exception {
        KmpRequest.GetRegister get = KmpRequest.GetRegister.of(KmpRegister.E1, KmpRegister.V1, KmpRegister.T1,
                KmpRegister.T2, KmpRegister.T1_T2, KmpRegister.POWER, KmpRegister.FLOW1, KmpRegister.HOURS);
        KmpResponse.Registers start = (KmpResponse.Registers) exchange(meter, get, ON);
        KmpResponse.Registers later = (KmpResponse.Registers) exchange(meter, get, ON.plus(Duration.ofHours(1)));
        assertEquals(List.of(), get.missingIn(start));
        assertEquals(get.registerIds(), start.values().stream().map(KmpRegisterValue::registerId).toList(),
                "in the order asked");

        assertEquals(new BigDecimal("34.510"), start.value(KmpRegister.E1).orElseThrow().value());
        assertEquals(new BigDecimal("34.521"), later.value(KmpRegister.E1).orElseThrow().value(), "+11.92 kWh, truncated");
        assertEquals(new BigDecimal("2232.49"), start.value(KmpRegister.V1).orElseThrow().value());
        assertEquals(new BigDecimal("2233.01"), later.value(KmpRegister.V1).orElseThrow().value(), "+527 l");
        assertEquals(new BigDecimal("43489"), start.value(KmpRegister.HOURS).orElseThrow().value());
        assertEquals(new BigDecimal("43490"), later.value(KmpRegister.HOURS).orElseThrow().value());
        assertEquals(new BigDecimal("64.60"), later.value(KmpRegister.T1).orElseThrow().value());
        assertEquals(new BigDecimal("45.16"), later.value(KmpRegister.T2).orElseThrow().value());
        assertEquals(new BigDecimal("19.44"), later.value(KmpRegister.T1_T2).orElseThrow().value());
        assertEquals(KmpUnit.KELVIN, later.value(KmpRegister.T1_T2).orElseThrow().unit().orElseThrow());
        assertEquals(new BigDecimal("11.9"), later.value(KmpRegister.POWER).orElseThrow().value());
        assertEquals(new BigDecimal("527"), later.value(KmpRegister.FLOW1).orElseThrow().value());
    }

    @Test
    void typeSerialDateAndTime() throws Exception {
        KmpResponse.MeterType type = (KmpResponse.MeterType) exchange(meter, new KmpRequest.GetType(), ON);
        assertEquals(0x0004, type.meterType());
        assertEquals(Optional.of("F1"), type.softwareRevision());
        assertEquals(new KmpResponse.SerialNo(67_211_183L), exchange(meter, new KmpRequest.GetSerialNo(), ON));

        KmpResponse.Registers r = (KmpResponse.Registers) exchange(meter,
                KmpRequest.GetRegister.of(KmpRegister.DATE, KmpRegister.TIME, KmpRegister.SERIAL_NO), ON);
        assertEquals(Optional.of(LocalDate.of(2024, 1, 15)), r.value(KmpRegister.DATE).orElseThrow().date());
        assertEquals(Optional.of(LocalTime.of(11, 0)), r.value(KmpRegister.TIME).orElseThrow().time(), "CET");
        assertEquals(new BigDecimal(67_211_183L), r.value(KmpRegister.SERIAL_NO).orElseThrow().value());
    }

    @Test
    void registersItDoesNotHaveAreLeftOut() throws Exception {
        KmpRequest.GetRegister get = KmpRequest.GetRegister.of(KmpRegister.V2, KmpRegister.E1, KmpRegister.FLOW2);
        KmpResponse.Registers r = (KmpResponse.Registers) exchange(meter, get, ON);
        assertEquals(List.of(KmpRegister.V2.id(), KmpRegister.FLOW2.id()), get.missingIn(r));
        KmpResponse.Registers none = (KmpResponse.Registers) exchange(meter, KmpRequest.GetRegister.ofIds(0x1234), ON);
        assertEquals(List.of(), none.values());
    }

    @Test
    void echoFault() throws Exception {
        meter.inject(Fault.ECHO, 1);
        byte[] request = KmpRequest.GetRegister.of(KmpRegister.E1).encode();
        List<KmpEvent> events = read(meter.answer(request, ON));
        assertEquals(2, events.size(), events::toString);
        assertArrayEquals(request, assertInstanceOf(KmpEvent.EchoSkipped.class, events.get(0)).wire());
        assertInstanceOf(KmpEvent.FrameReceived.class, events.get(1));
        assertEquals(0, meter.pendingFaults());
    }

    @Test
    void crcFault() {
        meter.inject(Fault.BAD_CHECKSUM, 1);
        List<KmpEvent> events = read(meter.answer(new KmpRequest.GetSerialNo().encode(), ON));
        KmpEvent.FrameRejected rejected = assertInstanceOf(KmpEvent.FrameRejected.class, events.get(0));
        KmpCrcException crc = assertInstanceOf(KmpCrcException.class, rejected.problem());
        assertEquals(0x5A5A, crc.expected() ^ crc.found());
        assertEquals(1, events.size());
    }

    @Test
    void truncatedFault() {
        meter.inject(Fault.TRUNCATED, 1);
        List<KmpEvent> events = read(meter.answer(KmpRequest.GetRegister.of(KmpRegister.E1, KmpRegister.V1).encode(), ON));
        assertEquals(1, events.size(), events::toString);
        KmpEvent.FrameRejected rejected = assertInstanceOf(KmpEvent.FrameRejected.class, events.get(0));
        assertTrue(rejected.problem().reason().contains("truncated frame"), rejected.problem().getMessage());
    }

    @Test
    void noAnswerLateAnswerAndNoiseFaults() throws Exception {
        meter.inject(Fault.NO_ANSWER, 2);
        meter.inject(Fault.LATE_ANSWER, 1);
        meter.inject(Fault.NOISE, 1);
        byte[] request = new KmpRequest.GetType().encode();
        assertTrue(meter.answer(request, ON).isSilent());
        assertTrue(meter.answer(request, ON).isSilent());
        KmpMeter.Reply late = meter.answer(request, ON);
        assertEquals(KmpMeter.LATE, late.delay());
        assertInstanceOf(KmpEvent.FrameReceived.class, read(late).get(0));
        List<KmpEvent> noisy = read(meter.answer(request, ON));
        assertEquals(new KmpEvent.NoiseSkipped(0, 7), noisy.get(0));
        assertInstanceOf(KmpEvent.FrameReceived.class, noisy.get(1));
        assertEquals(0, meter.pendingFaults());
        assertEquals(1, read(meter.answer(request, ON)).size(), "clean again");
    }

    @Test
    void requestsItCannotReadGetNoAnswer() {
        assertTrue(meter.answer(Hex.parse("80 3F 10 01 00 3C B2 5E 0D"), ON).isSilent(), "bad CRC");
        assertTrue(meter.answer(KmpRequest.GetRegister.of(KmpRegister.E1).toFrame(0x7F).encode(), ON).isSilent(),
                "another address");
        assertTrue(meter.answer(KmpFrame.request(0x3F, 0x09, Hex.parse("00")).encode(), ON).isSilent(), "SetClock");
        assertTrue(meter.answer(Hex.parse("40 3F 02 01 23 45 67 E9 56 0D"), ON).isSilent(), "a response");
        assertTrue(meter.answer(new byte[0], ON).isSilent(), "nothing");
    }
}
