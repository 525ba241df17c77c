package io.meterbridge.sim;

/** Faults a simulated meter can be told to produce on its next answers. */
public enum Fault {
    /** The meter processes the request but its answer is lost on the line (so a retry with the same FCB gets a repeat). */
    NO_ANSWER,
    /** The answer comes after the master's EN 13757-2 timeout has run out. */
    LATE_ANSWER,
    /** The answer's checksum is wrong. */
    BAD_CHECKSUM,
    /** The answer stops half-way. */
    TRUNCATED,
    /** Noise bytes (no start byte among them) come before an intact answer. */
    NOISE,
    /** The request is echoed back (as some level converters do) before an intact answer. */
    ECHO
}
