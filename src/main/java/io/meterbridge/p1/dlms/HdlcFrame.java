package io.meterbridge.p1.dlms;

import java.util.Arrays;

/**
 * One HDLC frame of format type 3 as IEC 62056-46 clause 6.4 defines it, checked:
 *
 * <pre>
 * 7E | frame format (2) | destination address (1..4) | source address (1..4) | control | HCS (2) | information | FCS (2) | 7E
 * </pre>
 *
 * The frame format field is {@code 1010 S LLL LLLLLLLL}: type 3 (0xA), the segmentation bit S
 * (more segments follow) and an 11-bit length counting every byte between the flags. Addresses are
 * variable length, each byte's least significant bit set on the last (clause 6.4.2.2). Without an
 * information field the HCS is absent and the FCS follows the control byte.
 *
 * @param offset      stream offset of the opening flag
 * @param segmented   the segmentation bit: the information continues in the next frame
 * @param destination the destination address as received (HDLC encoding, LSB flags kept)
 * @param source      the source address as received
 * @param control     the control byte (0x13 = UI frame with the final bit, what meters push)
 * @param information the information field (not copied; treat as read-only)
 */
public record HdlcFrame(long offset, boolean segmented, long destination, long source, int control,
                        byte[] information) implements HdlcEvent {

    /** Opening and closing flag. */
    public static final int FLAG = 0x7E;
    /** Frame format type 3, the upper nibble of the first format byte. */
    public static final int FORMAT_TYPE_3 = 0xA;
    /** The largest length the 11-bit field can hold. */
    public static final int MAX_LENGTH = 0x7FF;

    /**
     * Reads one frame, {@code 0x7E} to {@code 0x7E}.
     *
     * @param bytes  the frame with both flags
     * @param offset stream offset of {@code bytes[0]}, for the frame and for error offsets
     * @throws DlmsFormatException  naming the field and stream offset that is wrong
     * @throws HdlcCrcException     when the HCS or the FCS does not match
     */
    public static HdlcFrame parse(byte[] bytes, long offset) throws DlmsFormatException {
        if (bytes.length < 9) {
            throw new DlmsFormatException("expected an HDLC frame of at least 9 bytes, found " + bytes.length, offset);
        }
        if ((bytes[0] & 0xFF) != FLAG) {
            throw new DlmsFormatException(String.format("expected flag 7E, found %02X", bytes[0] & 0xFF), offset);
        }
        int format = (bytes[1] & 0xFF) << 8 | (bytes[2] & 0xFF);
        if (format >>> 12 != FORMAT_TYPE_3) {
            throw new DlmsFormatException(String.format("expected frame format type A (type 3), found %X",
                    format >>> 12), offset + 1);
        }
        int length = format & MAX_LENGTH;
        if (length + 2 != bytes.length) {
            throw new DlmsFormatException("frame format says " + length + " bytes between the flags, found "
                    + (bytes.length - 2), offset + 1);
        }
        if ((bytes[bytes.length - 1] & 0xFF) != FLAG) {
            throw new DlmsFormatException(String.format("expected closing flag 7E after %d bytes, found %02X", length,
                    bytes[bytes.length - 1] & 0xFF), offset + bytes.length - 1);
        }
        int p = 3;
        int destinationStart = p;
        long destination = 0;
        for (int n = 0; ; n++) {
            if (n == 4 || p >= bytes.length - 3) {
                throw new DlmsFormatException("expected a destination address of 1 to 4 bytes ending in a byte with"
                        + " bit 0 set, found none", offset + destinationStart);
            }
            destination = destination << 8 | (bytes[p] & 0xFF);
            if ((bytes[p++] & 1) != 0) {
                break;
            }
        }
        int sourceStart = p;
        long source = 0;
        for (int n = 0; ; n++) {
            if (n == 4 || p >= bytes.length - 3) {
                throw new DlmsFormatException("expected a source address of 1 to 4 bytes ending in a byte with"
                        + " bit 0 set, found none", offset + sourceStart);
            }
            source = source << 8 | (bytes[p] & 0xFF);
            if ((bytes[p++] & 1) != 0) {
                break;
            }
        }
        int control = bytes[p++] & 0xFF;
        int fcsAt = bytes.length - 3;
        byte[] information;
        if (p == fcsAt) {
            information = new byte[0];
        } else {
            if (p + 2 > fcsAt) {
                throw new DlmsFormatException("expected HCS after the control byte, found the end of the frame",
                        offset + p);
            }
            int hcs = HdlcCrc.compute(bytes, 1, p - 1);
            int found = HdlcCrc.read(bytes, p);
            if (hcs != found) {
                throw new HdlcCrcException(HdlcCrcException.Check.HCS, hcs, found, offset + p);
            }
            p += 2;
            information = Arrays.copyOfRange(bytes, p, fcsAt);
        }
        int fcs = HdlcCrc.compute(bytes, 1, fcsAt - 1);
        int found = HdlcCrc.read(bytes, fcsAt);
        if (fcs != found) {
            throw new HdlcCrcException(HdlcCrcException.Check.FCS, fcs, found, offset + fcsAt);
        }
        return new HdlcFrame(offset, (format & 0x0800) != 0, destination, source, control, information);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HdlcFrame f && offset == f.offset && segmented == f.segmented
                && destination == f.destination && source == f.source && control == f.control
                && Arrays.equals(information, f.information);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(offset) * 31 + Arrays.hashCode(information);
    }

    @Override
    public String toString() {
        return String.format("HdlcFrame[offset %d, %s, destination %X, source %X, control %02X, %d bytes information]",
                offset, segmented ? "segmented" : "last", destination, source, control, information.length);
    }
}
