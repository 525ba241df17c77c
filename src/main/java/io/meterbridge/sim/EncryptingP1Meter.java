package io.meterbridge.sim;

import io.meterbridge.p1.GeneralGlobalCipher;
import io.meterbridge.p1.P1Cipher;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;

/**
 * A P1 meter that encrypts its telegrams as Luxembourg's Smarty meters do: each telegram of a
 * {@link P1Simulator} becomes one general-glo-ciphering APDU ({@link GeneralGlobalCipher}) under
 * the meter's keys, with the invocation counter going up by one per telegram.
 *
 * <p>Faults strike the bytes on the wire, as they would on a real line: {@link P1Fault#BAD_CRC}
 * alters one byte of cipher text (the authentication tag no longer matches; without a tag check,
 * the telegram's CRC catches it), {@link P1Fault#TRUNCATED} cuts the APDU short, and
 * {@link P1Fault#NOISE} puts random bytes without {@code 0xDB} before it.
 */
public final class EncryptingP1Meter {

    private final P1Simulator meter;
    private final P1Cipher cipher;
    private final byte[] systemTitle;
    private final Random random;
    private long invocationCounter;

    /**
     * @param meter  the meter whose telegrams are encrypted
     * @param cipher the meter's keys
     * @param seed   seed of the first invocation counter and of the faults
     */
    public EncryptingP1Meter(P1Simulator meter, P1Cipher cipher, long seed) {
        this.meter = meter;
        this.cipher = cipher;
        this.random = new Random(seed);
        // "SAG" (Sagemcom, the Smarty meters' maker) and five bytes of serial number
        this.systemTitle = Arrays.copyOf("SAG".getBytes(StandardCharsets.US_ASCII), GeneralGlobalCipher.SYSTEM_TITLE_BYTES);
        for (int i = 3; i < systemTitle.length; i++) {
            systemTitle[i] = (byte) random.nextInt(256);
        }
        this.invocationCounter = random.nextInt(1 << 20);
    }

    /** The system title the meter sends. */
    public byte[] systemTitle() {
        return systemTitle.clone();
    }

    /** Advances the meter by {@code step} and returns its next APDU as sent, with {@code fault} applied. */
    public byte[] next(Duration step, P1Fault fault) {
        byte[] plain = meter.next(step);
        GeneralGlobalCipher encrypted = cipher.encrypt(systemTitle, invocationCounter++, plain);
        byte[] apdu = encrypted.encode();
        return switch (fault) {
            case NONE -> apdu;
            case BAD_CRC -> {
                // a cipher text byte: the tag (or, without a tag check, the CRC) catches it
                int start = apdu.length - GeneralGlobalCipher.TAG_BYTES - encrypted.cipherText().length;
                int at = start + random.nextInt(encrypted.cipherText().length);
                apdu[at] ^= (byte) (1 << random.nextInt(8));
                yield apdu;
            }
            case TRUNCATED -> Arrays.copyOf(apdu, 1 + random.nextInt(apdu.length - 1));
            case NOISE -> P1Simulator.withNoiseBefore(apdu, random, GeneralGlobalCipher.APDU_TAG);
        };
    }
}
