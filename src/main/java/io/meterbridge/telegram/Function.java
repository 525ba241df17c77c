package io.meterbridge.telegram;

/** The function field, DIF bits 5–4 (EN 13757-3 clause 6.3.2). */
public enum Function {
    /** 00: instantaneous value. */
    INSTANTANEOUS("instantaneous"),
    /** 01: maximum value. */
    MAXIMUM("maximum"),
    /** 10: minimum value. */
    MINIMUM("minimum"),
    /** 11: value during error state. */
    ERROR("error");

    private final String jsonName;

    Function(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The name used by {@code decode --json}: {@code instantaneous}, {@code maximum}, {@code minimum}, {@code error}. */
    public String jsonName() {
        return jsonName;
    }

    private static final Function[] BY_CODE = values();

    /** The function of a DIF byte. */
    public static Function ofDif(int dif) {
        return BY_CODE[(dif >> 4) & 0x03];
    }
}
