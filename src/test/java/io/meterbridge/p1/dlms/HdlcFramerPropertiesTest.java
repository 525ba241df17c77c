package io.meterbridge.p1.dlms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The framer's result does not depend on how the port chunks the bytes, and noise that holds no
 * flag never costs a frame: the published Kamstrup and Aidon frames come out whole every time.
 */
class HdlcFramerPropertiesTest {

    private static final byte[] KAMSTRUP_APDU = Arrays.copyOfRange(HanFrames.KAMSTRUP_THREE_PHASE, 11,
            HanFrames.KAMSTRUP_THREE_PHASE.length - 3);
    private static final byte[] AIDON_APDU = Arrays.copyOfRange(HanFrames.AIDON_LIST_1, 12,
            HanFrames.AIDON_LIST_1.length - 3);

    @Property(tries = 200)
    void anyChunkingAndFlagFreeNoiseGiveBothApdus(@ForAll @Size(max = 40) List<@IntRange(min = 0, max = 0x7D) Integer> noise,
                                                  @ForAll @IntRange(min = 1, max = 64) int chunk) {
        byte[] gap = new byte[noise.size()];
        for (int i = 0; i < gap.length; i++) {
            gap[i] = noise.get(i).byteValue();
        }
        byte[] stream = HdlcFramerTest.concat(gap, HanFrames.KAMSTRUP_THREE_PHASE, gap, HanFrames.AIDON_LIST_1, gap);
        HdlcFramer framer = new HdlcFramer();
        List<HdlcEvent> events = new ArrayList<>();
        for (int i = 0; i < stream.length; i += chunk) {
            events.addAll(framer.feed(stream, i, Math.min(chunk, stream.length - i)));
        }
        events.addAll(framer.endOfStream());
        List<Apdu> apdus = HdlcFramerTest.apdus(events);
        assertEquals(2, apdus.size());
        assertArrayEquals(KAMSTRUP_APDU, apdus.get(0).bytes());
        assertEquals(gap.length, apdus.get(0).offset());
        assertArrayEquals(AIDON_APDU, apdus.get(1).bytes());
    }
}
