package io.meterbridge.p1.dlms;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A complete DLMS APDU, the LLC header {@code E6 E7 00} (IEC 62056-46 clause 8.1) removed, from one
 * HDLC frame or reassembled from a run of segmented ones (clause 6.4.4.4.3.3), or sent bare.
 *
 * @param offset stream offset of the first frame's opening flag (or of the bare APDU's tag)
 * @param bytes  the APDU, tag first (not copied; treat as read-only)
 */
public record Apdu(long offset, byte[] bytes) implements HdlcEvent {

    @Override
    public boolean equals(Object o) {
        return o instanceof Apdu a && offset == a.offset && Arrays.equals(bytes, a.bytes);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(offset) * 31 + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "Apdu[offset " + offset + ", " + bytes.length + " bytes, "
                + HexFormat.of().withUpperCase().formatHex(bytes, 0, Math.min(8, bytes.length)) + "…]";
    }
}
