package io.meterbridge.link;

import io.meterbridge.telegram.Hex;

/**
 * A short frame {@code 10 C A CS 16}: SND_NKE, REQ_UD1/2, REQ_SKE from a master, or RSP_SKE.
 *
 * @param control the C field (function code, PRM, FCB/FCV or ACD/DFC bits)
 * @param address the primary address 0–255
 */
public record ShortFrame(int control, int address) implements Frame {

    public static final int START = 0x10;
    public static final int LENGTH = 5;

    public ShortFrame {
        Checksum.requireByte("control", control);
        Checksum.requireByte("address", address);
    }

    @Override
    public byte[] toBytes() {
        return new byte[] {START, (byte) control, (byte) address, (byte) ((control + address) & 0xFF), LongFrame.STOP};
    }

    @Override
    public int wireLength() {
        return LENGTH;
    }

    @Override
    public String toString() {
        return Hex.format(toBytes());
    }
}
