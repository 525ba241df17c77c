package io.meterbridge.kmp;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * KMP's variable-length base-10 number: a sign/exponent byte and an unsigned big-endian
 * mantissa of a stated number of bytes. In the sign/exponent byte, bit 7 is the sign of the
 * mantissa (1 = negative), bit 6 the sign of the exponent (1 = negative), bits 5–0 the exponent's
 * magnitude; the value is (−1)^SI · mantissa · 10^((−1)^SE · exponent).
 *
 * <p>Kamstrup protocol description 4.2, as PyKMP {@code codec.FloatCodec} documents it, with its
 * examples {@code 04 C2 00003039} = −123.45, {@code 04 03 05397FB1} = 87 654 321 000 and
 * {@code 01 03 FF} = 255 000. bsdphk/PyKamstrup, ESPHome {@code kamstrup_kmp} and
 * kamstrup-402-mqtt decode the same bits into a float; this class decodes exactly, into a
 * {@link BigDecimal} whose scale is the wire exponent negated, so a temperature sent as
 * {@code 02 42 18C8} is 63.44 with two decimals (the meter's resolution), never
 * 63.440000000000005, and a zero sent with three decimals stays 0.000. Compare values with
 * {@link BigDecimal#compareTo}: 255 000 arrives as 255·10³ (scale −3).
 */
public final class KmpNumber {

    /** The largest exponent magnitude six bits hold. */
    public static final int MAX_EXPONENT = 0x3F;

    private KmpNumber() {
    }

    /**
     * The value of {@code length} mantissa bytes of {@code bytes} from {@code offset} under
     * {@code signExponent}.
     */
    public static BigDecimal decode(int signExponent, byte[] bytes, int offset, int length) {
        BigInteger mantissa;
        if (length <= 7) {
            long m = 0;
            for (int i = offset; i < offset + length; i++) {
                m = m << 8 | (bytes[i] & 0xFF);
            }
            mantissa = BigInteger.valueOf(m);
        } else {
            byte[] magnitude = new byte[length];
            System.arraycopy(bytes, offset, magnitude, 0, length);
            mantissa = new BigInteger(1, magnitude);
        }
        // value = mantissa · 10^exponent, and BigDecimal's scale is the exponent negated
        int magnitude = signExponent & MAX_EXPONENT;
        int scale = (signExponent & 0x40) != 0 ? magnitude : -magnitude;
        BigDecimal value = new BigDecimal(mantissa, scale);
        return (signExponent & 0x80) != 0 ? value.negate() : value;
    }

    /**
     * The sign/exponent byte and mantissa for {@code value}, the mantissa {@code mantissaLength}
     * bytes long: the inverse of {@link #decode}, keeping the value's scale as the exponent.
     *
     * @return the sign/exponent byte followed by the mantissa
     * @throws IllegalArgumentException if the scale's magnitude exceeds 63 or the unscaled value
     *     does not fit {@code mantissaLength} bytes
     */
    public static byte[] encode(BigDecimal value, int mantissaLength) {
        if (mantissaLength < 1 || mantissaLength > 0xFF) {
            throw new IllegalArgumentException("expected a mantissa length of 1–255 bytes, found " + mantissaLength);
        }
        int scale = value.scale();
        if (Math.abs(scale) > MAX_EXPONENT) {
            throw new IllegalArgumentException("expected an exponent of magnitude at most " + MAX_EXPONENT
                    + ", found " + (-scale) + " for " + value);
        }
        BigInteger mantissa = value.unscaledValue().abs();
        if (mantissa.bitLength() > mantissaLength * 8) {
            throw new IllegalArgumentException("expected a mantissa of at most " + mantissaLength + " bytes, found "
                    + mantissa + " (" + (mantissa.bitLength() + 7) / 8 + " bytes) for " + value);
        }
        byte[] out = new byte[1 + mantissaLength];
        out[0] = (byte) ((value.signum() < 0 ? 0x80 : 0) | (scale > 0 ? 0x40 : 0) | Math.abs(scale));
        byte[] magnitude = mantissa.toByteArray();
        int copy = Math.min(magnitude.length, mantissaLength);
        System.arraycopy(magnitude, magnitude.length - copy, out, out.length - copy, copy);
        return out;
    }
}
