package io.meterbridge.p1;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * One encrypted telegram as a Luxembourg Smarty meter sends it on P1: a DLMS/COSEM
 * general-glo-ciphering APDU (IEC 62056-5-3, tag {@code 0xDB}) whose plain text is an ordinary
 * P1 telegram, {@code /} through {@code !} and CRC (Luxmetering E-Meter P1 Specification, clause
 * 3.2). On the wire:
 *
 * <pre>
 * DB | 08 | system title (8) | length | security control | invocation counter (4) | cipher text | tag (12)
 * </pre>
 *
 * where the length (BER: one byte below 0x80, or 0x81 n, or 0x82 hi lo) counts everything after
 * it. The system title (three letters of manufacturer then a serial number) and the invocation
 * counter make the 12-byte GCM initialisation vector; the counter goes up by one per telegram.
 *
 * @param offset            stream offset of the {@code 0xDB} tag
 * @param systemTitle       the 8-byte system title (not copied; treat as read-only)
 * @param securityControl   the security control byte: 0x30 = suite 0 (AES-GCM-128), encrypted and
 *                          authenticated
 * @param invocationCounter the frame counter, 0 to 2<sup>32</sup>-1
 * @param cipherText        the encrypted telegram (not copied; treat as read-only)
 * @param tag               the 12-byte GCM authentication tag (not copied; treat as read-only)
 */
public record GeneralGlobalCipher(long offset, byte[] systemTitle, int securityControl, long invocationCounter,
        byte[] cipherText, byte[] tag) implements P1FramerEvent {

    /** The APDU tag of general-glo-ciphering. */
    public static final int APDU_TAG = 0xDB;
    /** Length of the system title. */
    public static final int SYSTEM_TITLE_BYTES = 8;
    /** Length of the authentication tag a Smarty meter sends (GCM tags may be shorter than 16 bytes). */
    public static final int TAG_BYTES = 12;
    /** Security suite 0, authenticated and encrypted: the only one the Smarty specification uses. */
    public static final int SECURITY_CONTROL_ENCRYPTED_AUTHENTICATED = 0x30;
    /** Bytes after the length field that are not cipher text: security control, counter, tag. */
    static final int OVERHEAD_BYTES = 1 + 4 + TAG_BYTES;

    public GeneralGlobalCipher {
        if (systemTitle.length != SYSTEM_TITLE_BYTES) {
            throw new IllegalArgumentException("system title must be " + SYSTEM_TITLE_BYTES + " bytes, found "
                    + systemTitle.length);
        }
        if (tag.length != TAG_BYTES) {
            throw new IllegalArgumentException("tag must be " + TAG_BYTES + " bytes, found " + tag.length);
        }
        if (invocationCounter < 0 || invocationCounter > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("invocation counter must fit 4 bytes, found " + invocationCounter);
        }
    }

    /** The GCM initialisation vector: system title then invocation counter, 12 bytes. */
    public byte[] initialisationVector() {
        return initialisationVector(systemTitle, invocationCounter);
    }

    /** The GCM initialisation vector of a frame with this system title and invocation counter. */
    static byte[] initialisationVector(byte[] systemTitle, long invocationCounter) {
        return ByteBuffer.allocate(SYSTEM_TITLE_BYTES + 4).put(systemTitle).putInt((int) invocationCounter).array();
    }

    /** The system title for messages: its manufacturer letters when printable, then hex. */
    public String describeSystemTitle() {
        String hex = HexFormat.of().withUpperCase().formatHex(systemTitle);
        boolean letters = systemTitle[0] >= 'A' && systemTitle[0] <= 'Z' && systemTitle[1] >= 'A'
                && systemTitle[1] <= 'Z' && systemTitle[2] >= 'A' && systemTitle[2] <= 'Z';
        return letters ? new String(systemTitle, 0, 3, StandardCharsets.US_ASCII) + " " + hex : hex;
    }

    /** Length on the wire, tag {@code 0xDB} to the last tag byte. */
    private int wireLength() {
        int content = OVERHEAD_BYTES + cipherText.length;
        return 2 + SYSTEM_TITLE_BYTES + lengthFieldBytes(content) + content;
    }

    /** The APDU as sent on the wire; the length field in its shortest form, as the meters send it. */
    public byte[] encode() {
        int content = OVERHEAD_BYTES + cipherText.length;
        ByteBuffer b = ByteBuffer.allocate(wireLength());
        b.put((byte) APDU_TAG).put((byte) SYSTEM_TITLE_BYTES).put(systemTitle);
        if (content < 0x80) {
            b.put((byte) content);
        } else if (content <= 0xFF) {
            b.put((byte) 0x81).put((byte) content);
        } else {
            b.put((byte) 0x82).putShort((short) content);
        }
        b.put((byte) securityControl).putInt((int) invocationCounter).put(cipherText).put(tag);
        return b.array();
    }

    private static int lengthFieldBytes(int content) {
        return content < 0x80 ? 1 : content <= 0xFF ? 2 : 3;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GeneralGlobalCipher g && offset == g.offset && securityControl == g.securityControl
                && invocationCounter == g.invocationCounter && Arrays.equals(systemTitle, g.systemTitle)
                && Arrays.equals(cipherText, g.cipherText) && Arrays.equals(tag, g.tag);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(offset) * 31 + Arrays.hashCode(cipherText);
    }

    @Override
    public String toString() {
        return "GeneralGlobalCipher[system title " + describeSystemTitle() + ", invocation counter " + invocationCounter
                + ", " + cipherText.length + " bytes cipher text at offset " + offset + "]";
    }
}
