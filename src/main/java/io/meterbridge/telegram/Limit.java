package io.meterbridge.telegram;

/** Which limit a record refers to, from the combinable VIFEs 0x40–0x6F (bit 3: lower/upper). */
public enum Limit {
    /** The record is not about a limit. */
    NONE,
    /** Lower limit value, its exceedances, or their dates and durations. */
    LOWER,
    /** Upper limit value, its exceedances, or their dates and durations. */
    UPPER
}
