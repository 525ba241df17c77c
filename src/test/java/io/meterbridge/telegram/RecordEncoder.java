package io.meterbridge.telegram;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/**
 * An EN 13757-3 record encoder written for the tests only, independently of the decoder: it
 * builds DIF/DIFE chains, VIF/VIFE chains and data fields from a {@link Spec}.
 */
final class RecordEncoder {

    private RecordEncoder() {
    }

    /** How the value is encoded. */
    enum Coding {
        INT8(0x1, 1), INT16(0x2, 2), INT24(0x3, 3), INT32(0x4, 4), INT48(0x6, 6), INT64(0x7, 8),
        BCD2(0x9, 1), BCD4(0xA, 2), BCD6(0xB, 3), BCD8(0xC, 4), BCD12(0xE, 6), REAL32(0x5, 4), TEXT(0xD, -1),
        LVAR_BCD(0xD, -1), LVAR_BINARY(0xD, -1);

        final int dataField;
        final int bytes;

        Coding(int dataField, int bytes) {
            this.dataField = dataField;
            this.bytes = bytes;
        }

        boolean isInteger() {
            return ordinal() <= INT64.ordinal();
        }

        boolean isBcd() {
            return this == BCD2 || this == BCD4 || this == BCD6 || this == BCD8 || this == BCD12;
        }
    }

    /**
     * One record to encode.
     *
     * @param function 0–3
     * @param storage storage number
     * @param tariff tariff
     * @param subunit sub-unit
     * @param vif primary VIF code 0x00–0x6B (without extension bit)
     * @param combinables combinable VIFE codes (without extension bit)
     * @param coding the data coding
     * @param raw the raw number (integers, BCD) ; for REAL32 the float bits; for TEXT ignored
     * @param text the text for TEXT
     */
    record Spec(int function, long storage, int tariff, int subunit, int vif, List<Integer> combinables, Coding coding,
            BigInteger raw, String text) {
    }

    static byte[] encode(Spec s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // DIB: DIF holds storage bit 0; each DIFE 4 storage bits, 2 tariff bits, 1 sub-unit bit
        long storageRest = s.storage() >>> 1;
        int tariff = s.tariff();
        int subunit = s.subunit();
        int dif = s.coding().dataField | s.function() << 4 | (int) (s.storage() & 1) << 6;
        boolean more = storageRest != 0 || tariff != 0 || subunit != 0;
        out.write(dif | (more ? 0x80 : 0));
        while (more) {
            int dife = (int) (storageRest & 0x0F) | (tariff & 0x03) << 4 | (subunit & 0x01) << 6;
            storageRest >>>= 4;
            tariff >>>= 2;
            subunit >>>= 1;
            more = storageRest != 0 || tariff != 0 || subunit != 0;
            out.write(dife | (more ? 0x80 : 0));
        }
        // VIB
        List<Integer> c = s.combinables();
        out.write(s.vif() | (c.isEmpty() ? 0 : 0x80));
        for (int i = 0; i < c.size(); i++) {
            out.write(c.get(i) | (i < c.size() - 1 ? 0x80 : 0));
        }
        // data
        switch (s.coding()) {
            case TEXT -> {
                byte[] t = s.text().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
                out.write(t.length);
                for (int i = t.length - 1; i >= 0; i--) {
                    out.write(t[i]); // last character first
                }
            }
            case LVAR_BCD -> {
                byte[] bcd = bcd(s.raw().abs(), digitsFor(s.raw().abs()));
                out.write((s.raw().signum() < 0 ? 0xD0 : 0xC0) + bcd.length);
                out.writeBytes(bcd);
            }
            case LVAR_BINARY -> {
                byte[] le = littleEndian(s.raw(), 8);
                out.write(0xE8);
                out.writeBytes(le);
            }
            case REAL32 -> out.writeBytes(littleEndian(s.raw(), 4));
            default -> {
                if (s.coding().isBcd()) {
                    out.writeBytes(bcdSigned(s.raw(), s.coding().bytes));
                } else {
                    out.writeBytes(littleEndian(s.raw(), s.coding().bytes));
                }
            }
        }
        return out.toByteArray();
    }

    private static int digitsFor(BigInteger v) {
        int d = v.toString().length();
        return d + (d % 2);
    }

    static byte[] littleEndian(BigInteger v, int bytes) {
        byte[] out = new byte[bytes];
        BigInteger x = v.signum() < 0 ? v.add(BigInteger.ONE.shiftLeft(8 * bytes)) : v;
        for (int i = 0; i < bytes; i++) {
            out[i] = x.shiftRight(8 * i).byteValue();
        }
        return out;
    }

    static byte[] bcd(BigInteger v, int digits) {
        String s = v.toString();
        s = "0".repeat(digits - s.length()) + s;
        byte[] out = new byte[digits / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = s.charAt(digits - 2 - 2 * i) - '0';
            int lo = s.charAt(digits - 1 - 2 * i) - '0';
            out[i] = (byte) (hi << 4 | lo);
        }
        return out;
    }

    /** Type A with the negative rule: most significant nibble F and the remaining digits. */
    static byte[] bcdSigned(BigInteger v, int bytes) {
        byte[] out = bcd(v.abs(), 2 * bytes);
        if (v.signum() < 0) {
            out[bytes - 1] = (byte) (0xF0 | (out[bytes - 1] & 0x0F));
        }
        return out;
    }

    /**
     * The value of a record in SI base units (Wh, J, m³, kg, W, J/h, m³/h, °C, K, bar), computed
     * from the VIF code with the exponents of EN 13757-3 table 10 — not from the decoder's table.
     */
    static BigDecimal siValue(int vif, BigDecimal raw) {
        int n = vif & 0x07;
        int nn = vif & 0x03;
        int exp = switch (vif & 0x78) {
            case 0x00, 0x18, 0x28, 0x50 -> n - 3;      // Wh, kg, W, kg/h
            case 0x08, 0x30 -> n;                      // J, J/h
            case 0x10, 0x38 -> n - 6;                  // m³, m³/h
            case 0x40 -> n - 7;                        // m³/min
            case 0x48 -> n - 9;                        // m³/s
            case 0x58, 0x60, 0x68 -> nn - 3;           // °C, K, bar
            default -> throw new IllegalArgumentException("no SI rule for VIF " + vif);
        };
        return raw.scaleByPowerOfTen(exp);
    }
}
