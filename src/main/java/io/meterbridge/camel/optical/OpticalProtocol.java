package io.meterbridge.camel.optical;

import io.meterbridge.link.Framing;

/** The protocol an optical endpoint speaks to its meter. */
public enum OpticalProtocol {
    /** Kamstrup KMP: MULTICAL 302/303/402/403/602/603/803 and 601, 1200 Bd 8N2. */
    KMP("the KMP meter", Framing.KMP),
    /** IEC 62056-21 data readout: Landis+Gyr ULTRAHEAT UH50/T550/T230 and others, 300 Bd 7E1 and up. */
    IEC62056("the IEC 62056-21 meter", Framing.IEC62056_INITIAL);

    private final String meter;
    private final Framing framing;

    OpticalProtocol(String meter, Framing framing) {
        this.meter = meter;
        this.framing = framing;
    }

    /** The meter as messages name it. */
    public String meter() {
        return meter;
    }

    /** The framing the exchange starts at. */
    public Framing framing() {
        return framing;
    }
}
