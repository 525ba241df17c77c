package io.meterbridge.camel.p1;

import io.meterbridge.link.Parity;

/**
 * Turns the bytes a port delivers into P1's 7-bit ASCII characters.
 *
 * <p>A 7E1 character (start, 7 data bits, parity, stop) is exactly as long on the wire as an 8N1
 * one (start, 8 data bits, stop), so a port read as 8N1 receives a 7E1 meter's parity bit as bit 7.
 * With {@link #checking(Parity) parity checking} (DSMR 2.2/3, 9600 7E1) bit 7 is checked against
 * the other seven and cleared; a mismatch is reported by its stream position, because DSMR 2.2/3
 * telegrams carry no CRC and parity is their only guard. Otherwise ({@link #stripping()}) bit 7 is
 * simply cleared: harmless for an 8N1 meter (P1 is ASCII), and it lets a 7E1 meter at 115200 Bd
 * through, its CRC still checking the content. An encrypted port ({@link #binary()}) carries
 * bytes, not characters: they pass unchanged.
 */
final class P1CharacterDecoder {

    /** Receives the stream position of a character with a parity error. */
    @FunctionalInterface
    interface ParityErrors {
        void at(long position);
    }

    private final Parity parity;
    private final int mask;

    private P1CharacterDecoder(Parity parity, int mask) {
        this.parity = parity;
        this.mask = mask;
    }

    /** Clears bit 7, checks nothing. */
    static P1CharacterDecoder stripping() {
        return new P1CharacterDecoder(Parity.NONE, 0x7F);
    }

    /** Leaves every byte as it is: an encrypted port's stream is binary. */
    static P1CharacterDecoder binary() {
        return new P1CharacterDecoder(Parity.NONE, 0xFF);
    }

    /** Checks bit 7 as the parity bit of the 7 data bits, then clears it. */
    static P1CharacterDecoder checking(Parity parity) {
        if (parity == Parity.NONE) {
            throw new IllegalArgumentException("7 data bits without parity is no P1 character format; use 7E1");
        }
        return new P1CharacterDecoder(parity, 0x7F);
    }

    /** Whether parity is checked. */
    boolean checksParity() {
        return parity != Parity.NONE;
    }

    /**
     * Decodes {@code length} bytes in place.
     *
     * @param position stream position of {@code bytes[offset]}
     * @param errors   told of each character whose parity is wrong
     */
    void decode(byte[] bytes, int offset, int length, long position, ParityErrors errors) {
        for (int i = offset; i < offset + length; i++) {
            int b = bytes[i] & 0xFF;
            if (parity != Parity.NONE) {
                // even parity: the 8 received bits hold an even number of ones; odd: an odd number
                boolean odd = (Integer.bitCount(b) & 1) == 1;
                if (odd != (parity == Parity.ODD)) {
                    errors.at(position + (i - offset));
                }
            }
            bytes[i] = (byte) (b & mask);
        }
    }

    /** The 8-bit character a 7-bit one is sent as with this parity (for simulators and tests). */
    static int encode(int ascii, Parity parity) {
        int c = ascii & 0x7F;
        boolean ones = (Integer.bitCount(c) & 1) == 1;
        return switch (parity) {
            case NONE -> c;
            case EVEN -> ones ? c | 0x80 : c;
            case ODD -> ones ? c : c | 0x80;
        };
    }
}
