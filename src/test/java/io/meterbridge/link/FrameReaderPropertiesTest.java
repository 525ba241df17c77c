package io.meterbridge.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** Resynchronisation and termination of the frame reader on random lines. */
class FrameReaderPropertiesTest {

    private static final LinkTiming FAST = new LinkTiming(38400, Duration.ZERO);

    @Provide
    Arbitrary<byte[]> noise() {
        return Arbitraries.integers().between(0, 255)
                .filter(b -> b != 0xE5 && b != 0x10 && b != 0x68)
                .list().ofMaxSize(40)
                .map(l -> {
                    byte[] out = new byte[l.size()];
                    for (int i = 0; i < out.length; i++) {
                        out[i] = (byte) (int) l.get(i);
                    }
                    return out;
                });
    }

    @Property(tries = 200)
    void anyNoiseBeforeAnyLongFrameIsSkippedAndCounted(@ForAll("noise") byte[] noise,
            @ForAll @Size(max = 252) byte[] data) throws Exception {
        LongFrame frame = new LongFrame(0x08, 1, 0x72, data);
        byte[] wire = frame.toBytes();
        Counters counters = new Counters();
        ScriptedTransport t = new ScriptedTransport(req -> List.of(new ScriptedTransport.Chunk(0, noise),
                new ScriptedTransport.Chunk(0, wire)));
        t.open();
        t.write(new byte[] {0x10, 0x7B, 0x01, 0x7C, 0x16});
        FrameReader.Result r = new FrameReader(t, counters).read(System.nanoTime() + 50_000_000L, FAST, null);
        assertEquals(new FrameReader.Received(frame), r);
        assertEquals(noise.length, counters.noiseBytes.get());
    }

    @Property(tries = 60) // a truncated case waits one inter-byte timeout (23 ms): keep the suite fast
    void anyGarbageEndsInAFrameAnErrorOrSilenceNeverAHang(@ForAll @Size(max = 300) byte[] garbage) throws Exception {
        ScriptedTransport t = new ScriptedTransport(req -> List.of(new ScriptedTransport.Chunk(0, garbage)));
        t.open();
        t.write(new byte[] {0x10, 0x7B, 0x01, 0x7C, 0x16});
        FrameReader reader = new FrameReader(t, new Counters());
        long t0 = System.nanoTime();
        try {
            reader.read(System.nanoTime() + 20_000_000L, FAST, null);
        } catch (FrameFormatException e) {
            assertTrue(e.offset() >= 0 && e.offset() <= 261, e.getMessage());
        }
        // bounded by the first-byte deadline plus one inter-byte timeout per missing byte at most once
        assertTrue(System.nanoTime() - t0 < 1_000_000_000L);
    }
}
