/**
 * P1 port (DSMR / ESMR) telegrams of smart electricity meters: framing from a byte stream,
 * CRC-16 check and OBIS line parsing. Pure functions on text, no I/O.
 */
package io.meterbridge.p1;
