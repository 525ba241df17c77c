package io.meterbridge.sim;

/** A fault the P1 simulator can inject into a telegram. */
public enum P1Fault {
    /** A correct telegram. */
    NONE,
    /** One data byte altered after the CRC was computed, as a line hit would do. */
    BAD_CRC,
    /** The telegram cut off before its {@code !} (cable pulled). */
    TRUNCATED,
    /** Random bytes (no {@code /}) before the telegram. */
    NOISE
}
