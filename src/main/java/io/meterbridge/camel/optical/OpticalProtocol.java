package io.meterbridge.camel.optical;

/** The protocol an optical endpoint speaks to its meter. */
public enum OpticalProtocol {
    /** Kamstrup KMP: MULTICAL 302/303/402/403/602/603/803 and 601, 1200 Bd 8N2. */
    KMP,
    /** IEC 62056-21 data readout: Landis+Gyr ULTRAHEAT UH50/T550/T230 and others, 300 Bd 7E1 and up. */
    IEC62056
}
