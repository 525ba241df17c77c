package io.meterbridge.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meterbridge.telegram.Hex;
import org.junit.jupiter.api.Test;

class FramesTest {

    @Test
    void parsesAndWritesEveryFormat() throws Exception {
        assertEquals(SingleCharacter.INSTANCE, Frames.parse(Hex.parse("E5")));
        assertEquals(new ShortFrame(0x7B, 0x01), Frames.parse(Hex.parse("10 7B 01 7C 16")));
        LongFrame control = (LongFrame) Frames.parse(Hex.parse("68 03 03 68 08 01 70 79 16"));
        assertTrue(control.isControlFrame());
        assertEquals(0x70, control.ci());
        // Set primary address 1 -> 3 (EN 13757-3 example, also in the protocol notes).
        byte[] setAddress = Hex.parse("68 06 06 68 53 01 51 01 7A 03 23 16");
        LongFrame frame = (LongFrame) Frames.parse(setAddress);
        assertArrayEquals(Hex.parse("01 7A 03"), frame.data());
        assertArrayEquals(setAddress, frame.toBytes());
        assertArrayEquals(Hex.parse("10 40 FD 3D 16"), new ShortFrame(Control.SND_NKE, 0xFD).toBytes());
    }

    @Test
    void namesWhatIsWrongAndWhere() {
        ChecksumMismatchException checksum = assertThrows(ChecksumMismatchException.class,
                () -> Frames.parse(Hex.parse("68 03 03 68 08 01 70 78 16")));
        assertEquals(7, checksum.offset());
        assertEquals(0x79, checksum.expected());
        assertEquals(0x78, checksum.found());
        assertTrue(checksum.getMessage().contains("expected checksum 0x79, found 0x78"), checksum.getMessage());

        FrameFormatException lengths = assertThrows(FrameFormatException.class,
                () -> Frames.parse(Hex.parse("68 03 04 68 08 01 70 79 16")));
        assertEquals(2, lengths.offset());

        FrameFormatException stop = assertThrows(FrameFormatException.class,
                () -> Frames.parse(Hex.parse("10 7B 01 7C 17")));
        assertEquals(4, stop.offset());

        FrameFormatException truncated = assertThrows(FrameFormatException.class,
                () -> Frames.parse(Hex.parse("68 06 06 68 53 01 51 01")));
        assertTrue(truncated.getMessage().contains("found only 8"), truncated.getMessage());

        FrameFormatException trailing = assertThrows(FrameFormatException.class,
                () -> Frames.parse(Hex.parse("E5 E5")));
        assertEquals(1, trailing.offset());

        FrameFormatException start = assertThrows(FrameFormatException.class, () -> Frames.parse(Hex.parse("D0")));
        assertTrue(start.getMessage().contains("found 0xD0"), start.getMessage());
    }
}
