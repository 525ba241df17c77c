package io.meterbridge.camel.optical;

import io.meterbridge.link.MBusException;
import io.meterbridge.link.OpticalStatistics;
import io.meterbridge.meter.Reading;

/** The meter behind one IR head, read by its protocol into a {@link Reading}. */
interface OpticalMeter extends AutoCloseable {

    /** Reads the meter once. */
    Reading read() throws MBusException;

    /** The head's counters. */
    OpticalStatistics statistics();

    @Override
    void close();

    /** The reader for the endpoint's protocol and options (the port is opened on the first read). */
    static OpticalMeter of(OpticalConfiguration c, java.time.Clock clock) throws MBusException {
        return switch (c.requireProtocol()) {
            case KMP -> new KmpOpticalMeter(c, clock);
            case IEC62056 -> new Iec62056OpticalMeter(c, clock);
        };
    }
}
