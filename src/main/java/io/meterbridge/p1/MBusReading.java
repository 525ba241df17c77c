package io.meterbridge.p1;

/**
 * A value an M-Bus device (gas, water, heat meter) reported to the electricity meter, with the time
 * it was captured (gas meters report every 5 minutes in DSMR 5, hourly before).
 *
 * @param capturedAt the capture time the meter wrote
 * @param value      the reading, e.g. {@code 00981.443 m3}
 * @param source     the line it came from: {@code 0-n:24.2.1}, {@code 0-n:24.2.3} or {@code 0-n:24.3.0}
 */
public record MBusReading(P1Timestamp capturedAt, Quantity value, ObisCode source) {
}
