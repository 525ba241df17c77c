package io.meterbridge.p1;

/**
 * Which P1 dialect a telegram is, as far as its content tells. Serial settings follow from it:
 * DSMR 2.2/3 use 9600 7E1, the others 115200 8N1.
 */
public enum P1Version {
    /**
     * DSMR 2.2 or 3.0: no checksum, no version line; gas on {@code 0-n:24.3.0} with the value on the
     * next line. The two cannot be told apart from the telegram.
     */
    DSMR_2_OR_3(false),
    /** DSMR 4.x: {@code 1-3:0.2.8(4x)}, checksum. */
    DSMR_4(true),
    /** DSMR 5.x: {@code 1-3:0.2.8(50)}, checksum. */
    DSMR_5(true),
    /** Belgian e-MUCS (Fluvius): {@code 0-0:96.1.4} version line, gas on {@code 0-n:24.2.3}. */
    BELGIUM_E_MUCS(true),
    /** Luxembourg Smarty (Creos/Sagemcom T210-D): totals {@code 1.8.0/2.8.0}, {@code 0-0:42.0.0}. */
    LUXEMBOURG_SMARTY(true),
    /**
     * Swedish/Finnish ESMR 5-style HAN (Kamstrup, Aidon, Kaifa, Sagemcom S211 …): no version line,
     * totals only ({@code 1.8.0}, {@code 2.8.0}), reactive energy, per-phase values.
     */
    NORDIC_ESMR5(true),
    /** Has a checksum but matches none of the above (e.g. Hungarian, Irish, Austrian variants). */
    OTHER_WITH_CRC(true),
    /**
     * No checksum and not recognisably DSMR 2.2/3 (e.g. EasyMeter, Logarex), or a DSMR 4/5 version
     * line whose required checksum is missing.
     */
    OTHER_WITHOUT_CRC(false);

    private final boolean hasCrc;

    P1Version(boolean hasCrc) {
        this.hasCrc = hasCrc;
    }

    /** Whether telegrams of this version end with {@code !} and a CRC-16. */
    public boolean hasCrc() {
        return hasCrc;
    }
}
