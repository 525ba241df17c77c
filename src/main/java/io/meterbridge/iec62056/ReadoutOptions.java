package io.meterbridge.iec62056;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link ReadoutSession} reads a meter.
 *
 * @param wakeUp           NULs and pause before the request
 * @param request          the request, with or without a device address
 * @param maxBaudRate      the highest speed to ask for in mode C (the meter's own is the limit
 *                         otherwise); modes A and B cannot be asked for a speed
 * @param replyTimeout     the longest silence after the request before the identification; a meter
 *                         waits at least 200 ms (20 ms with a lower-case third manufacturer letter)
 *                         before it answers
 * @param silenceTimeout   the longest silence before and inside the data block
 * @param maxSkippedBytes  the most bytes to skip before {@code /} or STX (an echo of the wake-up and
 *                         request is about 50 bytes) before giving up on the line
 * @param maxBlockBytes    the longest data block accepted (a UH50 block is about 1 KiB)
 */
public record ReadoutOptions(WakeUp wakeUp, RequestMessage request, int maxBaudRate, Duration replyTimeout,
                             Duration silenceTimeout, int maxSkippedBytes, int maxBlockBytes) {

    public ReadoutOptions {
        Objects.requireNonNull(wakeUp, "wakeUp");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(replyTimeout, "replyTimeout");
        Objects.requireNonNull(silenceTimeout, "silenceTimeout");
        if (maxBaudRate < 300) {
            throw new IllegalArgumentException("maxBaudRate must be at least 300, was " + maxBaudRate);
        }
        if (maxSkippedBytes < 0 || maxBlockBytes < 16) {
            throw new IllegalArgumentException("maxSkippedBytes must be >= 0 and maxBlockBytes >= 16, were "
                    + maxSkippedBytes + " and " + maxBlockBytes);
        }
    }

    /**
     * For a Landis+Gyr Ultraheat UH50/T550: its wake-up ({@link WakeUp#landisGyrUltraheat()}), {@code /?!},
     * 2 s for the identification, 2 s of silence inside the block.
     */
    public static ReadoutOptions landisGyrUltraheat() {
        return new ReadoutOptions(WakeUp.landisGyrUltraheat(), RequestMessage.ANY, 19200, Duration.ofSeconds(2),
                Duration.ofSeconds(2), 512, 16 * 1024);
    }

    public ReadoutOptions withWakeUp(WakeUp w) {
        return new ReadoutOptions(w, request, maxBaudRate, replyTimeout, silenceTimeout, maxSkippedBytes, maxBlockBytes);
    }

    public ReadoutOptions withRequest(RequestMessage r) {
        return new ReadoutOptions(wakeUp, r, maxBaudRate, replyTimeout, silenceTimeout, maxSkippedBytes, maxBlockBytes);
    }

    public ReadoutOptions withMaxBaudRate(int rate) {
        return new ReadoutOptions(wakeUp, request, rate, replyTimeout, silenceTimeout, maxSkippedBytes, maxBlockBytes);
    }

    /** The same options with another wait for the identification (a sluggish head or a distant bridge). */
    public ReadoutOptions withReplyTimeout(Duration timeout) {
        return new ReadoutOptions(wakeUp, request, maxBaudRate, timeout, silenceTimeout, maxSkippedBytes, maxBlockBytes);
    }
}
