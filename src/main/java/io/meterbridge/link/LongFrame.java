package io.meterbridge.link;

import io.meterbridge.telegram.Hex;
import io.meterbridge.telegram.SecondaryAddress;
import io.meterbridge.telegram.TelegramDecoder;
import io.meterbridge.telegram.TelegramFormatException;

import java.util.Arrays;

/**
 * A long frame {@code 68 L L 68 C A CI data… CS 16}, or with empty {@code data} a control frame.
 *
 * <p>L counts C, A, CI and the data, so it is 3 to 255 and a frame carries at most 252 data
 * bytes (EN 13757-2 clause 5.2). The checksum is the arithmetic sum of C through the last data
 * byte, modulo 256.
 *
 * @param control the C field
 * @param address the primary address 0–255
 * @param ci the CI field of the application layer
 * @param data the user data after the CI field (copied; never shared)
 */
public record LongFrame(int control, int address, int ci, byte[] data) implements Frame {

    public static final int START = 0x68;
    public static final byte STOP = 0x16;
    public static final int MAX_DATA = 252;
    /** Bytes before the user data: 68 L L 68 C A CI. */
    public static final int DATA_OFFSET = 7;

    public LongFrame {
        Checksum.requireByte("control", control);
        Checksum.requireByte("address", address);
        Checksum.requireByte("ci", ci);
        if (data.length > MAX_DATA) {
            throw new IllegalArgumentException("a long frame carries at most " + MAX_DATA + " data bytes, got " + data.length);
        }
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /**
     * The secondary address in the long header of a variable-data response (CI 0x72, or 0x76),
     * or null if the frame has no long header.
     */
    public SecondaryAddress secondaryAddress() {
        return (ci == 0x72 || ci == 0x76) && data.length >= 12 ? SecondaryAddress.fromWire(data, 0) : null;
    }

    /**
     * Whether this RSP_UD says "more records follow in the next telegram": its records end with
     * the special DIF {@code 1F} (EN 13757-3 clause 6.3.3). Asked of the telegram decoder, the one
     * walker over the data records, so the link layer and the decoder cannot disagree on where a
     * record ends (e.g. on an LVAR byte).
     *
     * <p>False if the decoder rejects the user data: a telegram whose records cannot be walked
     * cannot be trusted to say that another follows, and asking the meter for one anyway could
     * loop on a meter that keeps sending garbage. The frame is still handed on; whoever decodes
     * it reports the precise error.
     */
    public boolean moreRecordsFollow() {
        try {
            // data is this frame's own copy and never written to, as decode requires
            return TelegramDecoder.decode(ci, data).moreRecordsFollow();
        } catch (TelegramFormatException e) {
            return false;
        }
    }

    /** A control frame is a long frame without user data. */
    public boolean isControlFrame() {
        return data.length == 0;
    }

    @Override
    public int wireLength() {
        return data.length + 9;
    }

    @Override
    public byte[] toBytes() {
        int l = data.length + 3;
        byte[] out = new byte[l + 6];
        out[0] = START;
        out[1] = (byte) l;
        out[2] = (byte) l;
        out[3] = START;
        out[4] = (byte) control;
        out[5] = (byte) address;
        out[6] = (byte) ci;
        System.arraycopy(data, 0, out, DATA_OFFSET, data.length);
        out[out.length - 2] = (byte) Checksum.of(out, 4, out.length - 2);
        out[out.length - 1] = STOP;
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LongFrame f && f.control == control && f.address == address && f.ci == ci
                && Arrays.equals(f.data, data);
    }

    @Override
    public int hashCode() {
        return ((control * 31 + address) * 31 + ci) * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return Hex.format(toBytes());
    }
}
