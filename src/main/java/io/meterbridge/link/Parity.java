package io.meterbridge.link;

/** Serial parity. M-Bus uses {@link #EVEN} (8E1, EN 13757-2 clause 4); the others exist for odd gateways. */
public enum Parity {
    NONE, EVEN, ODD;

    /** Parses {@code none|even|odd} or the letter of {@code 8N1/8E1/8O1}, case-insensitive. */
    public static Parity parse(String text) {
        return switch (text.trim().toUpperCase(java.util.Locale.ROOT)) {
            case "NONE", "N" -> NONE;
            case "EVEN", "E" -> EVEN;
            case "ODD", "O" -> ODD;
            default -> throw new IllegalArgumentException("expected parity none, even or odd, found \"" + text + "\"");
        };
    }
}
