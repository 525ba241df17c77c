package io.meterbridge.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * The decoder's fast paths give exactly what the plain ones give: BCD eight digits at a time
 * against digit by digit, shared small numbers against new ones (value and scale), and the VIB
 * cache, under evictions, against the tables.
 */
class FastPathsTest {

    @Property(tries = 3000)
    void bcdAtOnceEqualsDigitByDigit(@ForAll @Size(max = 9) List<@IntRange(min = 0, max = 255) Integer> bytes,
            @ForAll boolean negative, @ForAll @IntRange(min = -12, max = 6) int exp) {
        byte[] b = new byte[bytes.size() + 2];
        for (int i = 0; i < bytes.size(); i++) {
            b[i + 1] = (byte) (int) bytes.get(i);
        }
        assertEquals(DataTypes.bcdByDigit(b, 1, bytes.size(), negative, exp), DataTypes.bcd(b, 1, bytes.size(), negative, exp));
    }

    @Property(tries = 3000)
    void bcdOfDigitsOnly(@ForAll @IntRange(min = 0, max = 99_999_999) int digits, @ForAll boolean topF,
            @ForAll @IntRange(min = -6, max = 3) int exp) {
        // valid BCD is rare among random bytes: build it from a number, sometimes with the negative F
        String s = String.format("%08d", digits);
        byte[] b = new byte[4];
        for (int i = 0; i < 4; i++) {
            b[i] = (byte) Integer.parseInt(s.substring(6 - 2 * i, 8 - 2 * i), 16);
        }
        if (topF) {
            b[3] = (byte) (0xF0 | (b[3] & 0x0F));
        }
        assertEquals(DataTypes.bcdByDigit(b, 0, 4, false, exp), DataTypes.bcd(b, 0, 4, false, exp));
    }

    @Property(tries = 3000)
    void integersAsValuesEqualThePlainOnes(@ForAll @Size(min = 8, max = 8) List<Integer> bytes,
            @ForAll @IntRange(min = 1, max = 8) int len, @ForAll boolean signed, @ForAll @IntRange(min = -12, max = 9) int exp) {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (int) bytes.get(i);
        }
        assertEquals(new Value.Numeric(DataTypes.integer(b, 0, len, signed, exp)), DataTypes.integerValue(b, 0, len, signed, exp));
    }

    @Property(tries = 3000)
    void smallNumbersEqualNewOnes(@ForAll @IntRange(min = -3, max = 12) int raw, @ForAll @IntRange(min = -15, max = 12) int exp) {
        Value.Numeric expected = new Value.Numeric(DataTypes.scaled(raw, exp));
        Value actual = DataTypes.numeric(raw, exp);
        assertEquals(expected, actual);
        assertEquals(expected.number().scale(), ((Value.Numeric) actual).number().scale());
    }

    @Property(tries = 5000)
    void realsEqualTheirDecimalString(@ForAll int bits, @ForAll @IntRange(min = -10, max = 6) int exp) {
        float f = Float.intBitsToFloat(bits);
        byte[] b = {(byte) bits, (byte) (bits >> 8), (byte) (bits >> 16), (byte) (bits >> 24)};
        Value expected = Float.isNaN(f) || Float.isInfinite(f) ? new Value.Invalid("real is " + f)
                : DataTypes.real32ByString(f, exp);
        assertEquals(expected, DataTypes.real32(b, 0, exp));
    }

    @Property(tries = 5000)
    void integralRealsEqualTheirDecimalString(@ForAll @IntRange(min = -9_999_999, max = 9_999_999) int i,
            @ForAll @IntRange(min = -10, max = 6) int exp) {
        int bits = Float.floatToIntBits(i);
        byte[] b = {(byte) bits, (byte) (bits >> 8), (byte) (bits >> 16), (byte) (bits >> 24)};
        assertEquals(DataTypes.real32ByString(i, exp), DataTypes.real32(b, 0, exp));
    }

    /** The fast path rests on this: every integral float below 10^7 prints as the integer and ".0". */
    @Test
    void everyIntegralFloatBelowTenToTheSevenPrintsAsItsInteger() {
        for (int i = -9_999_999; i <= 9_999_999; i++) {
            String s = Float.toString(i);
            if (!s.equals(i + ".0")) {
                assertEquals(i + ".0", s);
            }
        }
        assertEquals("-0.0", Float.toString(-0.0f));
        assertEquals(DataTypes.real32ByString(-0.0f, 0), DataTypes.real32(new byte[] {0, 0, 0, (byte) 0x80}, 0, 0));
    }

    /**
     * Every VIF with every combinable VIFE, twice over (16384 VIBs, far more than the cache's
     * slots): each record's description, unit and combinables are what the tables say.
     */
    @Test
    void vibCacheUnderEvictionsAgreesWithTheTables() throws TelegramFormatException {
        for (int pass = 0; pass < 2; pass++) {
            for (int vif = 0; vif < 0x7B; vif++) {
                List<Byte> data = new ArrayList<>();
                for (int vife = 0; vife < 0x7C; vife++) {
                    data.add((byte) 0x01); // DIF: 8-bit integer
                    data.add((byte) (vif | 0x80));
                    data.add((byte) vife);
                    data.add((byte) 0x07);
                }
                byte[] user = new byte[data.size()];
                for (int i = 0; i < user.length; i++) {
                    user[i] = data.get(i);
                }
                Telegram t = TelegramDecoder.decode(0x78, user);
                assertEquals(0x7C, t.records().size());
                for (int vife = 0; vife < 0x7C; vife++) {
                    DataRecord r = t.records().get(vife);
                    VifTable.Entry e = VifTable.PRIMARY[vif];
                    CombinableVife c = CombinableVifes.of(vife, false);
                    assertEquals(e.description() + ", " + c.description(), r.description());
                    assertEquals(e.unit(), r.unit());
                    assertEquals(List.of(c), r.combinables());
                    assertSame(e.quantity(), r.quantity());
                }
            }
        }
    }
}
