package io.meterbridge.camel.p1;

import io.meterbridge.p1.GeneralGlobalCipher;

/** What the bytes of a connection that gave no telegram looked like, to say what to check. */
final class P1StreamLook {
    private boolean apduTags;
    private boolean slashes;
    private boolean hdlc;

    void scan(byte[] bytes, int n) {
        for (int i = 0; i < n; i++) {
            apduTags |= (bytes[i] & 0xFF) == GeneralGlobalCipher.APDU_TAG && i + 1 < n
                    && bytes[i + 1] == GeneralGlobalCipher.SYSTEM_TITLE_BYTES;
            slashes |= bytes[i] == '/';
            hdlc |= (bytes[i] & 0xFF) == 0x7E && i + 1 < n && (bytes[i + 1] & 0xF8) == 0xA0;
        }
    }

    String hint(boolean decrypting) {
        if (hdlc) {
            return "the meter pushes DLMS/COSEM in HDLC frames (0x7E 0xA...), a HAN port: leave protocol at auto or set"
                    + " protocol=dlms (and dataBits=8)";
        }
        if (!decrypting && apduTags) {
            return "the meter sends encrypted telegrams (0xDB 0x08 ...): set decryptionKey to its P1 key"
                    + " (Luxembourg Smarty: from the grid operator)";
        }
        if (decrypting && apduTags) {
            return "encrypted telegrams arrive but none opens: check decryptionKey and authenticationKey (the"
                    + " lines above say which)";
        }
        if (decrypting && slashes) {
            return "decryptionKey is set but the telegrams look like plain text: remove decryptionKey";
        }
        return "check baudRate/dataBits/parity (DSMR 4/5: 115200 8N1; DSMR 2.2/3: baudRate=9600&dataBits=7"
                + "&parity=even)";
    }
}
