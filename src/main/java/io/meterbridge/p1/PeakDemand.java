package io.meterbridge.p1;

/**
 * One month of the Belgian e-MUCS peak history {@code 0-0:98.1.0} (capacity tariff).
 *
 * @param month    start of the month the peak belongs to
 * @param occurred when the 15-minute peak occurred
 * @param demand   the peak average demand, e.g. {@code 03.695 kW}
 */
public record PeakDemand(P1Timestamp month, P1Timestamp occurred, Quantity demand) {
}
