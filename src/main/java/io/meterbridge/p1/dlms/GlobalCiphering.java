package io.meterbridge.p1.dlms;

import io.meterbridge.p1.GeneralGlobalCipher;
import io.meterbridge.p1.P1Cipher;
import io.meterbridge.p1.P1DecryptionException;
import java.util.Arrays;

/**
 * Opens a general-glo-ciphering APDU (IEC 62056-5-3 clause 9.3.14, tag {@code 0xDB}) that wraps
 * a HAN push, with the AES-GCM-128 meterbridge already uses for Luxembourg's Smarty
 * ({@link P1Cipher}, {@link GeneralGlobalCipher}): the layout, IV and AAD are the same; only the
 * plain text differs, a data-notification APDU instead of a DSMR telegram. A wrong key therefore
 * gives the same messages: which key is wrong, the frame counter, never the key.
 */
public final class GlobalCiphering {

    private GlobalCiphering() {
    }

    /**
     * Reads the APDU's fields.
     *
     * @param apdu   the APDU, tag {@code DB} first
     * @param offset its stream offset
     * @throws DlmsFormatException naming the field that is wrong and where
     */
    public static GeneralGlobalCipher read(byte[] apdu, long offset) throws DlmsFormatException {
        AxdrDecoder d = new AxdrDecoder(apdu, 0, offset);
        int tag = d.u8("an APDU tag");
        if (tag != GeneralGlobalCipher.APDU_TAG) {
            throw new DlmsFormatException(String.format("expected general-glo-ciphering tag DB, found %02X", tag),
                    offset);
        }
        int titleAt = d.position();
        int titleLength = d.u8("the system title length");
        if (titleLength != GeneralGlobalCipher.SYSTEM_TITLE_BYTES) {
            throw new DlmsFormatException("expected a system title of 8 bytes, found " + titleLength, offset + titleAt);
        }
        byte[] title = d.take(titleLength, "system title");
        int lengthAt = d.position();
        int length = d.length();
        if (length != apdu.length - d.position()) {
            throw new DlmsFormatException("length says " + length + " bytes follow, found "
                    + (apdu.length - d.position()), offset + lengthAt);
        }
        if (length < 1 + 4 + GeneralGlobalCipher.TAG_BYTES) {
            throw new DlmsFormatException("expected security control, invocation counter and a 12-byte tag, found "
                    + length + " bytes", offset + lengthAt);
        }
        int securityControl = d.u8("the security control byte");
        byte[] c = d.take(4, "invocation counter");
        long counter = ((c[0] & 0xFFL) << 24) | ((c[1] & 0xFF) << 16) | ((c[2] & 0xFF) << 8) | (c[3] & 0xFF);
        int textEnd = apdu.length - GeneralGlobalCipher.TAG_BYTES;
        byte[] cipherText = Arrays.copyOfRange(apdu, d.position(), textEnd);
        byte[] tagBytes = Arrays.copyOfRange(apdu, textEnd, apdu.length);
        return new GeneralGlobalCipher(offset, title, securityControl, counter, cipherText, tagBytes);
    }

    /**
     * Decrypts and authenticates, returning the plain APDU (a data-notification).
     *
     * @throws DlmsFormatException   when the APDU's fields are malformed
     * @throws P1DecryptionException when a key is wrong; the message says which, and the frame counter
     */
    public static byte[] open(byte[] apdu, long offset, P1Cipher cipher)
            throws DlmsFormatException, P1DecryptionException {
        return cipher.decrypt(read(apdu, offset), GlobalCiphering::isDataNotification,
                "DLMS data-notification", "a data-notification");
    }

    /** The right key gives a data-notification that decodes; random bytes practically never do. */
    static boolean isDataNotification(byte[] plain) {
        if (plain.length == 0 || (plain[0] & 0xFF) != DataNotification.TAG) {
            return false;
        }
        try {
            DataNotification.parse(plain, 0);
            return true;
        } catch (DlmsFormatException e) {
            return false;
        }
    }
}
