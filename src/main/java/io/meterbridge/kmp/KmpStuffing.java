package io.meterbridge.kmp;

import java.io.ByteArrayOutputStream;

/**
 * The KMP physical layer: a frame on the wire is its start byte ({@code 80} to the meter,
 * {@code 40} from it), the frame body with byte stuffing, and the stop byte {@code 0D}; an
 * acknowledgement is the single byte {@code 06} with neither.
 *
 * <p>Stuffing: each of the five bytes that mean something on the wire, {@code 06} (ACK),
 * {@code 0D} (stop), {@code 1B} (the stuffing byte itself), {@code 40} and {@code 80} (start), is
 * sent inside a body as {@code 1B} followed by the byte XOR {@code FF}: {@code 1B F9},
 * {@code 1B F2}, {@code 1B E4}, {@code 1B BF}, {@code 1B 7F}. Stuffing is applied after the CRC is
 * computed and covers everything between start and stop byte, the CRC included. So inside a frame
 * those five bytes never appear bare, which is what lets a receiver find frame boundaries without
 * a length field. Kamstrup protocol description 3.1 (its example {@code 80 04 1B F2 00 1B F9 0D}
 * for the body {@code 04 0D 00 06}, quoted in PyKMP {@code tests/test_codec.py}); the same five
 * bytes in PyKMP {@code codec.PhysicalCodec}, bsdphk/PyKamstrup {@code escapes} and ESPHome
 * {@code kamstrup_kmp.cpp send_message_}.
 */
public final class KmpStuffing {

    /** The lone acknowledgement byte, sent without start, CRC or stop byte. */
    public static final int ACK = 0x06;
    /** The stop byte ending every frame. */
    public static final int STOP = 0x0D;
    /** The stuffing (escape) byte. */
    public static final int ESCAPE = 0x1B;

    private KmpStuffing() {
    }

    /** Whether {@code b} (0–255) must be stuffed inside a frame: 06, 0D, 1B, 40 or 80. */
    public static boolean needsStuffing(int b) {
        return b == ACK || b == STOP || b == ESCAPE || b == 0x40 || b == 0x80;
    }

    /**
     * The wire bytes of one frame: {@code direction}'s start byte, {@code body} stuffed, {@code 0D}.
     * The body is the data-link content with its CRC already appended; {@link KmpFrame#encode()}
     * is the usual way in, this is for simulators and tests that need a body with a wrong CRC.
     */
    public static byte[] stuff(KmpDirection direction, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 8);
        out.write(direction.startByte());
        for (byte value : body) {
            int b = value & 0xFF;
            if (needsStuffing(b)) {
                out.write(ESCAPE);
                out.write(b ^ 0xFF);
            } else {
                out.write(b);
            }
        }
        out.write(STOP);
        return out.toByteArray();
    }

    /**
     * The body of one frame on the wire, unstuffed: {@code wire} must be exactly one frame, its
     * start byte the one {@code direction} sends and its last byte the stop byte.
     *
     * @throws KmpFrameException naming the wire offset of the first byte that is not valid: a
     *     wrong or missing start byte, a bare 06/40/80 inside (a new frame began, or a line
     *     fault), {@code 1B} followed by a byte no stuffing produces, the input ending before
     *     {@code 0D}, or bytes after it
     */
    public static byte[] unstuff(KmpDirection direction, byte[] wire) throws KmpFrameException {
        if (wire.length == 0) {
            throw new KmpFrameException("expected the start byte " + hex(direction.startByte()) + " ("
                    + direction.description() + "), found the end of the input", 0);
        }
        int first = wire[0] & 0xFF;
        if (first != direction.startByte()) {
            throw new KmpFrameException("expected the start byte " + hex(direction.startByte()) + " ("
                    + direction.description() + "), found " + describeOutside(first), 0);
        }
        byte[] body = new byte[wire.length];
        int length = 0;
        for (int i = 1; i < wire.length; i++) {
            int b = wire[i] & 0xFF;
            if (b == STOP) {
                if (i != wire.length - 1) {
                    throw new KmpFrameException("expected the frame to end with its stop byte 0x0D at byte " + i
                            + ", found " + (wire.length - 1 - i) + " more bytes", i + 1);
                }
                byte[] out = new byte[length];
                System.arraycopy(body, 0, out, 0, length);
                return out;
            }
            if (b == ESCAPE) {
                if (i + 1 == wire.length) {
                    throw new KmpFrameException("expected a stuffed byte after 0x1B, found the end of the input"
                            + " (truncated frame)", i + 1);
                }
                int stuffed = wire[i + 1] & 0xFF;
                int original = stuffed ^ 0xFF;
                if (!needsStuffing(original)) {
                    throw new KmpFrameException("expected 0xF9, 0xF2, 0xE4, 0xBF or 0x7F after 0x1B"
                            + " (a stuffed 0x06, 0x0D, 0x1B, 0x40 or 0x80), found " + describeInside(stuffed), i + 1);
                }
                body[length++] = (byte) original;
                i++;
            } else if (b == ACK || b == 0x40 || b == 0x80) {
                throw new KmpFrameException("expected a frame byte or the stop byte 0x0D, found " + describeInside(b)
                        + ", which appears in a frame only stuffed"
                        + (b == ACK ? "" : " (a new frame began: this one is truncated)"), i);
            } else {
                body[length++] = (byte) b;
            }
        }
        throw new KmpFrameException("expected the stop byte 0x0D, found the end of the input after " + wire.length
                + " bytes (truncated frame)", wire.length);
    }

    private static String describeOutside(int b) {
        if (b == ACK) {
            return "the ACK byte 0x06 (an acknowledgement, not a frame)";
        }
        KmpDirection other = KmpDirection.ofStartByte(b);
        if (other != null) {
            return hex(b) + " (the start of " + other.description()
                    + (other == KmpDirection.TO_METER ? ": the echo of a request?)" : ")");
        }
        return hex(b) + " (not a start byte)";
    }

    private static String describeInside(int b) {
        return switch (b) {
            case ACK -> "a bare 0x06 (the ACK byte)";
            case 0x40 -> "a bare 0x40 (the start byte of a response)";
            case 0x80 -> "a bare 0x80 (the start byte of a request)";
            default -> hex(b);
        };
    }

    static String hex(int b) {
        return String.format("0x%02X", b & 0xFF);
    }
}
