package io.meterbridge.p1.dlms;

/**
 * The A-XDR data types a HAN push list uses, with their tags and fixed sizes (IEC 62056-6-2
 * clause 4.1.5, "Data" CHOICE; DLMS UA Blue Book 4.1.5). A size of -1 means variable length
 * (a length byte, or element count, follows the tag).
 */
public enum AxdrType {
    NULL_DATA(0x00, 0),
    ARRAY(0x01, -1),
    STRUCTURE(0x02, -1),
    BOOLEAN(0x03, 1),
    BIT_STRING(0x04, -1),
    DOUBLE_LONG(0x05, 4),
    DOUBLE_LONG_UNSIGNED(0x06, 4),
    OCTET_STRING(0x09, -1),
    VISIBLE_STRING(0x0A, -1),
    UTF8_STRING(0x0C, -1),
    BCD(0x0D, 1),
    INTEGER(0x0F, 1),
    LONG(0x10, 2),
    UNSIGNED(0x11, 1),
    LONG_UNSIGNED(0x12, 2),
    LONG64(0x14, 8),
    LONG64_UNSIGNED(0x15, 8),
    ENUM(0x16, 1),
    FLOAT32(0x17, 4),
    FLOAT64(0x18, 8),
    DATE_TIME(0x19, 12),
    DATE(0x1A, 5),
    TIME(0x1B, 4);

    private static final AxdrType[] BY_TAG = new AxdrType[256];

    static {
        for (AxdrType t : values()) {
            BY_TAG[t.tag] = t;
        }
    }

    private final int tag;
    private final int size;

    AxdrType(int tag, int size) {
        this.tag = tag;
        this.size = size;
    }

    /** The tag byte. */
    public int tag() {
        return tag;
    }

    /** Bytes after the tag for fixed-size types, -1 for variable ones. */
    int size() {
        return size;
    }

    /** Whether values of this type are integers (signed or unsigned). */
    public boolean integral() {
        return this == DOUBLE_LONG || this == DOUBLE_LONG_UNSIGNED || this == INTEGER || this == LONG
                || this == UNSIGNED || this == LONG_UNSIGNED || this == LONG64 || this == LONG64_UNSIGNED
                || this == ENUM || this == BCD;
    }

    /** Whether the integer is signed (two's complement). */
    boolean signed() {
        return this == DOUBLE_LONG || this == INTEGER || this == LONG || this == LONG64;
    }

    /** The type with this tag, or null. */
    static AxdrType ofTag(int tag) {
        return BY_TAG[tag & 0xFF];
    }
}
