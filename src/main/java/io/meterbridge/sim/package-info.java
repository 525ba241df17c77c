/**
 * Simulators: an M-Bus slave bus (MULTICAL 303-like and 403-like meters, faults, collisions,
 * paced at the baud rate) and a P1 telegram source, served in-process, on a pseudo-terminal or
 * on a TCP port, for tests, for the demo default of the service, and for people. Also, pure so far
 * (bytes in, bytes out, with faults; not yet served on any transport): a KMP heat meter
 * ({@link io.meterbridge.sim.KmpMeter}) and a Landis+Gyr ULTRAHEAT behind its optical eye
 * (IEC 62056-21, {@link io.meterbridge.sim.UltraheatMeter}).
 */
package io.meterbridge.sim;
