package io.meterbridge.link;

import io.meterbridge.telegram.Hex;
import io.meterbridge.telegram.SecondaryAddress;
import io.meterbridge.telegram.Telegram;
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
 * <p>The frame keeps its bytes as they travel: a frame received is the checked bytes from the
 * wire (no copy of its data, no checksum computed anew), a frame built for sending is encoded
 * once. Its telegram is decoded once, on first ask, and shared by the link layer (does another
 * telegram follow?) and whoever reads the meter.
 */
public final class LongFrame implements Frame {

    public static final int START = 0x68;
    public static final byte STOP = 0x16;
    public static final int MAX_DATA = 252;
    /** Bytes before the user data: 68 L L 68 C A CI. */
    public static final int DATA_OFFSET = 7;

    /** 68 L L 68 C A CI data CS 16; never written after construction (the telegram reads from it). */
    private final byte[] wire;
    private volatile Telegram telegram;

    /**
     * A frame to send.
     *
     * @param control the C field
     * @param address the primary address 0–255
     * @param ci the CI field of the application layer
     * @param data the user data after the CI field (copied)
     */
    public LongFrame(int control, int address, int ci, byte[] data) {
        Checksum.requireByte("control", control);
        Checksum.requireByte("address", address);
        Checksum.requireByte("ci", ci);
        if (data.length > MAX_DATA) {
            throw new IllegalArgumentException("a long frame carries at most " + MAX_DATA + " data bytes, got " + data.length);
        }
        int l = data.length + 3;
        wire = new byte[l + 6];
        wire[0] = START;
        wire[1] = (byte) l;
        wire[2] = (byte) l;
        wire[3] = START;
        wire[4] = (byte) control;
        wire[5] = (byte) address;
        wire[6] = (byte) ci;
        System.arraycopy(data, 0, wire, DATA_OFFSET, data.length);
        wire[wire.length - 2] = (byte) Checksum.of(wire, 4, wire.length - 2);
        wire[wire.length - 1] = STOP;
    }

    private LongFrame(byte[] checkedWire) {
        this.wire = checkedWire;
    }

    /** A frame as received, whose length fields, checksum and stop byte {@link Frames} has checked; kept as is. */
    static LongFrame received(byte[] checkedWire) {
        return new LongFrame(checkedWire);
    }

    /** The C field. */
    public int control() {
        return wire[4] & 0xFF;
    }

    /** The primary address 0–255. */
    public int address() {
        return wire[5] & 0xFF;
    }

    /** The CI field of the application layer. */
    public int ci() {
        return wire[6] & 0xFF;
    }

    /** The user data after the CI field (a copy). */
    public byte[] data() {
        return Arrays.copyOfRange(wire, DATA_OFFSET, wire.length - 2);
    }

    /**
     * The application layer of this frame, decoded on first ask; offsets in its records and in
     * the exception count from the frame's first byte.
     *
     * @throws TelegramFormatException if the user data are not a telegram the decoder knows
     */
    public Telegram telegram() throws TelegramFormatException {
        Telegram t = telegram;
        if (t == null) {
            t = TelegramDecoder.decode(ci(), wire, DATA_OFFSET, wire.length - 2);
            telegram = t;
        }
        return t;
    }

    /**
     * The secondary address in the long header of a variable-data response (CI 0x72, or 0x76),
     * or null if the frame has no long header.
     */
    public SecondaryAddress secondaryAddress() {
        return (ci() == 0x72 || ci() == 0x76) && wire.length - 9 >= 12 ? SecondaryAddress.fromWire(wire, DATA_OFFSET) : null;
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
            return telegram().moreRecordsFollow();
        } catch (TelegramFormatException e) {
            return false;
        }
    }

    /** A control frame is a long frame without user data. */
    public boolean isControlFrame() {
        return wire.length == 9;
    }

    @Override
    public int wireLength() {
        return wire.length;
    }

    @Override
    public byte[] toBytes() {
        return wire.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LongFrame f && Arrays.equals(f.wire, wire);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(wire);
    }

    @Override
    public String toString() {
        return Hex.format(wire);
    }
}
