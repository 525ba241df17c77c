package io.meterbridge.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * {@link Value.Numeric} held as a long and a scale is the same value as the {@code BigDecimal}
 * it stands for: number, scale, equality, hash, text and double.
 */
class NumericTest {

    @Property(tries = 5000)
    void compactEqualsItsBigDecimal(@ForAll long unscaled, @ForAll @IntRange(min = -30, max = 30) int scale) {
        BigDecimal expected = BigDecimal.valueOf(unscaled, scale);
        Value.Numeric compact = Value.Numeric.of(unscaled, scale);
        Value.Numeric fromBig = new Value.Numeric(expected);
        assertTrue(compact.isCompact());
        assertTrue(fromBig.isCompact(), "a BigDecimal whose unscaled value fits a long is held compactly");
        assertEquals(expected, compact.number());
        assertEquals(expected.scale(), compact.scale());
        assertEquals(unscaled, compact.unscaledValue());
        assertEquals(fromBig, compact);
        assertEquals(fromBig.hashCode(), compact.hashCode());
        assertEquals("Numeric[number=" + expected + "]", compact.toString());
        assertEquals(expected.doubleValue(), compact.doubleValue());
    }

    @Property(tries = 3000)
    void equalOnlyWithTheSameScale(@ForAll @IntRange(min = -1_000_000, max = 1_000_000) int unscaled,
            @ForAll @IntRange(min = 0, max = 12) int scale) {
        Value.Numeric a = Value.Numeric.of(unscaled, scale);
        Value.Numeric b = Value.Numeric.of(unscaled * 10L, scale + 1);
        assertEquals(0, a.number().compareTo(b.number()));
        assertNotEquals(a, b, "1.0 and 1.00 differ, as BigDecimal.equals says");
    }

    @Test
    void beyondALongKeepsTheBigDecimal() {
        BigDecimal max = new BigDecimal("18446744073709551615"); // unsigned 64-bit maximum
        Value.Numeric n = new Value.Numeric(max);
        assertFalse(n.isCompact());
        assertEquals(max, n.number());
        assertEquals(0, n.scale());
        assertEquals(new Value.Numeric(new BigDecimal("18446744073709551615")), n);
        assertEquals(max.hashCode(), n.hashCode());
        assertNotEquals(Value.Numeric.of(-1, 0), n);
        assertEquals("Numeric[number=18446744073709551615]", n.toString());
        assertEquals(1.8446744073709552E19, n.doubleValue());
        assertThrows(ArithmeticException.class, n::unscaledValue);
        BigDecimal scaleExtreme = BigDecimal.valueOf(5, Integer.MIN_VALUE);
        assertEquals(scaleExtreme, new Value.Numeric(scaleExtreme).number());
        assertEquals(scaleExtreme, Value.Numeric.of(5, Integer.MIN_VALUE).number());
    }

    @Property(tries = 20000)
    void realDigitsEqualBigDecimalOfTheString(@ForAll int bits, @ForAll @IntRange(min = -10, max = 6) int exp) {
        float f = Float.intBitsToFloat(bits);
        Assume.that(!Float.isNaN(f) && !Float.isInfinite(f));
        assertEquals(DataTypes.real32ByString(f, exp), DataTypes.real32ByDigits(Float.toString(f), exp));
    }
}
