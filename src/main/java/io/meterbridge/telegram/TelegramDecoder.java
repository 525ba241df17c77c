package io.meterbridge.telegram;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Decodes the EN 13757-3 application layer: CI field, header, data records. Pure and
 * thread-safe: all state is on the stack, apart from the lock-free cache of VIB meanings ({@link Vib}).
 *
 * <p>Table-driven: the VIF tables are {@link VifTable}, the combinable VIFEs {@link CombinableVifes},
 * the data types {@link DataTypes}. Where implementations disagree the decoder follows the
 * standard and says so in a comment (LVAR BCD lengths), except where real devices follow
 * libmbus (the plain-text VIF's position).
 */
public final class TelegramDecoder {

    /** Most user data accepted (a long frame has at most 252 bytes; multi-frame reassembly stays far below). */
    public static final int MAX_USER_DATA = Short.MAX_VALUE;

    /** EN 13757-3 clause 6.3: at most ten DIFEs and ten VIFEs per record. */
    static final int MAX_EXTENSIONS = 10;
    /** Long header: ID 4, manufacturer 2, version, medium, access number, status, signature 2. */
    static final int LONG_HEADER = 12;
    /** Short header: access number, status, signature 2. */
    static final int SHORT_HEADER = 4;
    /** Legacy fixed data structure: ID 4, access, status, medium/unit 2, two counters of 4. */
    static final int FIXED_LENGTH = 16;

    private static final int[] BAUD_RATES = {300, 600, 1200, 2400, 4800, 9600, 19200, 38400};
    /** Data field code → data bytes (LVAR 0xD and special 0xF handled apart). */
    private static final int[] DATA_LENGTH = {0, 1, 2, 3, 4, 4, 6, 8, 0, 1, 2, 3, 4, -1, 6, -1};
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private TelegramDecoder() {
    }

    /**
     * Decodes the user data {@code frame[dataStart, dataEnd)} of a frame whose CI field is {@code ci}.
     * Offsets in records and in exceptions count from the start of {@code frame}, so a caller
     * that passes a whole link-layer frame gets frame byte offsets.
     *
     * @param ci the CI field, 0–255
     * @param frame the bytes holding the user data (typically the whole long frame)
     * @param dataStart index of the first user-data byte (after the CI field)
     * @param dataEnd index after the last user-data byte (before the checksum)
     * @return the decoded telegram
     * @throws TelegramFormatException if the CI field is unsupported or the data are malformed;
     *     its offset says where
     */
    public static Telegram decode(int ci, byte[] frame, int dataStart, int dataEnd) throws TelegramFormatException {
        Objects.checkFromToIndex(dataStart, dataEnd, frame.length);
        int ciOffset = Math.max(0, dataStart - 1);
        if (dataEnd - dataStart > MAX_USER_DATA) {
            // a long frame carries at most 252 bytes; records keep positions in 16 bits
            throw new TelegramFormatException("expected at most " + MAX_USER_DATA + " bytes of user data, found "
                    + (dataEnd - dataStart), dataStart + MAX_USER_DATA);
        }
        switch (ci) {
            case 0x72, 0x76 -> {
                boolean msbFirst = ci == 0x76;
                if (dataEnd - dataStart < LONG_HEADER) {
                    requireBytes(frame, dataStart, dataEnd, LONG_HEADER, "a 12-byte long header after CI " + hex2(ci));
                }
                Header header = longHeader(frame, dataStart, msbFirst);
                return variable(ci, header, frame, dataStart + LONG_HEADER, dataEnd, msbFirst);
            }
            case 0x7A -> {
                requireBytes(frame, dataStart, dataEnd, SHORT_HEADER, "a 4-byte short header after CI 0x7A");
                Header header = new Header(null, frame[dataStart] & 0xFF, frame[dataStart + 1] & 0xFF,
                        (frame[dataStart + 2] & 0xFF) | (frame[dataStart + 3] & 0xFF) << 8);
                return variable(ci, header, frame, dataStart + SHORT_HEADER, dataEnd, false);
            }
            case 0x78 -> {
                return variable(ci, null, frame, dataStart, dataEnd, false);
            }
            case 0x73, 0x77 -> {
                return FixedStructure.decode(ci, frame, dataStart, dataEnd);
            }
            case 0x70 -> {
                // The error byte is optional (EN 13757-3 clause 7.4): none means "unspecified".
                int code = dataEnd > dataStart ? frame[dataStart] & 0xFF : 0;
                return new Telegram(ci, Telegram.Kind.APPLICATION_ERROR, null, List.of(), false, null,
                        ApplicationError.of(code), null, -1, null);
            }
            case 0x71 -> {
                requireBytes(frame, dataStart, dataEnd, 1, "an alarm status byte after CI 0x71");
                return new Telegram(ci, Telegram.Kind.ALARM, null, List.of(), false, null, null, null,
                        frame[dataStart] & 0xFF, null);
            }
            case 0x50, 0x51, 0x52, 0x54, 0x55, 0x56 -> {
                return masterRequest(ci, frame, dataStart, dataEnd);
            }
            default -> {
                if (ci >= 0xB8 && ci <= 0xBF) {
                    return masterRequest(ci, frame, dataStart, dataEnd);
                }
                throw new TelegramFormatException(String.format("unsupported CI %s: expected 0x72, 0x7A, 0x78, 0x76, "
                        + "0x73, 0x77, 0x70, 0x71 from a meter or 0x50–0x56, 0xB8–0xBF from a master", hex2(ci)),
                        ciOffset);
            }
        }
    }

    /** Decodes bare user data (offsets then count from the first user-data byte). */
    public static Telegram decode(int ci, byte[] userData) throws TelegramFormatException {
        return decode(ci, userData, 0, userData.length);
    }

    private static void requireBytes(byte[] frame, int start, int end, int needed, String what)
            throws TelegramFormatException {
        if (end - start < needed) {
            throw new TelegramFormatException("expected " + what + ", found only " + (end - start) + " bytes", end);
        }
    }

    private static Header longHeader(byte[] f, int p, boolean msbFirst) {
        SecondaryAddress address;
        int signature;
        if (msbFirst) {
            byte[] lsb = {f[p + 3], f[p + 2], f[p + 1], f[p], f[p + 5], f[p + 4], f[p + 6], f[p + 7]};
            address = SecondaryAddress.fromWire(lsb, 0);
            signature = (f[p + 10] & 0xFF) << 8 | (f[p + 11] & 0xFF);
        } else {
            address = SecondaryAddress.fromWire(f, p);
            signature = (f[p + 10] & 0xFF) | (f[p + 11] & 0xFF) << 8;
        }
        return new Header(address, f[p + 8] & 0xFF, f[p + 9] & 0xFF, signature);
    }

    private static Telegram variable(int ci, Header header, byte[] f, int start, int end, boolean msbFirst)
            throws TelegramFormatException {
        Records r = new Records(f, start, end, msbFirst);
        r.parse();
        return new Telegram(ci, Telegram.Kind.VARIABLE_DATA, header, r.list(), r.more, r.manufacturerData, null,
                null, -1, null);
    }

    private static Telegram masterRequest(int ci, byte[] f, int start, int end) throws TelegramFormatException {
        byte[] params = Arrays.copyOfRange(f, start, end);
        MasterRequest.Type type;
        SecondaryAddress selection = null;
        int baud = 0;
        List<DataRecord> records = List.of();
        boolean more = false;
        byte[] mdata = null;
        switch (ci) {
            case 0x50 -> type = MasterRequest.Type.APPLICATION_RESET;
            case 0x51 -> {
                type = MasterRequest.Type.DATA_SEND;
                Records r = new Records(f, start, end, false);
                r.parse();
                records = r.list();
                more = r.more;
                mdata = r.manufacturerData;
            }
            case 0x52 -> {
                type = MasterRequest.Type.SELECTION;
                requireBytes(f, start, end, SecondaryAddress.WIRE_LENGTH,
                        "an 8-byte secondary address (ID, manufacturer, version, medium) after CI 0x52");
                selection = SecondaryAddress.fromWire(f, start);
                // enhanced selection: records (e.g. fabrication number) may follow the address
                Records r = new Records(f, start + SecondaryAddress.WIRE_LENGTH, end, false);
                r.parse();
                records = r.list();
            }
            case 0x54 -> type = MasterRequest.Type.SYNCHRONIZE;
            case 0x55, 0x56 -> type = MasterRequest.Type.MODE2;
            default -> {
                type = MasterRequest.Type.SET_BAUD_RATE;
                baud = BAUD_RATES[ci - 0xB8];
            }
        }
        return new Telegram(ci, Telegram.Kind.MASTER_REQUEST, null, records, more, mdata, null, null, -1,
                new MasterRequest(type, selection, baud, params));
    }

    static String hex2(int b) {
        return String.format("0x%02X", b);
    }

    static String hex(byte[] b, int from, int to) {
        char[] c = new char[2 * (to - from)];
        for (int i = from, j = 0; i < to; i++) {
            c[j++] = HEX[(b[i] >> 4) & 0x0F];
            c[j++] = HEX[b[i] & 0x0F];
        }
        return new String(c);
    }

    /** The record loop over one user-data range (EN 13757-3 clause 6). */
    private static final class Records {
        final byte[] f;
        final int end;
        final boolean msbFirst;
        int pos;
        /** The records so far: {@code records[0, count)}. */
        DataRecord[] records;
        int count;
        boolean more;
        byte[] manufacturerData;

        /** The decoder's private copy of {@code f[start, end)}, shared by the records (they never hand it out). */
        final byte[] copy;
        final int base;

        Records(byte[] f, int start, int end, boolean msbFirst) {
            this.f = f;
            this.pos = start;
            this.end = end;
            this.msbFirst = msbFirst;
            this.copy = Arrays.copyOfRange(f, start, end);
            this.base = start;
            // a record takes at least 2 bytes, typically 6 to 8: size the array once, usually
            this.records = new DataRecord[(end - start) / 5 + 2];
        }

        int u(int i) {
            return f[i] & 0xFF;
        }

        List<DataRecord> list() {
            return new RecordList(records, count);
        }

        private void add(DataRecord r) {
            if (count == records.length) {
                records = Arrays.copyOf(records, 2 * count);
            }
            records[count++] = r;
        }

        void parse() throws TelegramFormatException {
            while (pos < end) {
                int dif = u(pos);
                if (dif == 0x2F) {
                    pos++; // idle filler
                    continue;
                }
                if (dif == 0x0F || dif == 0x1F) {
                    // manufacturer-specific data to the end; 0x1F: more records follow in the next telegram
                    more = dif == 0x1F;
                    manufacturerData = Arrays.copyOfRange(f, pos + 1, end);
                    pos = end;
                    return;
                }
                if ((dif & 0x0F) == 0x0F) {
                    if (dif == 0x7F) {
                        // global readout request (master to slave): no VIB, no data
                        add(new DataRecord(pos, "7F", "", 0x0F, 0, 0, 0, Function.ERROR, Quantity.ANY,
                                "Global readout request", "", new Value.None(), List.of(), null, new byte[0]));
                        pos++;
                        continue;
                    }
                    throw new TelegramFormatException(String.format(
                            "expected a DIF, found the reserved special-function code %s", hex2(dif)), pos);
                }
                add(record());
            }
        }

        /** Where {@link #extendedVib} left off: the end of the VIB, and the first manufacturer VIFE or -1. */
        private int vibEnd;
        private int vibMfrFrom;

        /**
         * One record. The common shape (DIF, a lone VIF, fixed-length data) stays in this method,
         * small enough for the JIT; DIFE chains, extended VIBs and errors are in their own methods.
         */
        private DataRecord record() throws TelegramFormatException {
            final int start = pos;
            int dif = u(start);
            int p = (dif & 0x80) == 0 ? start + 1 : difes(start);
            final int vifStart = p;
            if (p >= end) {
                throw premature("a VIF after the DIB", p);
            }
            int vif = u(p++);
            Vib vib;
            int mfrFrom = -1;
            if ((vif & 0x80) == 0 && vif != 0x7C) {
                // a lone VIF, the common case: its meaning is a table look-up
                vib = Vib.SINGLE[vif];
                if (vif == 0x7F) {
                    mfrFrom = p; // manufacturer-specific VIF without VIFEs
                }
            } else {
                vib = extendedVib(vifStart);
                p = vibEnd;
                mfrFrom = vibMfrFrom;
            }
            final int vifEnd = p;

            // data field
            int df = dif & 0x0F;
            int len = DATA_LENGTH[df];
            int lvar = -1;
            if (df == 0x0D) {
                if (p >= end) {
                    throw premature("an LVAR length byte", p);
                }
                lvar = u(p);
                len = lvarLength(lvar, p);
                p++;
            }
            if (p + len > end) {
                throw prematureData(len, dif, p);
            }
            pos = p + len;
            Value value = null; // decoded from the copy when first asked for
            if (msbFirst && len > 1 && (lvar < 0 || lvar >= 0xC0)) {
                value = msbFirstValue(df, lvar, p, len, vib);
            }
            return new DataRecord(copy, base, start, vifStart, vifEnd, p, p + len, mfrFrom, vib, value);
        }

        /** CI 0x76: numbers most significant byte first; decodes a reversed copy now. */
        private Value msbFirstValue(int df, int lvar, int p, int len, Vib vib) {
            return value(df, lvar, reversed(Arrays.copyOfRange(f, p, p + len)), 0, len, vib);
        }

        /** Checks the DIFE chain after the DIF at {@code start}; returns the position after it. */
        private int difes(int start) throws TelegramFormatException {
            int p = start + 1;
            int b = u(start);
            int n = 0;
            while ((b & 0x80) != 0) {
                if (p >= end) {
                    throw new TelegramFormatException(String.format(
                            "premature end of record: expected a DIFE after %s, found the end of the user data",
                            hex2(b)), p);
                }
                if (n == MAX_EXTENSIONS) {
                    throw new TelegramFormatException("expected at most " + MAX_EXTENSIONS + " DIFEs, found an 11th", p);
                }
                b = u(p); // storage, tariff and sub-unit bits: read by DataRecord when asked for
                n++;
                p++;
            }
            return p;
        }

        private static TelegramFormatException premature(String expected, int at) {
            return new TelegramFormatException("premature end of record: expected " + expected
                    + ", found the end of the user data", at);
        }

        private TelegramFormatException prematureData(int len, int dif, int p) {
            return new TelegramFormatException(String.format(
                    "premature end of record: expected %d data bytes for DIF %s, found only %d", len, hex2(dif),
                    end - p), p);
        }

        /**
         * A VIB with extensions (or plain text) from {@code vifStart}: checks its structure and
         * looks its meaning up. Leaves its end in {@link #vibEnd} and the first manufacturer VIFE
         * (or -1) in {@link #vibMfrFrom}.
         */
        private Vib extendedVib(int vifStart) throws TelegramFormatException {
            int p = vifStart;
            int vif = u(p++);
            int mfrFrom = -1;
            int code = vif & 0x7F;
            boolean ext = (vif & 0x80) != 0;
            int vifes = 0;
            VifTable.Entry entry;
            int textFrom = -1;
            Vib vibDone = null;
            if (code == 0x7C) {
                // Plain-text VIF: length and text directly after the VIF, before any VIFE, as libmbus
                // and the Elvaco devices of its corpus do (EN 13757-3:2018 C.2 puts it after the VIB).
                if (p >= end) {
                    throw premature("the length of a plain-text VIF", p);
                }
                int len = u(p++);
                if (p + len > end) {
                    throw new TelegramFormatException("premature end of record: expected " + len
                            + " plain-text VIF characters, found only " + (end - p), p);
                }
                textFrom = p;
                p += len;
                entry = VifTable.PRIMARY[0x7C];
            } else if (vif == 0xFB || vif == 0xFD) {
                if (p >= end) {
                    throw premature("the extension VIFE after VIF " + hex2(vif), p);
                }
                int t = u(p++);
                vifes++;
                entry = (vif == 0xFD ? VifTable.FD : VifTable.FB)[t & 0x7F];
                ext = (t & 0x80) != 0;
                if (!ext) {
                    vibDone = (vif == 0xFD ? Vib.FD : Vib.FB)[t]; // the common extension: a table look-up
                }
            } else {
                entry = VifTable.PRIMARY[code];
                if (code == 0x7F) {
                    mfrFrom = p; // all VIFEs of a manufacturer-specific VIF are the manufacturer's
                } else if (p < end) {
                    int v = u(p);
                    if (v < 0x7C) {
                        // one combinable VIFE, the common extension (e.g. 86 3C): a table look-up
                        vibEnd = p + 1;
                        vibMfrFrom = -1;
                        return Vib.pair(f, vifStart);
                    }
                }
            }
            final int vifesFrom = p;
            boolean secondTable = false; // the previous VIFE was the 0x7C escape
            while (ext) {
                if (p >= end) {
                    throw premature("a VIFE after " + hex2(u(p - 1)) + " (extension bit set)", p);
                }
                if (vifes == MAX_EXTENSIONS) {
                    throw new TelegramFormatException("expected at most " + MAX_EXTENSIONS + " VIFEs, found an 11th", p);
                }
                int v = u(p++);
                vifes++;
                ext = (v & 0x80) != 0;
                if (mfrFrom < 0) {
                    int c = v & 0x7F;
                    if (secondTable) {
                        secondTable = false; // a code of the second combinable table, even 0x7F
                    } else if (c == 0x7C) {
                        secondTable = true;
                    } else if (c == 0x7F) {
                        mfrFrom = p; // everything after this VIFE is the manufacturer's
                    }
                }
            }
            vibEnd = p;
            vibMfrFrom = mfrFrom;
            int vibTo = mfrFrom >= 0 ? mfrFrom : p;
            return vibDone != null ? vibDone : Vib.decoded(entry, f, vifStart, textFrom, vifesFrom, vibTo);
        }

        /** LVAR ranges of EN 13757-3:2013 table 5 (clause 6.3.3). */
        private int lvarLength(int lvar, int at) throws TelegramFormatException {
            if (lvar <= 0xBF) {
                return lvar; // ISO 8859-1 text
            }
            if (lvar <= 0xC9) {
                // (LVAR−C0)·2 digits = (LVAR−C0) bytes; libmbus and jMBus read twice as many bytes
                return lvar - 0xC0;
            }
            if (lvar >= 0xD0 && lvar <= 0xD9) {
                return lvar - 0xD0;
            }
            if (lvar >= 0xE0 && lvar <= 0xEF) {
                return lvar - 0xE0;
            }
            if (lvar >= 0xF0 && lvar <= 0xF4) {
                return 4 * (lvar - 0xEC);
            }
            if (lvar == 0xF5) {
                return 48;
            }
            if (lvar == 0xF6) {
                return 64;
            }
            throw new TelegramFormatException(String.format(
                    "expected an LVAR of 0x00–0xBF, 0xC0–0xC9, 0xD0–0xD9, 0xE0–0xEF or 0xF0–0xF6, found reserved %s",
                    hex2(lvar)), at);
        }

    }

    private static byte[] reversed(byte[] a) {
        byte[] r = new byte[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[a.length - 1 - i];
        }
        return r;
    }

    /**
     * The value of a data field {@code d[off, off + len)}, LSB first, of a record with data field
     * code {@code df} (and LVAR byte {@code lvar}, or -1) and VIB {@code vib}: VIF exponent and
     * multiplicative corrections applied to numbers.
     */
    static Value value(int df, int lvar, byte[] d, int off, int len, Vib vib) {
        Value v;
        // the common cases first, in a method small enough for the JIT to inline: integers and BCD numbers
        if (!vib.plainNumber) {
            v = uncorrected(df, lvar, d, off, len, vib);
        } else if (df == 0x4 || df == 0x2 || df == 0x1 || df == 0x6) {
            v = DataTypes.integerValue(d, off, len, vib.signed, vib.exponent);
        } else if (df >= 0x9 && df <= 0xC || df == 0xE) {
            v = DataTypes.bcd(d, off, len, false, vib.exponent);
        } else {
            v = uncorrected(df, lvar, d, off, len, vib);
        }
        BigDecimal[] factors = vib.corrections;
        if (factors != null) {
            v = corrected(v, factors);
        }
        return v;
    }

    /** Applies multiplicative corrections (VIFE 0x70–0x77, 0x7D) to a number, in wire order. */
    private static Value corrected(Value v, BigDecimal[] factors) {
        if (v instanceof Value.Numeric num) {
            BigDecimal x = num.number();
            for (BigDecimal factor : factors) {
                x = x.multiply(factor);
            }
            v = new Value.Numeric(x.scale() < 0 ? x.setScale(0) : x);
        }
        return v;
    }

    private static Value uncorrected(int df, int lvar, byte[] d, int off, int len, Vib vib) {
        VifTable.Entry entry = vib.entry;
        boolean signed = vib.signed;
        int exp = vib.exponent;
        switch (df) {
            case 0x0, 0x8 -> {
                return NO_DATA;
            }
            case 0x2 -> {
                return vib.dateContext ? DataTypes.dateG(d, off)
                        : DataTypes.integerValue(d, off, 2, signed, exp);
            }
            case 0x3 -> {
                return entry.dateKind() == VifTable.DateKind.DATE_TIME ? DataTypes.timeJ(d, off)
                        : DataTypes.integerValue(d, off, 3, signed, exp);
            }
            case 0x4 -> {
                return vib.dateContext ? DataTypes.dateTimeF(d, off)
                        : DataTypes.integerValue(d, off, 4, signed, exp);
            }
            case 0x6 -> {
                return vib.dateContext ? DataTypes.dateTimeI(d, off)
                        : DataTypes.integerValue(d, off, 6, signed, exp);
            }
            case 0x1 -> {
                return DataTypes.integerValue(d, off, 1, signed, exp);
            }
            case 0x7 -> {
                if (entry.quantity() == Quantity.ENHANCED_IDENTIFICATION) {
                    // 8 bytes of enhanced identification are a secondary address (ID, manufacturer,
                    // version, medium), e.g. in a master's "set secondary address" (07 79 …)
                    return new Value.Text(SecondaryAddress.fromWire(d, off).toString());
                }
                return DataTypes.integerValue(d, off, 8, signed, exp);
            }
            case 0x5 -> {
                return DataTypes.real32(d, off, exp);
            }
            case 0x9, 0xA, 0xB, 0xC, 0xE -> {
                return DataTypes.bcd(d, off, len, false, exp);
            }
            case 0xD -> {
                if (lvar <= 0xBF) {
                    char[] text = new char[len];
                    for (int i = 0; i < len; i++) {
                        text[i] = (char) (d[off + len - 1 - i] & 0xFF); // last character first
                    }
                    return new Value.Text(new String(text));
                }
                if (lvar <= 0xD9) {
                    if (len == 0) {
                        return new Value.Invalid("empty BCD");
                    }
                    return DataTypes.bcd(d, off, len, lvar >= 0xD0, exp);
                }
                if (len >= 1 && len <= 8) {
                    return DataTypes.integerValue(d, off, len, signed, exp);
                }
                // a binary number too long for a long: its bytes, most significant first (as it is written)
                return new Value.Bytes(reversed(Arrays.copyOfRange(d, off, off + len)));
            }
            default -> throw new IllegalStateException("data field " + df);
        }
    }

    private static final Value NO_DATA = new Value.None();

}
