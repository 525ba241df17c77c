package io.meterbridge.p1.dlms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meterbridge.p1.GeneralGlobalCipher;
import io.meterbridge.p1.P1Cipher;
import io.meterbridge.p1.P1DecryptionException;
import io.meterbridge.p1.P1Telegram;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * general-glo-ciphering around a HAN push. No encrypted push with its key published for suite 0
 * with authentication was found, so the published Kamstrup push (see {@link HanFrames}) is
 * encrypted here as a meter does, with {@link P1Cipher#encrypt}, which {@code P1CipherTest} checks
 * against published Smarty frames; the keys below are made up for this test.
 */
class GlobalCipheringTest {

    private static final String KEY = "000102030405060708090A0B0C0D0E0F";
    private static final String AUTHENTICATION_KEY = "D0D1D2D3D4D5D6D7D8D9DADBDCDDDEDF";
    private static final byte[] TITLE = "KAM\u0001\u0002\u0003\u0004\u0005".getBytes(StandardCharsets.ISO_8859_1);

    private static byte[] kamstrupApdu() {
        byte[] f = HanFrames.KAMSTRUP_THREE_PHASE;
        return Arrays.copyOfRange(f, 11, f.length - 3);
    }

    private static byte[] encrypted() {
        return P1Cipher.of(KEY, AUTHENTICATION_KEY).encrypt(TITLE, 4711, kamstrupApdu()).encode();
    }

    @Test
    void theRightKeysGiveTheKamstrupValues() throws Exception {
        byte[] plain = GlobalCiphering.open(encrypted(), 0, P1Cipher.of(KEY, AUTHENTICATION_KEY));
        assertArrayEquals(kamstrupApdu(), plain);
        P1Telegram t = PushList.toTelegram(DataNotification.parse(plain, 0));
        assertEquals(0, new BigDecimal("826").compareTo(t.powerImport().orElseThrow().value()));
    }

    @Test
    void theFieldsAreRead() throws DlmsFormatException {
        GeneralGlobalCipher g = GlobalCiphering.read(encrypted(), 77);
        assertEquals(4711, g.invocationCounter());
        assertEquals(0x30, g.securityControl());
        assertEquals(77, g.offset());
        assertEquals(kamstrupApdu().length, g.cipherText().length);
    }

    @Test
    void aWrongEncryptionKeyIsNamedWithTheFrameCounterAndWithoutTheKey() {
        String wrong = "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF";
        P1DecryptionException e = assertThrows(P1DecryptionException.class,
                () -> GlobalCiphering.open(encrypted(), 5, P1Cipher.of(wrong, AUTHENTICATION_KEY)));
        assertEquals(4711, e.invocationCounter());
        assertTrue(e.getMessage().contains("invocation counter 4711"), e.getMessage());
        assertTrue(e.getMessage().contains("does not decrypt to a data-notification: decryptionKey is not this"
                + " meter's key"), e.getMessage());
        assertFalse(e.getMessage().contains(wrong) || e.getMessage().contains(AUTHENTICATION_KEY), e.getMessage());
    }

    @Test
    void aWrongAuthenticationKeyIsToldApartFromAWrongEncryptionKey() {
        P1DecryptionException e = assertThrows(P1DecryptionException.class,
                () -> GlobalCiphering.open(encrypted(), 0, P1Cipher.of(KEY, "00112233445566778899AABBCCDDEEFF")));
        assertTrue(e.getMessage().contains("decryptionKey is right (the content is a data-notification): this meter"
                + " uses another authentication key"), e.getMessage());
    }

    @Test
    void aLengthThatDisagreesWithTheApduSaysWhere() {
        byte[] cut = Arrays.copyOf(encrypted(), 100);
        DlmsFormatException e = assertThrows(DlmsFormatException.class, () -> GlobalCiphering.read(cut, 0));
        // DB, 08, 8 bytes of system title, then the length 81 E7 (231) at offset 10; 88 bytes follow it
        assertEquals("byte offset 10: length 231 exceeds the 88 bytes left", e.getMessage());
    }
}
