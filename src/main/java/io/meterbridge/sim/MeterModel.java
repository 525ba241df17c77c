package io.meterbridge.sim;

import java.time.Duration;

/**
 * What a simulated meter measures and how it lays out its records. The {@link SimMeter} around
 * it adds the link (address, FCB, selection) and the 12-byte long header.
 */
public interface MeterModel {

    /** Model name people see, e.g. {@code "MULTICAL 303"}. */
    String name();

    /** Manufacturer code (16 bits, e.g. KAM 0x2C2D). */
    int manufacturer();

    /** Version byte of the long header (Kamstrup: the model). */
    int version();

    /** Medium byte of the long header. */
    int medium();

    /** Status byte of the long header. */
    int status();

    /** How many telegrams one full readout has (all but the last end with DIF 0x1F). */
    int telegramCount();

    /** The records of telegram {@code index} at {@code elapsed} since the meter was switched on in the simulator. */
    byte[] records(int index, Duration elapsed);
}
