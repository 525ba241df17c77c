package io.meterbridge.p1;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-GCM-128 of DLMS security suite 0 as the Luxembourg Smarty meters use it on P1
 * (Luxmetering E-Meter P1 Specification, clause 3.2): the per-meter encryption key comes from the
 * grid operator; the additional authenticated data is the security control byte followed by an
 * authentication key that the specification fixes for every meter,
 * {@value #LUXMETERING_AUTHENTICATION_KEY} (clause 3.2.5). The tag is 12 bytes.
 *
 * <p>The JDK's own provider does the cryptography; this class only lays out IV and AAD. Without an
 * authentication key ({@code none}) the tag is not checked and the telegram's CRC is the only
 * integrity check, as ESPHome's DSMR component does for meters whose authentication key is
 * unknown.
 *
 * <p>Immutable and thread-safe (a new {@link Cipher} per call).
 */
public final class P1Cipher {

    /** The authentication key of every Smarty meter (public, fixed by clause 3.2.5). */
    public static final String LUXMETERING_AUTHENTICATION_KEY = "00112233445566778899AABBCCDDEEFF";
    /** Written instead of an authentication key to skip the tag check. */
    public static final String NO_AUTHENTICATION = "none";

    private static final int KEY_BYTES = 16;
    private static final int TAG_BITS = GeneralGlobalCipher.TAG_BYTES * 8;

    private final SecretKeySpec key;
    private final byte[] authenticationKey;

    private P1Cipher(byte[] encryptionKey, byte[] authenticationKey) {
        this.key = new SecretKeySpec(encryptionKey, "AES");
        this.authenticationKey = authenticationKey;
    }

    /**
     * A cipher from hex keys as grid operators hand them out.
     *
     * @param encryptionKey     32 hex digits
     * @param authenticationKey 32 hex digits, or {@code none} to skip the tag check
     * @throws IllegalArgumentException naming the key that is malformed and what was found (never its value)
     */
    public static P1Cipher of(String encryptionKey, String authenticationKey) {
        byte[] ak = authenticationKey.trim().equalsIgnoreCase(NO_AUTHENTICATION) ? null
                : parseKey("authenticationKey", authenticationKey);
        return new P1Cipher(parseKey("decryptionKey", encryptionKey), ak);
    }

    /** A Smarty cipher: {@code encryptionKey} with the fixed Luxmetering authentication key. */
    public static P1Cipher smarty(String encryptionKey) {
        return of(encryptionKey, LUXMETERING_AUTHENTICATION_KEY);
    }

    /** True when the tag is checked. */
    public boolean authenticates() {
        return authenticationKey != null;
    }

    /**
     * Parses a 16-byte key written as 32 hex digits (spaces, colons and dashes between them allowed).
     *
     * @throws IllegalArgumentException saying what was expected and what was found, without the key
     */
    public static byte[] parseKey(String name, String hex) {
        String digits = hex.replaceAll("[\\s:-]", "");
        if (digits.length() != KEY_BYTES * 2) {
            throw new IllegalArgumentException(name + " must be " + KEY_BYTES * 2 + " hex digits (a 16-byte AES key), found "
                    + digits.length() + " characters");
        }
        for (int i = 0; i < digits.length(); i++) {
            if (Character.digit(digits.charAt(i), 16) < 0) {
                throw new IllegalArgumentException(name + " must be " + KEY_BYTES * 2
                        + " hex digits, found a character that is not one at position " + (i + 1));
            }
        }
        return HexFormat.of().parseHex(digits.toLowerCase(Locale.ROOT));
    }

    /**
     * Decrypts and, with an authentication key, authenticates one APDU.
     *
     * @return the plain telegram bytes
     * @throws P1DecryptionException when the tag does not match or the security control byte is not
     *                               suite 0 with encryption and authentication; the message tells a
     *                               wrong decryption key from a wrong authentication key
     */
    public byte[] decrypt(GeneralGlobalCipher apdu) throws P1DecryptionException {
        return decrypt(apdu, P1Cipher::looksLikeTelegram, "P1 telegram", "a telegram");
    }

    /**
     * Decrypts and authenticates one APDU whose plain text is not a P1 telegram: a DLMS/COSEM
     * HAN push ({@code io.meterbridge.p1.dlms}) carries an APDU. {@code plausible} tells the right
     * key's plain text from random bytes, which is how the messages tell a wrong decryption key
     * from a wrong authentication key.
     *
     * @param plausible whether decrypted bytes are what this port carries
     * @param name      what they are, for messages ("P1 telegram")
     * @param article   the same with its article, for messages ("a telegram")
     */
    public byte[] decrypt(GeneralGlobalCipher apdu, Predicate<byte[]> plausible, String name, String article)
            throws P1DecryptionException {
        if (apdu.securityControl() != GeneralGlobalCipher.SECURITY_CONTROL_ENCRYPTED_AUTHENTICATED) {
            throw new P1DecryptionException(apdu, String.format("security control byte 0x%02X is not supported;"
                    + " expected 0x30 (suite 0, AES-GCM-128, encrypted and authenticated)", apdu.securityControl()));
        }
        if (authenticationKey == null) {
            byte[] plain = counterMode(apdu);
            if (!plausible.test(plain)) {
                throw new P1DecryptionException(apdu, "the decrypted bytes are no " + name + ": is decryptionKey the"
                        + " key of this meter?");
            }
            return plain;
        }
        try {
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, apdu.initialisationVector()));
            gcm.updateAAD(additionalData(apdu.securityControl()));
            // GCM decryption returns nothing before the tag has been checked, all of it after
            gcm.update(apdu.cipherText());
            return gcm.doFinal(apdu.tag());
        } catch (AEADBadTagException e) {
            // Decrypting without the tag tells the two possible causes apart: the right key gives text.
            if (plausible.test(counterMode(apdu))) {
                throw new P1DecryptionException(apdu, "the authentication tag does not match, but decryptionKey is"
                        + " right (the content is " + article + "): this meter uses another authentication key; set"
                        + " authenticationKey to it, or to none to rely on the telegram's CRC");
            }
            throw new P1DecryptionException(apdu, "the authentication tag does not match and the content does not"
                    + " decrypt to " + article + ": decryptionKey is not this meter's key (or the frame was damaged on the"
                    + " line)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM: " + e.getMessage(), e);
        }
    }

    /**
     * Encrypts a telegram as a meter does: what the simulator sends, and a check of this class
     * against other implementations' published frames. Without an authentication key the tag is
     * computed over the cipher text alone.
     */
    public GeneralGlobalCipher encrypt(byte[] systemTitle, long invocationCounter, byte[] plainText) {
        int sc = GeneralGlobalCipher.SECURITY_CONTROL_ENCRYPTED_AUTHENTICATED;
        byte[] iv = GeneralGlobalCipher.initialisationVector(systemTitle, invocationCounter);
        try {
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            if (authenticationKey != null) {
                gcm.updateAAD(additionalData(sc));
            }
            byte[] out = gcm.doFinal(plainText);
            int n = out.length - GeneralGlobalCipher.TAG_BYTES;
            return new GeneralGlobalCipher(0, systemTitle.clone(), sc, invocationCounter, Arrays.copyOf(out, n),
                    Arrays.copyOfRange(out, n, out.length));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM: " + e.getMessage(), e);
        }
    }

    private byte[] additionalData(int securityControl) {
        byte[] aad = new byte[1 + authenticationKey.length];
        aad[0] = (byte) securityControl;
        System.arraycopy(authenticationKey, 0, aad, 1, authenticationKey.length);
        return aad;
    }

    /**
     * GCM's keystream without its tag: AES-CTR from the IV with a block counter of 2 (NIST SP
     * 800-38D, clause 7.2: counter block 1 is reserved for the tag).
     */
    private byte[] counterMode(GeneralGlobalCipher apdu) {
        byte[] counter = ByteBuffer.allocate(16).put(apdu.initialisationVector()).putInt(2).array();
        try {
            Cipher ctr = Cipher.getInstance("AES/CTR/NoPadding");
            ctr.init(Cipher.DECRYPT_MODE, key, new IvParameterSpec(counter));
            return ctr.doFinal(apdu.cipherText());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CTR is not available in this JVM: " + e.getMessage(), e);
        }
    }

    /** A P1 telegram is printable ASCII with CR LF, starting with '/': random bytes never are. */
    private static boolean looksLikeTelegram(byte[] plain) {
        if (plain.length == 0 || plain[0] != '/') {
            return false;
        }
        for (byte b : plain) {
            if ((b < 0x20 || b > 0x7E) && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "P1Cipher[AES-GCM-128, " + (authenticationKey == null ? "tag not checked" : "tag checked") + "]";
    }
}
