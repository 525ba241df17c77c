package io.meterbridge.telegram;

import java.util.Locale;

/**
 * A secondary address: identification number, manufacturer, version and medium, as in the
 * long header and in a selection (CI 0x52, EN 13757-3 clause 11 / EN 13757-2 annex).
 *
 * <p>The usual text form (libmbus, node-mbus, wmbusmeters) is 16 hex digits {@code IIIIIIII MMMM
 * VV DD}: the eight ID digits as printed, then the manufacturer bytes, version and medium in
 * wire order, e.g. {@code 829371332D2C4004} for a MULTICAL 303 with ID 82937133. In a selection
 * any ID digit may be {@code F}, and manufacturer {@code FFFF}, version {@code FF} or medium
 * {@code FF} match anything.
 *
 * @param id the eight ID nibbles as printed, most significant first ({@code 0x82937133})
 * @param manufacturer the 16-bit manufacturer code (0xFFFF = wildcard)
 * @param version the version byte (0xFF = wildcard)
 * @param medium the medium byte (0xFF = wildcard)
 */
public record SecondaryAddress(int id, int manufacturer, int version, int medium) {

    /** Bytes on the wire: ID 4, manufacturer 2, version 1, medium 1. */
    public static final int WIRE_LENGTH = 8;
    /** Matches every meter. */
    public static final SecondaryAddress ANY = new SecondaryAddress(0xFFFFFFFF, 0xFFFF, 0xFF, 0xFF);

    public SecondaryAddress {
        if ((manufacturer & ~0xFFFF) != 0 || (version & ~0xFF) != 0 || (medium & ~0xFF) != 0) {
            throw new IllegalArgumentException(String.format(
                    "manufacturer must fit 16 bits, version and medium 8 bits; found 0x%X, 0x%X, 0x%X",
                    manufacturer, version, medium));
        }
    }

    /** Reads the eight bytes at {@code offset} (ID LSB first, manufacturer LSB first, version, medium). */
    public static SecondaryAddress fromWire(byte[] bytes, int offset) {
        int id = (bytes[offset] & 0xFF) | (bytes[offset + 1] & 0xFF) << 8 | (bytes[offset + 2] & 0xFF) << 16
                | (bytes[offset + 3] & 0xFF) << 24;
        int man = (bytes[offset + 4] & 0xFF) | (bytes[offset + 5] & 0xFF) << 8;
        return new SecondaryAddress(id, man, bytes[offset + 6] & 0xFF, bytes[offset + 7] & 0xFF);
    }

    /**
     * Parses the 16-hex-digit text form; white space is ignored.
     *
     * @throws IllegalArgumentException naming what was found if it is not 16 hex digits
     */
    public static SecondaryAddress parse(String text) {
        String s = text.replaceAll("\\s", "");
        if (s.length() != 16 || !s.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException(
                    "expected a secondary address of 16 hex digits (IIIIIIIIMMMMVVDD), found \"" + text + "\"");
        }
        int id = Integer.parseUnsignedInt(s.substring(0, 8), 16);
        int manWire = Integer.parseInt(s.substring(8, 12), 16);
        int man = (manWire >> 8) | (manWire & 0xFF) << 8;
        return new SecondaryAddress(id, man, Integer.parseInt(s.substring(12, 14), 16),
                Integer.parseInt(s.substring(14, 16), 16));
    }

    /** True if the text looks like a secondary address rather than a primary address. */
    public static boolean looksLikeSecondary(String text) {
        return text.replaceAll("\\s", "").length() == 16;
    }

    /** Writes the eight wire bytes at {@code offset}. */
    public void toWire(byte[] out, int offset) {
        out[offset] = (byte) id;
        out[offset + 1] = (byte) (id >>> 8);
        out[offset + 2] = (byte) (id >>> 16);
        out[offset + 3] = (byte) (id >>> 24);
        out[offset + 4] = (byte) manufacturer;
        out[offset + 5] = (byte) (manufacturer >>> 8);
        out[offset + 6] = (byte) version;
        out[offset + 7] = (byte) medium;
    }

    /** The identification number as eight digits ({@code F} where a digit is a wildcard). */
    public String idText() {
        return String.format(Locale.ROOT, "%08X", id);
    }

    /** The manufacturer's three letters. */
    public String manufacturerText() {
        return Manufacturer.decode(manufacturer);
    }

    /**
     * True if this (a concrete meter's) address is selected by {@code pattern}: every ID digit
     * equal or {@code F} in the pattern, and manufacturer, version and medium equal or wildcards.
     */
    public boolean matches(SecondaryAddress pattern) {
        for (int shift = 0; shift < 32; shift += 4) {
            int p = (pattern.id >>> shift) & 0xF;
            if (p != 0xF && p != ((id >>> shift) & 0xF)) {
                return false;
            }
        }
        return (pattern.manufacturer == 0xFFFF || pattern.manufacturer == manufacturer)
                && (pattern.version == 0xFF || pattern.version == version)
                && (pattern.medium == 0xFF || pattern.medium == medium);
    }

    /** The 16-hex-digit text form, e.g. {@code 829371332D2C4004}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%08X%02X%02X%02X%02X", id, manufacturer & 0xFF, manufacturer >>> 8,
                version, medium);
    }
}
