package io.meterbridge.sim;

/** Faults a simulated Landis+Gyr Ultraheat can be told to produce on its next readout. */
public enum UltraheatFault {
    /** The meter hears the request and does not answer (head not on the eye, light in the way). */
    NO_ANSWER,
    /**
     * The meter is in deep sleep: only a wake-up of at least {@link UltraheatMeter#DEEP_SLEEP_NULS}
     * NULs (2.1 s at 300 Bd) wakes it; shorter ones go unheard.
     */
    SLEEPING,
    /** One data byte of the block is changed after the BCC was computed, as a line hit would do. */
    BAD_BCC,
    /** The data block stops before its ETX. */
    TRUNCATED
}
