/**
 * EN 13757-3 application layer: the data of an M-Bus telegram as pure functions on bytes.
 *
 * <p>Headers (CI field, identification, manufacturer, version, medium, access number, status),
 * data records (DIF/DIFE/VIF/VIFE tables, data types A–M, LVAR), units and exponents. No I/O,
 * no clocks, no state (the only memory is a lock-free cache of what each VIB means, a pure
 * function of its bytes): everything here is table-driven and takes a byte array and offsets, so
 * that the link layer, the simulator, the command line and the benchmarks share one decoder.
 * This package imports nothing else of meterbridge.
 */
package io.meterbridge.telegram;
