/**
 * P1 port (DSMR / ESMR) telegrams of smart electricity meters: framing from a byte stream,
 * CRC-16 check and OBIS line parsing. Pure functions on bytes and text; the only I/O is
 * {@code P1Framer.readAll}, which reads an {@code InputStream} it is given.
 */
package io.meterbridge.p1;
