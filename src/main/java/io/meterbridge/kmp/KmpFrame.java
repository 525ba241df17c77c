package io.meterbridge.kmp;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * One KMP data-link frame: which way it travels, the address byte, the command id (CID) and the
 * command's data. On the wire it is {@code <start> <address> <cid> <data…> <crc hi> <crc lo> 0D},
 * stuffed as {@link KmpStuffing} says, with the {@link KmpCrc} over address, CID and data
 * (Kamstrup protocol description 3.2 and 3.3, as PyKMP {@code DataLinkCodec} and
 * {@code ApplicationCodec} implement them).
 *
 * <p>The address is the meter's in both directions: a request is sent to it, the meter answers
 * from it. Heat meters answer at {@link #HEAT_METER} (PyKMP {@code DestinationAddress}; the only
 * address ESPHome, bsdphk/PyKamstrup, kamstrup-402-mqtt and MeterLogger ever send to); PyKMP also
 * lists {@code 7F} and {@code BF} for the top and base modules of a logger.
 *
 * <p>Immutable: the data is copied in and out.
 *
 * @param direction to or from the meter
 * @param address   0–255
 * @param commandId 0–255
 * @param data      the command's data, possibly empty
 */
public record KmpFrame(KmpDirection direction, int address, int commandId, byte[] data) {

    /** The address MULTICAL heat meters answer at. */
    public static final int HEAT_METER = 0x3F;

    /** Address, command id and two CRC bytes: the shortest body a frame can have. */
    static final int MIN_BODY = 4;

    public KmpFrame {
        if (direction == null) {
            throw new IllegalArgumentException("direction is required");
        }
        if (address < 0 || address > 0xFF) {
            throw new IllegalArgumentException("expected an address 0–255, found " + address);
        }
        if (commandId < 0 || commandId > 0xFF) {
            throw new IllegalArgumentException("expected a command id 0–255, found " + commandId);
        }
        data = data.clone();
    }

    /** A request to the meter at {@code address}. */
    public static KmpFrame request(int address, int commandId, byte[] data) {
        return new KmpFrame(KmpDirection.TO_METER, address, commandId, data);
    }

    /** A response from the meter at {@code address}. */
    public static KmpFrame response(int address, int commandId, byte[] data) {
        return new KmpFrame(KmpDirection.FROM_METER, address, commandId, data);
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /** Number of data bytes, without copying them. */
    public int dataLength() {
        return data.length;
    }

    /** Data byte {@code i} as 0–255, without copying the data. */
    public int dataByte(int i) {
        return data[i] & 0xFF;
    }

    /** The CRC this frame carries on the wire. */
    public int crc() {
        return KmpCrc.compute(bodyWithoutCrc());
    }

    /** The frame on the wire: start byte, stuffed address, CID, data and CRC, stop byte. */
    public byte[] encode() {
        byte[] content = bodyWithoutCrc();
        byte[] body = Arrays.copyOf(content, content.length + 2);
        int crc = KmpCrc.compute(content);
        body[content.length] = (byte) (crc >>> 8);
        body[content.length + 1] = (byte) crc;
        return KmpStuffing.stuff(direction, body);
    }

    /**
     * Decodes exactly one frame travelling {@code direction}: unstuffs it and checks its length
     * and CRC.
     *
     * @param wire the frame as received, from its start byte through its stop byte
     * @throws KmpCrcException   for an intact frame whose CRC does not match
     * @throws KmpFrameException for anything else that is not one valid frame, at the wire offset
     *     where it stops being one
     */
    public static KmpFrame decode(KmpDirection direction, byte[] wire) throws KmpFrameException {
        byte[] body = KmpStuffing.unstuff(direction, wire);
        if (body.length < MIN_BODY) {
            throw new KmpFrameException("expected at least " + MIN_BODY + " bytes between start and stop byte"
                    + " (address, command id, 2 CRC bytes), found " + body.length, wire.length - 1);
        }
        int expected = KmpCrc.compute(body, 0, body.length - 2);
        int hi = body[body.length - 2] & 0xFF;
        int lo = body[body.length - 1] & 0xFF;
        int found = hi << 8 | lo;
        if (found != expected) {
            int crcOffset = wire.length - 1 - wireLength(lo) - wireLength(hi);
            throw new KmpCrcException(expected, found, crcOffset);
        }
        return new KmpFrame(direction, body[0] & 0xFF, body[1] & 0xFF, Arrays.copyOfRange(body, 2, body.length - 2));
    }

    private static int wireLength(int b) {
        return KmpStuffing.needsStuffing(b) ? 2 : 1;
    }

    private byte[] bodyWithoutCrc() {
        byte[] body = new byte[2 + data.length];
        body[0] = (byte) address;
        body[1] = (byte) commandId;
        System.arraycopy(data, 0, body, 2, data.length);
        return body;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KmpFrame f && f.direction == direction && f.address == address
                && f.commandId == commandId && Arrays.equals(f.data, data);
    }

    @Override
    public int hashCode() {
        return ((direction.hashCode() * 31 + address) * 31 + commandId) * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "KmpFrame[" + direction + ", address " + KmpStuffing.hex(address) + ", CID " + KmpStuffing.hex(commandId)
                + ", data " + (data.length == 0 ? "none" : HexFormat.ofDelimiter(" ").withUpperCase().formatHex(data))
                + "]";
    }
}
