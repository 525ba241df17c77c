package io.meterbridge.link;

import java.time.Duration;
import java.util.Objects;

/**
 * How to reach one meter through its optical eye and how patient to be with it.
 *
 * @param port the IR head: a serial device ({@code /dev/ttyUSB0}, {@code /dev/serial/by-id/…}), a
 *     TCP port of an ESP or ser2net bridge ({@code tcp:host:port}; the bridge sets the framing), or
 *     the in-process simulators {@code sim:kmp} and {@code sim:iec62056}
 * @param replyTimeout the longest wait for the first byte of an answer, once the request has left
 *     the line (KMP meters answer within a few hundred ms; an IEC 62056-21 meter within 1.5 s)
 * @param retries repetitions of a request after no answer or a corrupt one; every try costs the
 *     meter's battery, so the default is 1
 * @param adapterLatency added to every wait, for buffering in USB heads, ESP bridges and ser2net
 * @param connectTimeout TCP connect timeout
 */
public record OpticalSettings(String port, Duration replyTimeout, int retries, Duration adapterLatency,
        Duration connectTimeout) {

    public static final Duration DEFAULT_REPLY_TIMEOUT = Duration.ofSeconds(2);
    public static final int DEFAULT_RETRIES = 1;

    public OpticalSettings {
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(replyTimeout, "replyTimeout");
        Objects.requireNonNull(adapterLatency, "adapterLatency");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        if (port.isBlank()) {
            throw new IllegalArgumentException("expected the IR head's port (device path, tcp:host:port or sim:kmp), found nothing");
        }
        if (replyTimeout.isNegative() || replyTimeout.isZero() || replyTimeout.compareTo(Duration.ofSeconds(30)) > 0) {
            throw new IllegalArgumentException("expected a reply timeout of 1 ms to 30 s, found " + replyTimeout.toMillis() + " ms");
        }
        if (retries < 0 || retries > 5) {
            throw new IllegalArgumentException("expected 0 to 5 retries, found " + retries);
        }
        if (adapterLatency.isNegative()) {
            throw new IllegalArgumentException("adapter latency must not be negative, found " + adapterLatency.toMillis() + " ms");
        }
    }

    /** Defaults: 2 s reply timeout, 1 retry, 50 ms adapter latency (none for the simulator), 5 s connect timeout. */
    public static OpticalSettings of(String port) {
        return new OpticalSettings(port, DEFAULT_REPLY_TIMEOUT, DEFAULT_RETRIES,
                Duration.ofMillis(BusSettings.isSimulator(port) ? 0 : 50), Duration.ofSeconds(5));
    }

    public OpticalSettings withReplyTimeout(Duration d) {
        return new OpticalSettings(port, d, retries, adapterLatency, connectTimeout);
    }

    public OpticalSettings withRetries(int r) {
        return new OpticalSettings(port, replyTimeout, r, adapterLatency, connectTimeout);
    }

    public OpticalSettings withAdapterLatency(Duration d) {
        return new OpticalSettings(port, replyTimeout, retries, d, connectTimeout);
    }

    /** A closed transport for the head, opened at {@code framing} (the transports are the M-Bus ones). */
    public Transport transport(Framing framing) throws PortUnavailableException {
        return Transports.create(BusSettings.of(port).withBaud(Math.min(framing.baud(), 38400))
                .withParity(framing.parity()).withConnectTimeout(connectTimeout));
    }
}
