package io.meterbridge.link;

import java.util.Arrays;

/** Parses one complete frame from bytes, checking every field EN 13757-2 lets a receiver check. */
public final class Frames {

    private Frames() {
    }

    /**
     * Parses exactly one frame that fills {@code bytes} completely.
     *
     * @throws FrameFormatException for a wrong start byte, unequal or impossible length fields,
     *     a wrong checksum or stop byte, or bytes that are too few or too many
     */
    public static Frame parse(byte[] bytes) throws FrameFormatException {
        if (bytes.length == 0) {
            throw new FrameFormatException("expected a frame, found no bytes", 0);
        }
        int first = bytes[0] & 0xFF;
        Frame frame;
        switch (first) {
            case SingleCharacter.ACK -> frame = SingleCharacter.INSTANCE;
            case ShortFrame.START -> frame = parseShort(bytes);
            case LongFrame.START -> frame = parseLong(bytes);
            default -> throw new FrameFormatException(String.format(
                    "expected start byte 0xE5, 0x10 or 0x68, found 0x%02X", first), 0);
        }
        if (bytes.length > frame.wireLength()) {
            throw new FrameFormatException("expected the frame to end after " + frame.wireLength()
                    + " bytes, found " + (bytes.length - frame.wireLength()) + " more", frame.wireLength());
        }
        return frame;
    }

    /**
     * Checks that {@code bytes} are exactly one long frame, with every check {@link #parse} makes
     * (start bytes, equal and possible length fields, checksum, stop byte, no bytes too few or too
     * many), without building a {@link LongFrame}, which copies the frame. For a
     * decoder that reads the user data in place: {@code bytes[LongFrame.DATA_OFFSET, bytes.length - 2)}.
     *
     * @return the CI field
     * @throws FrameFormatException as {@link #parse} would, or if the frame is not a long frame
     */
    public static int checkLongFrame(byte[] bytes) throws FrameFormatException {
        if (bytes.length == 0) {
            throw new FrameFormatException("expected a frame, found no bytes", 0);
        }
        int first = bytes[0] & 0xFF;
        if (first != LongFrame.START) {
            throw new FrameFormatException(String.format("expected start byte 0x68 of a long frame, found 0x%02X",
                    first), 0);
        }
        int wireLength = checkLong(bytes) + 6;
        if (bytes.length > wireLength) {
            throw new FrameFormatException("expected the frame to end after " + wireLength + " bytes, found "
                    + (bytes.length - wireLength) + " more", wireLength);
        }
        return bytes[6] & 0xFF;
    }

    private static ShortFrame parseShort(byte[] b) throws FrameFormatException {
        requireLength(b, ShortFrame.LENGTH, "short frame");
        int c = b[1] & 0xFF;
        int a = b[2] & 0xFF;
        checkTail(b, 1, 3);
        return new ShortFrame(c, a);
    }

    private static LongFrame parseLong(byte[] b) throws FrameFormatException {
        int l1 = checkLong(b);
        // the frame keeps the checked bytes (a copy: the caller may reuse its buffer)
        return LongFrame.received(Arrays.copyOf(b, l1 + 6));
    }

    /** Checks a long frame's fields, returns its length field. */
    private static int checkLong(byte[] b) throws FrameFormatException {
        requireLength(b, 4, "long frame header 68 L L 68");
        int l1 = b[1] & 0xFF;
        int l2 = b[2] & 0xFF;
        if (l1 != l2) {
            throw new FrameFormatException(String.format(
                    "expected the two length fields to be equal, found 0x%02X and 0x%02X", l1, l2), 2);
        }
        if (l1 < 3) {
            throw new FrameFormatException("expected a length field of at least 3 (C, A, CI), found " + l1, 1);
        }
        if ((b[3] & 0xFF) != LongFrame.START) {
            throw new FrameFormatException(String.format(
                    "expected second start byte 0x68, found 0x%02X", b[3] & 0xFF), 3);
        }
        if (b.length < l1 + 6) {
            requireLength(b, l1 + 6, "long frame of length field " + l1); // the message only when it fails
        }
        checkTail(b, 4, 4 + l1);
        return l1;
    }

    private static void requireLength(byte[] b, int needed, String what) throws FrameFormatException {
        if (b.length < needed) {
            throw new FrameFormatException("expected " + needed + " bytes for a " + what + ", found only "
                    + b.length, b.length);
        }
    }

    /** Checks checksum over {@code [from, end)} at {@code end} and the stop byte after it. */
    private static void checkTail(byte[] b, int from, int end) throws FrameFormatException {
        int expected = Checksum.of(b, from, end);
        int found = b[end] & 0xFF;
        if (expected != found) {
            throw new ChecksumMismatchException(expected, found, end);
        }
        if (b[end + 1] != LongFrame.STOP) {
            throw new FrameFormatException(String.format(
                    "expected stop byte 0x16, found 0x%02X", b[end + 1] & 0xFF), end + 1);
        }
    }
}
