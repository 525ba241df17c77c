package io.meterbridge.link;

import io.meterbridge.telegram.SecondaryAddress;

/** How a meter is addressed on the bus: by primary address (A field) or by secondary address (selection). */
public sealed interface MeterAddress permits MeterAddress.Primary, MeterAddress.Secondary {

    /**
     * A primary address 0–250, or 254: the address every slave answers (EN 13757-2), for a link
     * with one meter on it — an optical eye, or a meter whose address is not known.
     *
     * @param address the A field
     */
    record Primary(int address) implements MeterAddress {
        public Primary {
            if ((address < 0 || address > Control.ADDRESS_MAX_PRIMARY) && address != Control.ADDRESS_BROADCAST_REPLY) {
                throw new IllegalArgumentException("expected a primary address 0–250 (or 254, which every meter answers), "
                        + "found " + address);
            }
        }

        @Override
        public String toString() {
            return Integer.toString(address);
        }
    }

    /**
     * A secondary address, selected with CI 0x52 and then read through address 253.
     *
     * @param address ID, manufacturer, version, medium; wildcards allowed if they select one meter
     */
    record Secondary(SecondaryAddress address) implements MeterAddress {
        public Secondary {
            java.util.Objects.requireNonNull(address, "address");
        }

        @Override
        public String toString() {
            return address.toString();
        }
    }

    /**
     * Parses {@code "0"}…{@code "250"} and {@code "254"} as a primary address and 16 hex digits
     * ({@code "829371332D2C4004"}) as a secondary address.
     *
     * @throws IllegalArgumentException saying what was expected and found
     */
    static MeterAddress parse(String text) {
        String s = text.trim();
        if (SecondaryAddress.looksLikeSecondary(s)) {
            return new Secondary(SecondaryAddress.parse(s));
        }
        if (!s.isEmpty() && s.length() <= 3 && s.chars().allMatch(Character::isDigit)) {
            return new Primary(Integer.parseInt(s));
        }
        throw new IllegalArgumentException("expected a primary address 0–250 or a secondary address of 16 hex digits "
                + "(IIIIIIIIMMMMVVDD), found \"" + text + "\"");
    }

}
