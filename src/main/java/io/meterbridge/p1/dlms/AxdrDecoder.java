package io.meterbridge.p1.dlms;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads A-XDR encoded DLMS data (IEC 62056-6-2 clause 4.1.5 and IEC 61334-6 A-XDR): a tag byte,
 * then a fixed-size big-endian value, or a length (BER-style: below 0x80 one byte, else 0x8n and n
 * length bytes) and that many bytes or elements. A cursor over one byte array; not thread-safe.
 */
public final class AxdrDecoder {

    /** Nesting deeper than this is no meter's push list; stops a hostile frame from overflowing the stack. */
    private static final int MAX_DEPTH = 16;

    private final byte[] bytes;
    private final long base;
    private int p;

    /**
     * @param bytes  the encoded data
     * @param from   where to start reading
     * @param base   added to positions in error offsets (the APDU's place in the stream)
     */
    public AxdrDecoder(byte[] bytes, int from, long base) {
        this.bytes = bytes;
        this.p = from;
        this.base = base;
    }

    /** The position after what has been read. */
    public int position() {
        return p;
    }

    /** Whether bytes remain. */
    public boolean hasMore() {
        return p < bytes.length;
    }

    /** Reads one tagged value. */
    public DlmsData read() throws DlmsFormatException {
        return read(0);
    }

    private DlmsData read(int depth) throws DlmsFormatException {
        int at = p;
        int tag = u8("an A-XDR tag");
        AxdrType type = AxdrType.ofTag(tag);
        if (type == null) {
            throw new DlmsFormatException(String.format("expected an A-XDR data tag, found %02X", tag), base + at);
        }
        if (type == AxdrType.NULL_DATA) {
            return new DlmsData.Null();
        }
        if (type == AxdrType.ARRAY || type == AxdrType.STRUCTURE) {
            if (depth == MAX_DEPTH) {
                throw new DlmsFormatException("expected at most " + MAX_DEPTH + " nested structures, found more",
                        base + at);
            }
            int n = length();
            List<DlmsData> elements = new ArrayList<>(Math.min(n, 64));
            for (int i = 0; i < n; i++) {
                elements.add(read(depth + 1));
            }
            return new DlmsData.Sequence(type, elements);
        }
        if (type == AxdrType.BOOLEAN) {
            return new DlmsData.Bool(u8("a boolean") != 0);
        }
        if (type.integral()) {
            byte[] v = take(type.size(), type.name().toLowerCase().replace('_', '-'));
            return new DlmsData.Integral(type, type.signed() ? new BigInteger(v) : new BigInteger(1, v));
        }
        int n = type.size() >= 0 ? type.size() : length();
        if (type == AxdrType.BIT_STRING) {
            n = (n + 7) / 8;
        }
        return new DlmsData.Bytes(type, take(n, type.name().toLowerCase().replace('_', '-')));
    }

    /** A length: one byte below 0x80, else 0x81..0x84 followed by that many bytes (IEC 62056-6-2 4.1.5). */
    public int length() throws DlmsFormatException {
        int at = p;
        int first = u8("a length");
        if (first < 0x80) {
            return first;
        }
        int n = first & 0x7F;
        if (n == 0 || n > 3) {
            throw new DlmsFormatException(String.format("expected a length of 1 to 3 bytes, found %02X", first),
                    base + at);
        }
        int len = 0;
        for (int i = 0; i < n; i++) {
            len = len << 8 | u8("a length byte");
        }
        if (len > bytes.length - p) {
            throw new DlmsFormatException("length " + len + " exceeds the " + (bytes.length - p) + " bytes left",
                    base + at);
        }
        return len;
    }

    /** One byte, unsigned. */
    public int u8(String what) throws DlmsFormatException {
        if (p >= bytes.length) {
            throw new DlmsFormatException("expected " + what + ", found the end of the data", base + p);
        }
        return bytes[p++] & 0xFF;
    }

    /** {@code n} bytes. */
    public byte[] take(int n, String what) throws DlmsFormatException {
        if (n > bytes.length - p) {
            throw new DlmsFormatException("expected " + n + " bytes of " + what + ", found " + (bytes.length - p),
                    base + p);
        }
        byte[] v = Arrays.copyOfRange(bytes, p, p + n);
        p += n;
        return v;
    }
}
