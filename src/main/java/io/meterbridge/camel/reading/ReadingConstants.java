package io.meterbridge.camel.reading;

/**
 * Header names every reading carries, whichever consumer took it ({@code mbus:}, {@code p1:}) and
 * whichever output sends it: one home, which the components' own constants classes point at.
 */
public final class ReadingConstants {

    /** A key that stays the same for the physical meter: manufacturer and ID ({@code kam_82937133}). */
    public static final String METER_KEY = "MeterbridgeMeterKey";

    private ReadingConstants() {
    }
}
