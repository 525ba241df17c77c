/**
 * IEC 62056-21 (formerly IEC 61107, EN 62056-21) direct local data exchange, the protocol of the
 * optical eye of electricity and heat meters, as pure functions on bytes: the readout sequence as a
 * state machine the transport drives ({@link io.meterbridge.iec62056.ReadoutSession}: wake-up,
 * request, identification, acknowledgement/option select, speed change, data block), the messages
 * themselves, the data block parser with its BCC, and what the data sets of a Landis+Gyr
 * ULTRAHEAT UH50/T550 mean ({@link io.meterbridge.iec62056.LandisGyrUltraheat}).
 *
 * <p>No I/O, no clocks, no serial port: the Camel component and the serial transport carry out the
 * {@link io.meterbridge.iec62056.Step}s. This package imports nothing else of meterbridge. Its
 * sources, and what each fact rests on, are listed in {@code src/test/resources/iec62056/README.md}.
 */
package io.meterbridge.iec62056;
