package io.meterbridge.camel.optical;

import java.time.Clock;
import java.util.List;

import io.meterbridge.link.FrameExchange;
import io.meterbridge.link.MBusException;
import io.meterbridge.link.OpticalStatistics;
import io.meterbridge.meter.Reading;

/**
 * The meter behind one IR head, read by its protocol into a {@link Reading}: what an
 * {@code optical:} endpoint polls, and what {@code meterbridge read --kmp|--iec62056} reads once,
 * so both give the same reading for the same options.
 */
public interface OpticalMeter extends AutoCloseable {

    /** Reads the meter once. */
    Reading read() throws MBusException;

    /** The head as in use (device and framing), for messages. */
    String describe();

    /** The head's counters. */
    OpticalStatistics statistics();

    /** The last requests and answers through the head, oldest first. */
    List<FrameExchange> recentFrames();

    @Override
    void close();

    /**
     * The reader for the configuration's protocol and options; the options are checked now, the
     * port is opened on the first read.
     *
     * @throws IllegalArgumentException naming the option, if one is wrong
     */
    static OpticalMeter of(OpticalConfiguration c, Clock clock) throws MBusException {
        return switch (c.requireProtocol()) {
            case KMP -> new KmpOpticalMeter(c, clock);
            case IEC62056 -> new Iec62056OpticalMeter(c, clock);
        };
    }
}
