package io.meterbridge.p1;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class P1FramerTest {

    private static final String[] ALL = {"dsmr22-iskra-mt382.txt", "dsmr3-iskra-mt382.txt", "dsmr3-kamstrup-162.txt",
        "dsmr40-kaifa.txt", "dsmr42-kaifa.txt", "dsmr5-iskra-mt382.txt", "dsmr5-iskra-am550-two-mbus.txt",
        "belgium-emucs-fluvius.txt", "belgium-emucs-fluvius-empty-month.txt", "sagemcom-t210-d-r.txt", "iskra-ie5.txt",
        "sagemcom-eon-hungary.txt", "easymeter-q3d.txt", "sweden-sagemcom-s211.txt"};

    private static byte[] stream() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String name : ALL) {
            out.writeBytes(Telegrams.bytes(name));
        }
        return out.toByteArray();
    }

    private static List<P1FramerEvent> frameAll(P1Framer framer, byte[] bytes) {
        List<P1FramerEvent> events = new ArrayList<>(framer.feed(bytes));
        events.addAll(framer.endOfStream());
        return events;
    }

    @Test
    void framesEveryRealTelegramInOneStream() throws Exception {
        P1Framer framer = new P1Framer();
        List<P1FramerEvent> events = new ArrayList<>();
        P1Framer.Statistics stats = framer.readAll(new ByteArrayInputStream(stream()), events::add);
        List<P1Frame> frames = events.stream().filter(P1Frame.class::isInstance).map(P1Frame.class::cast).toList();
        assertEquals(ALL.length, frames.size(), events.toString());
        assertEquals(ALL.length, stats.frames());
        assertEquals(0, stats.crcMismatches());
        // The only non-telegram bytes are the EasyMeter gateway's two trailing lines.
        assertEquals(List.of(Dropped.Reason.NOISE), events.stream().filter(Dropped.class::isInstance)
                .map(e -> ((Dropped) e).reason()).toList());
        for (P1Frame f : frames) {
            P1Parser.parse(f);
        }
    }

    @Test
    void partialTelegramAtStartIsNoise() {
        byte[] t = Telegrams.bytes("dsmr42-kaifa.txt");
        byte[] joinedMidway = Arrays.copyOfRange(t, 200, t.length);
        ByteArrayOutputStream s = new ByteArrayOutputStream();
        s.writeBytes(joinedMidway);
        s.writeBytes(t);
        P1Framer framer = new P1Framer();
        List<P1FramerEvent> events = frameAll(framer, s.toByteArray());
        assertEquals(2, events.size(), events.toString());
        Dropped noise = assertInstanceOf(Dropped.class, events.get(0));
        assertEquals(Dropped.Reason.NOISE, noise.reason());
        assertEquals(0, noise.offset());
        P1Frame frame = assertInstanceOf(P1Frame.class, events.get(1));
        assertEquals(joinedMidway.length, frame.offset());
        assertEquals(0x6796, frame.crc().getAsInt());
        assertArrayEquals(Arrays.copyOf(t, t.length - 2), frame.bytes());
    }

    @Test
    void badCrcIsDroppedAndCountedWithExpectedAndFound() {
        byte[] t = Telegrams.bytes("belgium-emucs-fluvius.txt").clone();
        t[60] ^= 0x01;
        P1Framer framer = new P1Framer();
        List<P1FramerEvent> events = frameAll(framer, t);
        CrcMismatch m = assertInstanceOf(CrcMismatch.class, events.get(0));
        assertEquals(0x3AD7, m.found());
        int recomputed = Crc16.compute(t, 0, indexOf(t, '!') + 1);
        assertEquals(recomputed, m.expected());
        assertTrue(m.message().contains("found 3AD7"), m.message());
        assertEquals(1, framer.statistics().crcMismatches());
        assertEquals(0, framer.statistics().frames());
    }

    @Test
    void streamEndingMidTelegramIsReportedTruncated() {
        byte[] t = Telegrams.bytes("dsmr5-iskra-mt382.txt");
        P1Framer framer = new P1Framer();
        List<P1FramerEvent> events = frameAll(framer, Arrays.copyOf(t, 300));
        Dropped d = assertInstanceOf(Dropped.class, events.get(0));
        assertEquals(Dropped.Reason.TRUNCATED, d.reason());
        assertEquals(300, d.length());
        assertEquals(1, framer.statistics().truncated());
    }

    @Test
    void cablePulledMidTelegramThenNextTelegram() {
        byte[] t = Telegrams.bytes("dsmr40-kaifa.txt");
        ByteArrayOutputStream s = new ByteArrayOutputStream();
        s.write(t, 0, 250);
        s.writeBytes(t);
        List<P1FramerEvent> events = frameAll(new P1Framer(), s.toByteArray());
        assertEquals(Dropped.Reason.TRUNCATED, assertInstanceOf(Dropped.class, events.get(0)).reason());
        assertInstanceOf(P1Frame.class, events.get(1));
        assertEquals(2, events.size());
    }

    @Test
    void oversizedTelegramIsDroppedAndBufferStaysBounded() {
        byte[] t = Telegrams.bytes("dsmr42-kaifa.txt");
        P1Framer framer = new P1Framer(256);
        ByteArrayOutputStream s = new ByteArrayOutputStream();
        s.writeBytes(t);
        s.writeBytes(Telegrams.bytes("sweden-sagemcom-s211.txt"));
        List<P1FramerEvent> events = frameAll(framer, s.toByteArray());
        assertEquals(Dropped.Reason.OVERSIZED, assertInstanceOf(Dropped.class, events.get(0)).reason());
        assertEquals(2, framer.statistics().oversized());
        assertEquals(0, framer.statistics().frames(), "both telegrams exceed 256 bytes");
    }

    @Test
    void malformedCrcIsReported() {
        byte[] t = "/ABC5 x\r\n\r\n1-0:1.8.1(1*kWh)\r\n!12G4\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        List<P1FramerEvent> events = frameAll(new P1Framer(), t);
        Dropped d = assertInstanceOf(Dropped.class, events.get(0));
        assertEquals(Dropped.Reason.MALFORMED_END, d.reason());
        assertTrue(d.detail().contains("found 'G'"), d.detail());
    }

    /** However the port chops the stream into reads, the same telegrams come out. */
    @Property(tries = 50)
    void chunkingDoesNotMatter(@ForAll @IntRange(min = 1, max = 700) int chunk) {
        byte[] s = stream();
        P1Framer framer = new P1Framer();
        List<P1FramerEvent> events = new ArrayList<>();
        for (int i = 0; i < s.length; i += chunk) {
            events.addAll(framer.feed(s, i, Math.min(chunk, s.length - i)));
        }
        events.addAll(framer.endOfStream());
        assertEquals(ALL.length, events.stream().filter(P1Frame.class::isInstance).count());
    }

    private static int indexOf(byte[] b, char c) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }
}
