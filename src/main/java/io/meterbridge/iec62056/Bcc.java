package io.meterbridge.iec62056;

/**
 * The block check character of IEC 62056-21 messages: the longitudinal parity (XOR) of every byte
 * from the one after the first SOH or STX up to and including the ETX (or EOT) that ends the block;
 * the start byte itself is not included.
 *
 * <p>Checked against published blocks rather than taken on trust: the Landis+Gyr UH50 readout in
 * ultraheat-api's tests ends in {@code 'h'}, which this computation gives only with STX excluded and
 * ETX included; the break command {@code SOH B 0 ETX q} (lvzon/dsmr-p1-parser's IEC 62056-21 notes,
 * pwitab/iec62056-21's tests) gives {@code 'q'} only when counting from the byte after SOH. The
 * "XOR with 0xFF first and last" description some notes give is the same value, the two inversions
 * cancel. The characters are 7-bit (7E1 framing), so the BCC is a 7-bit value too.
 */
public final class Bcc {

    private Bcc() {
    }

    /** XOR of {@code bytes[from]} up to, not including, {@code bytes[to]}. */
    public static int compute(byte[] bytes, int from, int to) {
        int bcc = 0;
        for (int i = from; i < to; i++) {
            bcc ^= bytes[i] & 0xFF;
        }
        return bcc;
    }

    /** The BCC as written in messages: hex, and the character when it is printable. */
    public static String format(int bcc) {
        String hex = String.format("0x%02X", bcc & 0xFF);
        return bcc >= 0x21 && bcc < 0x7F ? hex + " '" + (char) bcc + "'" : hex;
    }
}
