package io.meterbridge.kmp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.meterbridge.telegram.Hex;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Finding frames in what an optical head delivers: noise, echoes, cut frames, chunks. */
class KmpReceiverTest {

    /** gemu2015/Sonoff-Tasmota issue 38: a request for E1 and the heat meter's answer. */
    private static final byte[] REQUEST = Hex.parse("80 3F 10 01 00 3C B2 5F 0D");
    private static final byte[] RESPONSE = Hex.parse("40 3F 10 00 3C 03 04 43 00 00 D6 DE 03 22 0D");

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    private static KmpEvent.FrameReceived received(KmpEvent e, long offset) {
        KmpEvent.FrameReceived r = assertInstanceOf(KmpEvent.FrameReceived.class, e);
        assertEquals(offset, r.offset());
        assertArrayEquals(RESPONSE, r.wire());
        assertEquals(KmpFrame.response(0x3F, 0x10, Hex.parse("00 3C 03 04 43 00 00 D6 DE")), r.frame());
        return r;
    }

    @Test
    void theEchoOfOurRequestIsSkippedNotTakenForTheResponse() {
        // PyKamstrup PR 6 (MULTICAL 21): "The initial request (0x80 ...) is fed back to the sender first"
        KmpReceiver receiver = KmpReceiver.forResponses();
        List<KmpEvent> events = receiver.feed(concat(REQUEST, RESPONSE));
        assertEquals(2, events.size(), events::toString);
        KmpEvent.EchoSkipped echo = assertInstanceOf(KmpEvent.EchoSkipped.class, events.get(0));
        assertEquals(0, echo.offset());
        assertArrayEquals(REQUEST, echo.wire());
        received(events.get(1), REQUEST.length);
        assertEquals(new KmpReceiver.Statistics(1, 0, 1, 0, 0, 0), receiver.statistics());
    }

    @Test
    void anEchoCutShortByTheResponseIsSkippedToo() {
        KmpReceiver receiver = KmpReceiver.forResponses();
        List<KmpEvent> events = receiver.feed(concat(Hex.parse("80 3F 10 01"), RESPONSE));
        assertEquals(2, events.size(), events::toString);
        assertArrayEquals(Hex.parse("80 3F 10 01"), assertInstanceOf(KmpEvent.EchoSkipped.class, events.get(0)).wire());
        received(events.get(1), 4);
    }

    @Test
    void resynchronisesAfterNoise() {
        KmpReceiver receiver = KmpReceiver.forResponses();
        byte[] noise = Hex.parse("00 FF 7E 3C 55 0D 1B");
        List<KmpEvent> events = receiver.feed(concat(noise, RESPONSE, noise, RESPONSE));
        assertEquals(4, events.size(), events::toString);
        assertEquals(new KmpEvent.NoiseSkipped(0, 7), events.get(0));
        received(events.get(1), 7);
        assertEquals(new KmpEvent.NoiseSkipped(22, 7), events.get(2));
        received(events.get(3), 29);
        assertEquals(14, receiver.statistics().noiseBytes());
    }

    @Test
    void joiningInTheMiddleOfAFrameSkipsItsTail() {
        KmpReceiver receiver = KmpReceiver.forResponses();
        byte[] tail = java.util.Arrays.copyOfRange(RESPONSE, 2, RESPONSE.length);
        List<KmpEvent> events = receiver.feed(concat(tail, RESPONSE));
        assertEquals(List.of(new KmpEvent.NoiseSkipped(0, tail.length)), events.subList(0, 1));
        received(events.get(1), tail.length);
    }

    @Test
    void aFrameCutByANewStartByteIsRejectedAndTheNewOneRead() {
        KmpReceiver receiver = KmpReceiver.forResponses();
        List<KmpEvent> events = receiver.feed(concat(Hex.parse("40 3F 10 00 3C 03"), RESPONSE));
        assertEquals(2, events.size(), events::toString);
        KmpEvent.FrameRejected cut = assertInstanceOf(KmpEvent.FrameRejected.class, events.get(0));
        assertEquals(0, cut.offset());
        assertArrayEquals(Hex.parse("40 3F 10 00 3C 03"), cut.wire());
        assertEquals("expected a frame byte or the stop byte 0x0D, found a bare 0x40 (the start byte of a response),"
                + " which appears in a frame only stuffed (a new frame began: this one is truncated)", cut.problem().reason());
        assertEquals(6, cut.problem().offset());
        received(events.get(1), 6);
    }

    @Test
    void theEndOfInputTruncatesAFrameInProgress() {
        KmpReceiver receiver = KmpReceiver.forResponses();
        assertEquals(List.of(), receiver.feed(Hex.parse("40 3F 10 00 3C")));
        List<KmpEvent> events = receiver.endOfInput();
        assertEquals(1, events.size());
        KmpEvent.FrameRejected rejected = assertInstanceOf(KmpEvent.FrameRejected.class, events.get(0));
        assertEquals("expected the stop byte 0x0D, found the end of the input after 5 bytes (truncated frame)"
                + " (at byte 5 of the frame)", rejected.problem().getMessage());
        // and the receiver is ready for the next exchange
        received(receiver.feed(RESPONSE).get(0), 5);
        assertEquals(List.of(), receiver.endOfInput());
    }

    @Test
    void theEndOfInputReportsPendingNoiseAndAnEchoInProgress() {
        KmpReceiver receiver = KmpReceiver.forResponses();
        assertEquals(List.of(), receiver.feed(Hex.parse("11 22")));
        assertEquals(List.of(new KmpEvent.NoiseSkipped(0, 2)), receiver.endOfInput());
        receiver.feed(Hex.parse("80 3F"));
        List<KmpEvent> events = receiver.endOfInput();
        assertArrayEquals(Hex.parse("80 3F"), assertInstanceOf(KmpEvent.EchoSkipped.class, events.get(0)).wire());
    }

    @Test
    void aCrcMismatchIsRejectedAndCounted() {
        KmpReceiver receiver = KmpReceiver.forResponses();
        byte[] bad = Hex.parse("40 3F 02 01 23 45 67 E9 57 0D");
        List<KmpEvent> events = receiver.feed(concat(bad, RESPONSE));
        KmpEvent.FrameRejected rejected = assertInstanceOf(KmpEvent.FrameRejected.class, events.get(0));
        KmpCrcException crc = assertInstanceOf(KmpCrcException.class, rejected.problem());
        assertEquals(0xE956, crc.expected());
        assertEquals(0xE957, crc.found());
        received(events.get(1), bad.length);
        assertEquals(new KmpReceiver.Statistics(1, 0, 0, 1, 1, 0), receiver.statistics());
    }

    @Test
    void aBareAckInsideAFrameSpoilsThatFrame() {
        KmpReceiver receiver = KmpReceiver.forResponses();
        List<KmpEvent> events = receiver.feed(Hex.parse("40 3F 06 00 00 0D"));
        KmpEvent.FrameRejected rejected = assertInstanceOf(KmpEvent.FrameRejected.class, events.get(0));
        assertEquals(2, rejected.problem().offset());
        assertEquals(1, events.size());
    }

    @Test
    void aLoneAckBetweenFramesIsAnAck() {
        KmpReceiver receiver = KmpReceiver.forResponses();
        List<KmpEvent> events = receiver.feed(Hex.parse("55 06"));
        assertEquals(List.of(new KmpEvent.NoiseSkipped(0, 1), new KmpEvent.Acknowledged(1)), events);
        assertEquals(1, receiver.statistics().acks());
    }

    @Test
    void chunksOfAnySizeGiveTheSameEvents() {
        byte[] stream = concat(Hex.parse("00 13"), REQUEST, RESPONSE, Hex.parse("06"), RESPONSE);
        List<String> whole = KmpReceiver.forResponses().feed(stream).stream().map(Object::toString).toList();
        for (int chunk = 1; chunk <= 7; chunk++) {
            KmpReceiver receiver = KmpReceiver.forResponses();
            List<String> events = new ArrayList<>();
            for (int at = 0; at < stream.length; at += chunk) {
                receiver.feed(stream, at, Math.min(chunk, stream.length - at)).forEach(e -> events.add(e.toString()));
            }
            assertEquals(whole, events, "chunks of " + chunk);
        }
        assertEquals(5, whole.size(), whole::toString);
    }

    @Test
    void aFrameWithoutStopByteIsCutAtTheLimit() {
        KmpReceiver receiver = new KmpReceiver(KmpDirection.FROM_METER, 16);
        byte[] endless = new byte[20];
        endless[0] = 0x40;
        List<KmpEvent> events = receiver.feed(concat(endless, RESPONSE));
        assertEquals(3, events.size(), events::toString);
        KmpEvent.FrameRejected rejected = assertInstanceOf(KmpEvent.FrameRejected.class, events.get(0));
        assertEquals(16, rejected.wire().length);
        assertEquals("expected the stop byte 0x0D within 16 bytes, found none", rejected.problem().reason());
        assertEquals(new KmpEvent.NoiseSkipped(16, 4), events.get(1));
        assertEquals(20, events.get(2).offset());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new KmpReceiver(KmpDirection.FROM_METER, 5));
        assertEquals("expected maxFrameBytes of at least 6 (the shortest frame), found 5", e.getMessage());
    }

    @Test
    void aMeterSideReceiverTakesRequestsAndSkipsResponses() {
        KmpReceiver meter = new KmpReceiver(KmpDirection.TO_METER);
        List<KmpEvent> events = meter.feed(concat(RESPONSE, REQUEST));
        assertInstanceOf(KmpEvent.EchoSkipped.class, events.get(0));
        KmpEvent.FrameReceived request = assertInstanceOf(KmpEvent.FrameReceived.class, events.get(1));
        assertEquals(KmpFrame.request(0x3F, 0x10, Hex.parse("01 00 3C")), request.frame());
    }
}
