package io.meterbridge.p1;

/**
 * An encrypted telegram that could not be decrypted: the authentication tag did not match, or the
 * decrypted bytes are no telegram. The message says which and what to check (the key, the
 * authentication key), never the keys themselves.
 */
public final class P1DecryptionException extends Exception {

    private final long offset;
    private final long invocationCounter;

    public P1DecryptionException(GeneralGlobalCipher apdu, String problem) {
        super("encrypted P1 telegram at byte offset " + apdu.offset() + " (system title " + apdu.describeSystemTitle()
                + ", invocation counter " + apdu.invocationCounter() + "): " + problem);
        this.offset = apdu.offset();
        this.invocationCounter = apdu.invocationCounter();
    }

    /** Stream offset of the APDU's {@code 0xDB}. */
    public long offset() {
        return offset;
    }

    /** The APDU's invocation (frame) counter. */
    public long invocationCounter() {
        return invocationCounter;
    }
}
