package io.meterbridge.camel.p1;

import io.meterbridge.p1.GeneralGlobalCipher;

/**
 * What a P1 or HAN port carries: DSMR text telegrams (and Luxembourg Smarty's encrypted ones), or
 * DLMS/COSEM data-notifications in IEC 62056-46 HDLC frames, as Kamstrup Omnipower, Aidon,
 * Kaifa and Landis+Gyr meters push on their HAN ports. {@link #AUTO} tells them apart by the
 * first sure sign in the stream.
 */
public enum P1Protocol {
    /** The first sure sign decides: a DSMR header, a Smarty frame, or an HDLC frame start. */
    AUTO,
    /** DSMR text (DSMR 2.2 to 5, e-MUCS, Nordic ESMR 5), or Smarty's encrypted frames. */
    DSMR,
    /** DLMS/COSEM push in HDLC frames (IEC 62056-46, 62056-6-2 A-XDR). */
    DLMS;

    /**
     * The protocol the bytes so far show, or {@link #AUTO} while they show none.
     *
     * <ul>
     * <li>DSMR: a header {@code /XXX} (a slash and three letters, the manufacturer's flag id,
     * IEC 62056-21 §6.3.14), also with bit 7 set as a 7E1 meter's bytes arrive on an 8N1 port;
     * or Smarty's general-glo-ciphering tag with its system title length (0xDB 0x08) outside an
     * HDLC frame.</li>
     * <li>DLMS: the HDLC flag 0x7E followed by a type 3 frame format byte (0xA0 to 0xA7,
     * IEC 62056-46 §6.4.2), which no DSMR text contains.</li>
     * </ul>
     */
    static P1Protocol recognise(byte[] b, int length) {
        for (int i = 0; i + 1 < length; i++) {
            int x = b[i] & 0xFF;
            int next = b[i + 1] & 0xFF;
            if (x == 0x7E && (next & 0xF8) == 0xA0) {
                return DLMS;
            }
            if (x == GeneralGlobalCipher.APDU_TAG && next == GeneralGlobalCipher.SYSTEM_TITLE_BYTES) {
                return DSMR;
            }
            if ((x & 0x7F) == '/' && i + 3 < length && letter(b[i + 1]) && letter(b[i + 2]) && letter(b[i + 3])) {
                return DSMR;
            }
        }
        return AUTO;
    }

    private static boolean letter(byte c) {
        int x = c & 0x7F;
        return x >= 'A' && x <= 'Z' || x >= 'a' && x <= 'z';
    }
}
