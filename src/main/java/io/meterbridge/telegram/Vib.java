package io.meterbridge.telegram;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The meaning of one value information block (VIF and VIFEs, EN 13757-3 clause 6.4): table
 * entry, combinable VIFEs, and what follows from them (description, unit, whether the data are
 * a date, multiplicative corrections). Immutable and shared.
 *
 * <p>Why a class of its own: a meter sends the same few VIBs in every telegram, so their meaning
 * is worked out once. A lone VIF (the common case) is a table look-up in {@link #SINGLE}; a VIB
 * with extensions is looked up by its bytes in a small lock-free cache ({@link #decoded}) and
 * built on a miss. The decoder thus builds no description string and no list per record.
 */
final class Vib {

    /** Key of a VIB that is not cached (too long for a key, or given by a caller). */
    static final long NO_KEY = -1;

    /** The meaning of each VIF 0x00–0x7F without extension bit (0x7C, plain text, is per record). */
    static final Vib[] SINGLE = new Vib[128];

    /** Most VIB bytes that fit a cache key (VIF and up to six VIFEs). */
    private static final int MAX_KEY_BYTES = 7;
    private static final int CACHE_BITS = 10;
    /**
     * Lock-free cache of VIBs with extensions, indexed by a hash of the key. A slot holds the last
     * VIB stored there; races are harmless because a Vib is immutable (all fields final, so it is
     * safely published through the array) and equal keys build equal Vibs.
     */
    private static final Vib[] CACHE = new Vib[1 << CACHE_BITS];

    /**
     * The meaning of a primary VIF (extension bit set) with one combinable VIFE 0x00–0x7F, e.g.
     * {@code 86 3C} (energy, backward flow), by {@code code << 7 | vife}; filled on first use
     * (a complete table, so no eviction; races harmless as for {@link #CACHE}).
     */
    private static final Vib[] PAIRS = new Vib[128 * 128];

    /** {@code f[vifFrom]} is a primary VIF 0x80–0xFA with its one VIFE {@code f[vifFrom + 1]} (no extension bit) after it. */
    static Vib pair(byte[] f, int vifFrom) {
        int code = f[vifFrom] & 0x7F;
        int vife = f[vifFrom + 1];
        int i = code << 7 | vife;
        Vib v = PAIRS[i];
        if (v == null) {
            v = build(VifTable.PRIMARY[code], null, f, vifFrom + 1, vifFrom + 2, 2L << 56 | (0x80 | code) << 8 | vife);
            PAIRS[i] = v;
        }
        return v;
    }

    /** The meaning of VIF 0xFD / 0xFB with one extension-table VIFE 0x00–0x7F (no further VIFE). */
    static final Vib[] FD = new Vib[128];
    static final Vib[] FB = new Vib[128];

    static {
        for (int code = 0; code < 128; code++) {
            if (code != 0x7C) {
                SINGLE[code] = build(VifTable.PRIMARY[code], null, null, 0, 0, code);
            }
            FD[code] = build(VifTable.FD[code], null, null, 0, 0, 2L << 56 | 0xFD00 | code);
            FB[code] = build(VifTable.FB[code], null, null, 0, 0, 2L << 56 | 0xFB00 | code);
        }
    }

    /** The VIB's bytes (up to seven) and their number, as one cache key; {@link #NO_KEY} if none. */
    final long key;
    /** The bytes of a VIB too long for {@link #key}, as its cache key; else {@code null}. */
    final byte[] bytes;
    final VifTable.Entry entry;
    /** The entry's power of ten and signedness, at hand for the value decoder. */
    final int exponent;
    final boolean signed;
    final Quantity quantity;
    final String description;
    final String unit;
    final List<CombinableVife> combinables;
    /** True if the data are a point in time: the VIF says so, or a combinable VIFE does (start date of …). */
    final boolean dateContext;
    /** True if integer data are a plain number: not a date, not an enhanced identification (a secondary address). */
    final boolean plainNumber;
    /** Multiplicative correction factors (VIFE 0x70–0x77, 0x7D) in wire order, or {@code null}. */
    final BigDecimal[] corrections;
    /** For a record built by a caller from its parts ({@link #given}): those parts; {@code null} for decoded records. */
    final Given given;

    /**
     * What a record built from parts says that a decoded record reads from its DIB bytes.
     *
     * @param dif DIF and DIFEs, hex
     * @param vif VIF and VIFEs, hex
     * @param dataField data field code
     * @param storage storage number
     * @param tariff tariff
     * @param subunit sub-unit
     * @param function function field
     */
    record Given(String dif, String vif, int dataField, long storage, int tariff, int subunit, Function function) {
    }

    private Vib(long key, VifTable.Entry entry, Quantity quantity, String description, String unit,
            List<CombinableVife> combinables, boolean dateContext, BigDecimal[] corrections) {
        this(key, entry, quantity, description, unit, combinables, dateContext, corrections, null);
    }

    private Vib(long key, VifTable.Entry entry, Quantity quantity, String description, String unit,
            List<CombinableVife> combinables, boolean dateContext, BigDecimal[] corrections, Given given) {
        this.given = given;
        this.key = key;
        this.bytes = null;
        this.entry = entry;
        this.exponent = entry == null ? 0 : entry.exponent();
        this.signed = entry != null && entry.signed();
        this.quantity = quantity;
        this.description = description;
        this.unit = unit;
        this.combinables = combinables;
        this.dateContext = dateContext;
        this.plainNumber = entry != null && !dateContext && entry.quantity() != Quantity.ENHANCED_IDENTIFICATION;
        this.corrections = corrections;
    }

    /** A copy of {@code v} with a byte key. */
    private Vib(long key, byte[] bytes, Vib v) {
        this.key = key;
        this.bytes = bytes;
        this.entry = v.entry;
        this.exponent = v.exponent;
        this.signed = v.signed;
        this.quantity = v.quantity;
        this.description = v.description;
        this.unit = v.unit;
        this.combinables = v.combinables;
        this.dateContext = v.dateContext;
        this.plainNumber = v.plainNumber;
        this.corrections = v.corrections;
        this.given = v.given;
    }

    /** The meaning given by a caller of {@link DataRecord}'s public constructor (no table entry), with the record's parts. */
    static Vib given(Given given, Quantity quantity, String description, String unit,
            List<CombinableVife> combinables) {
        return new Vib(NO_KEY, null, quantity, description, unit, List.copyOf(combinables), false, null, given);
    }

    /**
     * The meaning of the VIB whose interpreted bytes are {@code f[vibFrom, vibTo)} (the VIF, the
     * plain text of VIF 0x7C/0xFC, the extension-table VIFE of 0xFB/0xFD, combinable VIFEs up to
     * and including a manufacturer escape 0x7F; not the raw manufacturer VIFEs after it), its
     * VIFEs starting at {@code vifesFrom}. {@code textFrom} is the first plain-text character
     * (its length byte just before), or -1. The caller has checked the structure.
     */
    static Vib decoded(VifTable.Entry entry, byte[] f, int vibFrom, int textFrom, int vifesFrom, int vibTo) {
        int n = vibTo - vibFrom;
        if (n > MAX_KEY_BYTES) {
            return decodedLong(entry, f, vibFrom, textFrom, vifesFrom, vibTo);
        }
        long key = n;
        for (int i = vibFrom; i < vibTo; i++) {
            key = key << 8 | (f[i] & 0xFF);
        }
        // the length is in the top byte, so VIBs of different lengths never share a key
        int slot = (int) ((key * 0x9E3779B97F4A7C15L) >>> (64 - CACHE_BITS));
        Vib v = CACHE[slot];
        if (v == null || v.key != key) {
            v = build(entry, plainText(f, textFrom), f, vifesFrom, vibTo, key);
            CACHE[slot] = v;
        }
        return v;
    }

    /** {@link #decoded} for a VIB longer than a key (plain text, long VIFE chains): looked up by its bytes. */
    private static Vib decodedLong(VifTable.Entry entry, byte[] f, int vibFrom, int textFrom, int vifesFrom,
            int vibTo) {
        int h = 1;
        for (int i = vibFrom; i < vibTo; i++) {
            h = 31 * h + f[i];
        }
        int slot = (h * 0x9E3779B9) >>> (32 - CACHE_BITS);
        Vib v = CACHE[slot];
        if (v == null || v.bytes == null || !Arrays.equals(v.bytes, 0, v.bytes.length, f, vibFrom, vibTo)) {
            Vib built = build(entry, plainText(f, textFrom), f, vifesFrom, vibTo, NO_KEY);
            v = new Vib(NO_KEY, Arrays.copyOfRange(f, vibFrom, vibTo), built);
            CACHE[slot] = v;
        }
        return v;
    }

    /** The plain text at {@code f[from]}, its length in {@code f[from − 1]}, last character first (ISO 8859-1); or {@code null}. */
    private static String plainText(byte[] f, int from) {
        if (from < 0) {
            return null;
        }
        int len = f[from - 1] & 0xFF;
        char[] text = new char[len];
        for (int i = 0; i < len; i++) {
            text[i] = (char) (f[from + len - 1 - i] & 0xFF);
        }
        return new String(text);
    }

    /** Works the meaning out: walks the VIFEs {@code f[vifesFrom, vibTo)} for combinable VIFEs. */
    private static Vib build(VifTable.Entry entry, String plainText, byte[] f, int vifesFrom, int vibTo, long key) {
        List<CombinableVife> combinables = new ArrayList<>(2);
        boolean secondTable = false;
        boolean manufacturerVife = false;
        for (int i = vifesFrom; i < vibTo; i++) {
            int c = f[i] & 0x7F;
            if (secondTable) {
                combinables.add(CombinableVifes.of(c, true));
                secondTable = false;
            } else if (c == 0x7C) {
                secondTable = true;
            } else if (c == 0x7F) {
                manufacturerVife = true; // the rest are the manufacturer's (not part of the key)
                break;
            } else {
                combinables.add(CombinableVifes.of(c, false));
            }
        }
        String description = plainText != null ? "Plain text unit \"" + plainText + "\"" : entry.description();
        if (!combinables.isEmpty() || manufacturerVife) {
            StringBuilder sb = new StringBuilder(description);
            for (CombinableVife cv : combinables) {
                sb.append(", ").append(cv.description());
            }
            if (manufacturerVife) {
                sb.append(", manufacturer specific");
            }
            description = sb.toString();
        }
        boolean dateContext = entry.dateKind() != VifTable.DateKind.NONE;
        List<BigDecimal> factors = new ArrayList<>(0);
        for (CombinableVife cv : combinables) {
            if (cv.secondTable()) {
                continue;
            }
            dateContext |= CombinableVifes.isDate(cv.code());
            if (cv.code() >= 0x70 && cv.code() <= 0x77) {
                factors.add(BigDecimal.ONE.scaleByPowerOfTen((cv.code() & 0x07) - 6));
            } else if (cv.code() == 0x7D) {
                factors.add(BigDecimal.valueOf(1000));
            }
        }
        return new Vib(key, entry, entry.quantity(), description, plainText != null ? plainText : entry.unit(),
                List.copyOf(combinables), dateContext, factors.isEmpty() ? null : factors.toArray(BigDecimal[]::new));
    }
}
