package io.meterbridge.p1;

/**
 * An encrypted telegram that was framed but could not be decrypted or held no telegram. It is
 * dropped (never parsed or published) and counted.
 *
 * @param offset            stream offset of the APDU's {@code 0xDB}
 * @param invocationCounter the APDU's frame counter
 * @param detail            what was expected and what was found (from {@link P1DecryptionException})
 */
public record Undecryptable(long offset, long invocationCounter, String detail) implements P1FramerEvent {

    @Override
    public String toString() {
        return detail;
    }
}
