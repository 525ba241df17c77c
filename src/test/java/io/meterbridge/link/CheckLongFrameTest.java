package io.meterbridge.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meterbridge.telegram.Hex;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** {@link Frames#checkLongFrame} makes exactly the checks of {@link Frames#parse}, without building the frame. */
class CheckLongFrameTest {

    private static final byte[] MC303 = Hex.parse("687A7A68088572337193822D2C40044310000004060D00000004143301000004FF077D00"
            + "000004FF08720000000322AE1000332296000002594809025D170902613100022D0000122D5A00023B0000123B670502FF2200"
            + "0144060000000044140000000044FF070000000044FF0800000000522D0000523B0000426C0136A616");

    @Test
    void acceptsALongFrameAndGivesItsCi() throws FrameFormatException {
        assertEquals(0x72, Frames.checkLongFrame(MC303));
        assertEquals(0x70, Frames.checkLongFrame(Hex.parse("68 03 03 68 08 01 70 79 16")));
    }

    @Test
    void rejectsOtherFramesAtTheStartByte() {
        for (String other : new String[] {"E5", "10 7B 01 7C 16"}) {
            FrameFormatException e = assertThrows(FrameFormatException.class, () -> Frames.checkLongFrame(Hex.parse(other)));
            assertEquals(0, e.offset());
            assertTrue(e.getMessage().contains("expected start byte 0x68 of a long frame"), e.getMessage());
        }
        assertThrows(FrameFormatException.class, () -> Frames.checkLongFrame(new byte[0]));
    }

    /** The checksum taken eight bytes at a time equals the byte-by-byte sum, for any range (also past 800 bytes). */
    @Property(tries = 2000)
    void checksumEqualsTheByteSum(@ForAll("someBytes") byte[] bytes, @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 20) int skip) {
        int from = Math.min(skip, bytes.length);
        int sum = 0;
        for (int i = from; i < bytes.length; i++) {
            sum += bytes[i] & 0xFF;
        }
        assertEquals(sum % 256, Checksum.of(bytes, from, bytes.length));
    }

    @Provide
    Arbitrary<byte[]> someBytes() {
        return Arbitraries.integers().between(0, 2000).flatMap(n -> Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofSize(n),
                Arbitraries.just((byte) -1).array(byte[].class).ofSize(n)));
    }

    /** A mutated long frame: one byte changed, or cut, or one byte too many. */
    @Provide
    Arbitrary<byte[]> mutated() {
        return Arbitraries.integers().between(0, MC303.length).flatMap(at -> Arbitraries.integers().between(0, 3)
                .flatMap(kind -> Arbitraries.integers().between(0, 255).map(b -> {
                    byte[] f = MC303.clone();
                    return switch (kind) {
                        case 0 -> Arrays.copyOf(f, at);
                        case 1 -> Arrays.copyOf(f, f.length + 1);
                        default -> {
                            f[Math.min(at, f.length - 1)] = (byte) (int) b;
                            yield f;
                        }
                    };
                })));
    }

    @Property(tries = 2000)
    void agreesWithParse(@ForAll("mutated") byte[] frame) {
        Frame parsed;
        try {
            parsed = Frames.parse(frame);
        } catch (FrameFormatException e) {
            FrameFormatException c = assertThrows(FrameFormatException.class, () -> Frames.checkLongFrame(frame));
            if (frame.length == 0 || (frame[0] & 0xFF) == LongFrame.START) {
                assertEquals(e.getMessage(), c.getMessage());
                assertEquals(e.offset(), c.offset());
            }
            return;
        }
        if (parsed instanceof LongFrame lf) {
            try {
                assertEquals(lf.ci(), Frames.checkLongFrame(frame));
            } catch (FrameFormatException e) {
                throw new AssertionError("parse accepts what checkLongFrame rejects: " + e.getMessage(), e);
            }
        } else {
            assertThrows(FrameFormatException.class, () -> Frames.checkLongFrame(frame));
        }
    }
}
