package io.meterbridge.p1.dlms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** HDLC framing (IEC 62056-46 clause 6.4) on real HAN frames and frames derived from them. */
class HdlcFramerTest {

    private static final byte[] KAMSTRUP = HanFrames.KAMSTRUP_THREE_PHASE;

    @Test
    void kamstrupFrameHeaderIsReadAndBothChecksMatch() throws DlmsFormatException {
        HdlcFrame f = HdlcFrame.parse(KAMSTRUP, 0);
        assertFalse(f.segmented());
        assertEquals(0x2B, f.destination());
        assertEquals(0x21, f.source());
        assertEquals(0x13, f.control());
        // length 0xE2 = 226 between the flags: format 2, addresses 2, control 1, HCS 2, FCS 2
        assertEquals(226 - 9, f.information().length);
        assertArrayEquals(new byte[] {(byte) 0xE6, (byte) 0xE7, 0x00}, Arrays.copyOf(f.information(), 3));
        // the frame's own HCS bytes 23 9A (low byte first) are CRC-16/X-25 of format, addresses, control
        assertEquals(0x9A23, HdlcCrc.compute(KAMSTRUP, 1, 5));
    }

    @Test
    void aidonFrameHasATwoByteSourceAddress() throws DlmsFormatException {
        HdlcFrame f = HdlcFrame.parse(HanFrames.AIDON_LIST_1, 100);
        assertEquals(0x41, f.destination());
        assertEquals(0x0883, f.source());
        assertEquals(0x13, f.control());
        assertEquals(100, f.offset());
    }

    @Test
    void damagedHeaderFailsTheHcsAtItsOffset() {
        byte[] bad = KAMSTRUP.clone();
        bad[3] ^= 0x02; // destination address 2B -> 29: still one byte, so only the HCS can tell
        HdlcCrcException e = assertThrows(HdlcCrcException.class, () -> HdlcFrame.parse(bad, 1000));
        assertEquals(HdlcCrcException.Check.HCS, e.check());
        assertEquals(1006, e.offset());
        assertTrue(e.getMessage().contains("found 9A23"), e.getMessage());
    }

    @Test
    void damagedInformationFailsTheFcsAtItsOffset() {
        byte[] bad = KAMSTRUP.clone();
        bad[100] ^= 0x01;
        HdlcCrcException e = assertThrows(HdlcCrcException.class, () -> HdlcFrame.parse(bad, 0));
        assertEquals(HdlcCrcException.Check.FCS, e.check());
        assertEquals(KAMSTRUP.length - 3, e.offset());
        assertTrue(e.getMessage().contains("found 4684"), e.getMessage());
    }

    @Test
    void wrongFormatTypeSaysWhatWasFound() {
        byte[] bad = KAMSTRUP.clone();
        bad[1] = (byte) 0x90;
        DlmsFormatException e = assertThrows(DlmsFormatException.class, () -> HdlcFrame.parse(bad, 0));
        assertEquals("byte offset 1: expected frame format type A (type 3), found 9", e.getMessage());
    }

    @Test
    void framesFedOneByteAtATimeWithNoiseBeforeAndBetween() {
        byte[] noise = {0x11, 0x22, 0x33};
        byte[] stream = concat(noise, KAMSTRUP, new byte[] {0x44, 0x55}, HanFrames.AIDON_LIST_1);
        HdlcFramer framer = new HdlcFramer();
        List<HdlcEvent> events = new ArrayList<>();
        for (byte b : stream) {
            events.addAll(framer.feed(new byte[] {b}));
        }
        events.addAll(framer.endOfStream());
        List<Apdu> apdus = apdus(events);
        assertEquals(2, apdus.size());
        assertEquals(3, apdus.get(0).offset());
        assertEquals(DataNotification.TAG, apdus.get(0).bytes()[0]);
        assertEquals(3 + KAMSTRUP.length + 2, apdus.get(1).offset());
        List<HdlcDropped> dropped = dropped(events);
        assertEquals(List.of(new HdlcDropped(HdlcDropped.Reason.NOISE, 0, 3,
                        "expected flag 7E starting an HDLC frame, found 3 other bytes"),
                new HdlcDropped(HdlcDropped.Reason.NOISE, 3 + KAMSTRUP.length, 2,
                        "expected flag 7E starting an HDLC frame, found 2 other bytes")), dropped);
    }

    @Test
    void aFlagInNoiseDoesNotCostTheFrameAfterIt() {
        // 7E 12: a flag followed by no frame format; the real frame follows directly
        byte[] stream = concat(new byte[] {0x7E, 0x12, 0x34}, KAMSTRUP);
        List<HdlcEvent> events = new ArrayList<>(new HdlcFramer().feed(stream));
        List<Apdu> apdus = apdus(events);
        assertEquals(1, apdus.size());
        assertEquals(3, apdus.get(0).offset());
        HdlcDropped first = dropped(events).get(0);
        assertEquals(HdlcDropped.Reason.MALFORMED, first.reason());
        assertEquals(0, first.offset());
        assertEquals("expected frame format type A after flag at offset 0, found 12", first.detail());
    }

    @Test
    void sharedFlagBetweenFramesIsAccepted() {
        // the closing flag of one frame may open the next (IEC 62056-46 clause 6.4.1)
        byte[] stream = concat(KAMSTRUP, Arrays.copyOfRange(HanFrames.AIDON_LIST_1, 1, HanFrames.AIDON_LIST_1.length));
        HdlcFramer framer = new HdlcFramer();
        List<Apdu> apdus = apdus(framer.feed(stream));
        assertEquals(2, apdus.size());
        assertEquals(KAMSTRUP.length - 1, apdus.get(1).offset());
    }

    @Test
    void aFrameWithABadFcsIsDroppedAndTheNextOneDelivered() {
        byte[] bad = KAMSTRUP.clone();
        bad[50] ^= 0x40;
        List<HdlcEvent> events = new HdlcFramer().feed(concat(bad, HanFrames.AIDON_LIST_1));
        HdlcDropped d = dropped(events).get(0);
        assertEquals(HdlcDropped.Reason.CRC_MISMATCH, d.reason());
        assertEquals(0, d.offset());
        assertEquals(KAMSTRUP.length, d.length());
        assertTrue(d.detail().startsWith("byte offset " + (KAMSTRUP.length - 3) + ": FCS mismatch"), d.detail());
        List<Apdu> apdus = apdus(events);
        assertEquals(1, apdus.size());
        assertArrayEquals(Arrays.copyOfRange(HanFrames.AIDON_LIST_1, 12, HanFrames.AIDON_LIST_1.length - 3),
                apdus.get(0).bytes());
    }

    @Test
    void segmentedFramesAreReassembledIntoTheOriginalApdu() throws DlmsFormatException {
        // Derived: the Kamstrup push's information field split into two segments, re-framed with
        // the segmentation bit on the first (IEC 62056-46 clause 6.4.4.4.3.3); the LLC stays on the first.
        byte[] info = HdlcFrame.parse(KAMSTRUP, 0).information();
        byte[] first = frame(true, Arrays.copyOf(info, 120));
        byte[] second = frame(false, Arrays.copyOfRange(info, 120, info.length));
        HdlcFramer framer = new HdlcFramer();
        List<HdlcEvent> events = new ArrayList<>(framer.feed(concat(first, second)));
        List<Apdu> apdus = apdus(events);
        assertEquals(1, apdus.size());
        assertEquals(0, apdus.get(0).offset());
        assertArrayEquals(Arrays.copyOfRange(info, 3, info.length), apdus.get(0).bytes());
        long frames = events.stream().filter(e -> e instanceof HdlcFrame).count();
        assertEquals(2, frames);
        assertTrue(((HdlcFrame) events.get(0)).segmented());
    }

    @Test
    void aLostFirstSegmentIsReportedNotGuessed() {
        byte[] info = Arrays.copyOfRange(KAMSTRUP, 8, KAMSTRUP.length - 3);
        byte[] continuation = frame(false, Arrays.copyOfRange(info, 120, info.length));
        List<HdlcEvent> events = new HdlcFramer().feed(continuation);
        assertTrue(apdus(events).isEmpty());
        HdlcDropped d = dropped(events).get(0);
        assertEquals(HdlcDropped.Reason.INCOMPLETE_APDU, d.reason());
        assertTrue(d.detail().startsWith("expected the LLC header E6 E7 00"), d.detail());
    }

    @Test
    void aFrameCutByTheEndOfTheStreamIsTruncated() {
        HdlcFramer framer = new HdlcFramer();
        assertTrue(framer.feed(Arrays.copyOf(KAMSTRUP, 40)).isEmpty());
        List<HdlcEvent> end = framer.endOfStream();
        assertEquals(List.of(new HdlcDropped(HdlcDropped.Reason.TRUNCATED, 0, 40,
                "expected 228 bytes, found end of stream after 40")), end);
    }

    /** A UI frame with the Kamstrup frame's addresses around {@code info}, its HCS and FCS computed. */
    private static byte[] frame(boolean segmented, byte[] info) {
        int length = 2 + 2 + 1 + 2 + info.length + 2;
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(0x7E);
        b.write(0xA0 | (segmented ? 0x08 : 0) | (length >> 8));
        b.write(length & 0xFF);
        b.write(0x2B);
        b.write(0x21);
        b.write(0x13);
        byte[] head = b.toByteArray();
        int hcs = HdlcCrc.compute(head, 1, head.length - 1);
        b.write(hcs & 0xFF);
        b.write(hcs >> 8);
        b.writeBytes(info);
        byte[] body = b.toByteArray();
        int fcs = HdlcCrc.compute(body, 1, body.length - 1);
        b.write(fcs & 0xFF);
        b.write(fcs >> 8);
        b.write(0x7E);
        return b.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static List<Apdu> apdus(List<HdlcEvent> events) {
        return events.stream().filter(e -> e instanceof Apdu).map(e -> (Apdu) e).toList();
    }

    private static List<HdlcDropped> dropped(List<HdlcEvent> events) {
        return events.stream().filter(e -> e instanceof HdlcDropped).map(e -> (HdlcDropped) e).toList();
    }
}
