package io.meterbridge.link;

/**
 * Counters of one bus since it was opened: what went over the wire and what went wrong.
 *
 * @param requests frames sent (retries included)
 * @param frames valid frames received
 * @param bytesSent bytes written
 * @param bytesReceived bytes read, noise included
 * @param noiseBytes bytes skipped before a start byte, and echoes of our own frames
 * @param timeouts requests that got no answer in time
 * @param checksumErrors answers with a wrong checksum
 * @param frameErrors answers with a wrong length, start or stop byte, or truncated
 * @param collisions garbled answers from several slaves at once
 * @param retries requests repeated after a missing or corrupt answer
 * @param reopens times the port was opened again after it was lost
 */
public record BusStatistics(long requests, long frames, long bytesSent, long bytesReceived, long noiseBytes,
        long timeouts, long checksumErrors, long frameErrors, long collisions, long retries, long reopens) {

    /** Counters accumulated since {@code earlier} was taken. */
    public BusStatistics minus(BusStatistics earlier) {
        return new BusStatistics(requests - earlier.requests, frames - earlier.frames, bytesSent - earlier.bytesSent,
                bytesReceived - earlier.bytesReceived, noiseBytes - earlier.noiseBytes, timeouts - earlier.timeouts,
                checksumErrors - earlier.checksumErrors, frameErrors - earlier.frameErrors,
                collisions - earlier.collisions, retries - earlier.retries, reopens - earlier.reopens);
    }
}
