package io.meterbridge.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meterbridge.telegram.Hex;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameReaderTest {

    private static final LinkTiming TIMING = new LinkTiming(9600, Duration.ZERO);
    private static final byte[] REQUEST = Hex.parse("10 7B 01 7C 16");
    private static final byte[] CONTROL_FRAME = Hex.parse("68 03 03 68 08 01 72 7B 16");

    private final Counters counters = new Counters();

    private FrameReader reader(ScriptedTransport.Chunk... chunks) throws Exception {
        ScriptedTransport t = new ScriptedTransport(req -> List.of(chunks));
        t.open();
        t.write(REQUEST);
        return new FrameReader(t, counters);
    }

    private static ScriptedTransport.Chunk at(long ms, String hex) {
        return new ScriptedTransport.Chunk(ms, Hex.parse(hex));
    }

    private static long deadline() {
        return System.nanoTime() + TIMING.firstByteTimeoutNanos();
    }

    @Test
    void skipsAndCountsNoiseAndTheEchoBeforeAFrame() throws Exception {
        FrameReader r = reader(at(1, "00 FF 3C"), at(1, "10 7B 01 7C 16"), at(2, "68 03 03 68 08 01 72 7B 16"));
        FrameReader.Result result = r.read(deadline(), TIMING, REQUEST);
        LongFrame f = (LongFrame) assertInstanceOf(FrameReader.Received.class, result).frame();
        assertEquals(0x72, f.ci());
        assertEquals(3 + 5, counters.noiseBytes.get());
        assertEquals(1, counters.frames.get());
        assertEquals(3 + 5 + CONTROL_FRAME.length, counters.bytesReceived.get());
    }

    @Test
    void silenceAndNoiseOnlyAreNotFrames() throws Exception {
        assertEquals(new FrameReader.Silence(0), reader().read(deadline(), TIMING, REQUEST));
        assertEquals(new FrameReader.Silence(2), reader(at(5, "25 FF")).read(deadline(), TIMING, REQUEST));
    }

    @Test
    void aTruncatedFrameIsAnErrorAfterTheInterByteGapNotAHang() throws Exception {
        FrameReader r = reader(at(1, "68 0A 0A 68 08 01 72 33"));
        long t0 = System.nanoTime();
        FrameFormatException e = assertThrows(FrameFormatException.class, () -> r.read(deadline(), TIMING, REQUEST));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        assertEquals(8, e.offset());
        assertTrue(ms < 200, "gave up after " + ms + " ms");
    }

    @Test
    void badLengthFieldsFailAtOnce() throws Exception {
        FrameReader r = reader(at(1, "68 0A 0B 68 08 01 72"));
        FrameFormatException e = assertThrows(FrameFormatException.class, () -> r.read(deadline(), TIMING, REQUEST));
        assertTrue(e.getMessage().contains("length fields"), e.getMessage());
        FrameReader r2 = reader(at(1, "68 02 02 68"));
        assertThrows(FrameFormatException.class, () -> r2.read(deadline(), TIMING, REQUEST));
        FrameReader r3 = reader(at(1, "68 03 03 69 08 01 72 7B 16"));
        FrameFormatException e3 = assertThrows(FrameFormatException.class, () -> r3.read(deadline(), TIMING, REQUEST));
        assertTrue(e3.getMessage().contains("second start byte"), e3.getMessage());
    }

    @Test
    void badChecksumAndStopByteAreNamed() throws Exception {
        FrameReader r = reader(at(1, "68 03 03 68 08 01 72 7C 16"));
        FrameFormatException e = assertThrows(FrameFormatException.class, () -> r.read(deadline(), TIMING, REQUEST));
        assertTrue(e.getMessage().contains("expected checksum 0x7B, found 0x7C"), e.getMessage());
        FrameReader r2 = reader(at(1, "10 08 01 09 17"));
        FrameFormatException e2 = assertThrows(FrameFormatException.class, () -> r2.read(deadline(), TIMING, REQUEST));
        assertTrue(e2.getMessage().contains("stop byte"), e2.getMessage());
    }

    @Test
    void drainDiscardsTheRestOfAGarbledAnswer() throws Exception {
        FrameReader r = reader(at(1, "68 03 03 68 08 01 72 7C 16 00 00"), at(2, "11 22"));
        assertThrows(FrameFormatException.class, () -> r.read(deadline(), TIMING, REQUEST));
        assertEquals(4, r.drain(TIMING));
        assertEquals(new FrameReader.Silence(0), r.read(System.nanoTime() + 5_000_000L, TIMING, REQUEST));
    }
}
