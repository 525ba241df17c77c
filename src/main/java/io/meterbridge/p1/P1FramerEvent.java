package io.meterbridge.p1;

/**
 * What a {@link TelegramFramer} found in the byte stream: a complete telegram ({@link P1Frame}), a
 * telegram whose checksum does not match ({@link CrcMismatch}, dropped and counted), or bytes that
 * were no telegram ({@link Dropped}: noise, a truncated or oversized telegram, a malformed end). On
 * an encrypted port also an encrypted telegram that did not open ({@link Undecryptable}, dropped
 * and counted); the {@link GeneralGlobalCipher} APDUs themselves are opened inside
 * {@link EncryptedP1Framer} and never reach its caller.
 */
public sealed interface P1FramerEvent permits P1Frame, CrcMismatch, Dropped, GeneralGlobalCipher, Undecryptable {

    /** Byte offset in the stream of the event's first byte (0 = first byte ever fed). */
    long offset();
}
