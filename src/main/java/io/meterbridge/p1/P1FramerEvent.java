package io.meterbridge.p1;

/**
 * What the {@link P1Framer} found in the byte stream: a complete telegram ({@link P1Frame}), a
 * telegram whose checksum does not match ({@link CrcMismatch}, dropped and counted), or bytes that
 * were no telegram ({@link Dropped}: noise, a truncated or oversized telegram, a malformed end).
 */
public sealed interface P1FramerEvent permits P1Frame, CrcMismatch, Dropped {

    /** Byte offset in the stream of the event's first byte (0 = first byte ever fed). */
    long offset();
}
