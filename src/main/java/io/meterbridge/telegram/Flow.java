package io.meterbridge.telegram;

/**
 * Direction qualifier of a record from the combinable VIFEs 0x3B/0x3C (EN 13757-3 table 15).
 * A heat/cooling MULTICAL 303 sends its cooling energy as {@code 04 86 3C}: energy, {@link #BACKWARD}.
 */
public enum Flow {
    /** No direction VIFE. */
    NONE,
    /** 0x3B: accumulation of positive contributions only (forward flow, import). */
    FORWARD,
    /** 0x3C: accumulation of the absolute value of negative contributions (backward flow, export, cooling). */
    BACKWARD
}
