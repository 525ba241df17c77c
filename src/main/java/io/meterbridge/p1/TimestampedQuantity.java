package io.meterbridge.p1;

/**
 * A value with the time it refers to, e.g. the e-MUCS maximum demand of the month {@code 1-0:1.6.0}.
 *
 * @param at    the time the meter wrote
 * @param value the value
 */
public record TimestampedQuantity(P1Timestamp at, Quantity value) {
}
