package io.meterbridge.p1;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * AES-GCM of the Luxembourg Smarty P1 port, checked against frames another implementation
 * published: athombv/node-dsmr-parser encrypted the Luxmetering specification's example telegram
 * with Node's crypto (see src/test/resources/p1/ATTRIBUTION.md for the keys and the source).
 */
class P1CipherTest {

    /** Node's {@code Buffer.from('0123456789abcdef01234567890abcdef', 'hex')} stops at the odd 33rd digit. */
    static final String KEY = "0123456789abcdef01234567890abcde";
    static final String AAD_KEY = "ffeeddccbbaa99887766554433221100";
    static final byte[] SYSTEM_TITLE = "systitle".getBytes(StandardCharsets.US_ASCII);
    static final long COUNTER = 0x11223344L;

    static byte[] published(String name) {
        return HexFormat.of().parseHex(Telegrams.text("encrypted/" + name).replaceAll("\\s", ""));
    }

    static GeneralGlobalCipher apdu(String name) {
        byte[] wire = published(name);
        EncryptedFramerHarness h = new EncryptedFramerHarness();
        List<GeneralGlobalCipher> found = h.apdus(wire);
        assertEquals(1, found.size(), h.events.toString());
        return found.get(0);
    }

    @Test
    void decryptsThePublishedFrameAndItsTagVerifiesWithTheAdditionalData() throws Exception {
        GeneralGlobalCipher apdu = apdu("luxembourg-spec-example-with-aad.hex");
        assertEquals("7379737469746C65", HexFormat.of().withUpperCase().formatHex(apdu.systemTitle()));
        assertEquals(COUNTER, apdu.invocationCounter());
        assertEquals(0x30, apdu.securityControl());
        assertEquals(0x05DE - 17, apdu.cipherText().length);

        String plain = new String(P1Cipher.of(KEY, AAD_KEY).decrypt(apdu), StandardCharsets.US_ASCII);
        assertTrue(plain.startsWith("/Lux5\\253694471_M\r\n1-3:0.2.8(42)\r\n0-0:1.0.0(200706104157S)\r\n"), plain);
        assertTrue(plain.contains("\r\n1-0:1.8.0(000025.653*kWh)\r\n"), plain);
        assertTrue(plain.endsWith("\r\n0-4:24.4.0(1)\r\n!8B52"), plain);
    }

    @Test
    void encryptsByteForByteAsTheOtherImplementation() throws Exception {
        byte[] plain = P1Cipher.of(KEY, AAD_KEY).decrypt(apdu("luxembourg-spec-example-with-aad.hex"));
        assertArrayEquals(published("luxembourg-spec-example-with-aad.hex"),
                P1Cipher.of(KEY, AAD_KEY).encrypt(SYSTEM_TITLE, COUNTER, plain).encode());
        assertArrayEquals(published("luxembourg-spec-example-without-aad.hex"),
                P1Cipher.of(KEY, "none").encrypt(SYSTEM_TITLE, COUNTER, plain).encode());
    }

    @Test
    void withoutAnAuthenticationKeyTheTagIsNotCheckedButTheContentIs() throws Exception {
        P1Cipher unchecked = P1Cipher.of(KEY, "NONE");
        assertFalse(unchecked.authenticates());
        byte[] a = unchecked.decrypt(apdu("luxembourg-spec-example-with-aad.hex"));
        byte[] b = unchecked.decrypt(apdu("luxembourg-spec-example-without-aad.hex"));
        assertArrayEquals(a, b);
        P1DecryptionException e = assertThrows(P1DecryptionException.class,
                () -> P1Cipher.of("000102030405060708090a0b0c0d0e0f", "none")
                        .decrypt(apdu("luxembourg-spec-example-with-aad.hex")));
        assertTrue(e.getMessage().contains("no P1 telegram"), e.getMessage());
    }

    @Test
    void aWrongAuthenticationKeyIsToldApartFromAWrongKey() {
        GeneralGlobalCipher apdu = apdu("luxembourg-spec-example-with-aad.hex");
        P1DecryptionException wrongAk = assertThrows(P1DecryptionException.class, () -> P1Cipher.smarty(KEY).decrypt(apdu));
        assertTrue(wrongAk.getMessage().startsWith("encrypted P1 telegram at byte offset 0 (system title 73797374"
                + "69746C65, invocation counter 287454020): the authentication tag does not match, but decryptionKey is"
                + " right"), wrongAk.getMessage());
        assertEquals(COUNTER, wrongAk.invocationCounter());

        P1DecryptionException wrongKey = assertThrows(P1DecryptionException.class,
                () -> P1Cipher.of("0123456789abcdef01234567890abcdf", AAD_KEY).decrypt(apdu));
        assertTrue(wrongKey.getMessage().contains("decryptionKey is not this meter's key"), wrongKey.getMessage());
        assertFalse(wrongKey.getMessage().toLowerCase().contains(KEY), "a key never appears in a message");
    }

    @Test
    void aDamagedCipherTextFailsTheTag() {
        GeneralGlobalCipher apdu = apdu("luxembourg-spec-example-with-aad.hex");
        byte[] damaged = apdu.cipherText().clone();
        damaged[100] ^= 0x01;
        GeneralGlobalCipher hit = new GeneralGlobalCipher(0, apdu.systemTitle(), 0x30, apdu.invocationCounter(),
                damaged, apdu.tag());
        P1DecryptionException e = assertThrows(P1DecryptionException.class, () -> P1Cipher.of(KEY, AAD_KEY).decrypt(hit));
        assertTrue(e.getMessage().contains("authentication tag does not match"), e.getMessage());
    }

    @Test
    void otherSecuritySuitesAreRefusedByName() {
        GeneralGlobalCipher apdu = apdu("luxembourg-spec-example-with-aad.hex");
        GeneralGlobalCipher authOnly = new GeneralGlobalCipher(0, apdu.systemTitle(), 0x10, 1, apdu.cipherText(), apdu.tag());
        P1DecryptionException e = assertThrows(P1DecryptionException.class, () -> P1Cipher.smarty(KEY).decrypt(authOnly));
        assertTrue(e.getMessage().endsWith("security control byte 0x10 is not supported; expected 0x30 (suite 0,"
                + " AES-GCM-128, encrypted and authenticated)"), e.getMessage());
    }

    @Test
    void malformedKeysAreNamedWithoutTheirValue() {
        IllegalArgumentException shortKey = assertThrows(IllegalArgumentException.class, () -> P1Cipher.smarty("abcd"));
        assertEquals("decryptionKey must be 32 hex digits (a 16-byte AES key), found 4 characters", shortKey.getMessage());
        IllegalArgumentException notHex = assertThrows(IllegalArgumentException.class,
                () -> P1Cipher.of(KEY, "ffeeddccbbaa99887766554433221g00"));
        assertEquals("authenticationKey must be 32 hex digits, found a character that is not one at position 30",
                notHex.getMessage());
        // as operators print them: groups of digits
        assertTrue(P1Cipher.smarty("01234567 89ABCDEF 01234567 890ABCDE").authenticates());
    }

    @Test
    void theRestoredSpecificationExampleRoundTripsThroughASmartyFrame() throws Exception {
        String published = new String(P1Cipher.of(KEY, AAD_KEY).decrypt(apdu("luxembourg-spec-example-with-aad.hex")),
                StandardCharsets.US_ASCII);
        // the empty line after the header, lost in that copy, restores the specification's CRC
        String telegram = published.replaceFirst("\r\n", "\r\n\r\n") + "\r\n";
        P1Cipher smarty = P1Cipher.smarty(KEY);
        byte[] wire = smarty.encrypt(SYSTEM_TITLE, 7, telegram.getBytes(StandardCharsets.US_ASCII)).encode();

        List<P1FramerEvent> events = new EncryptedP1Framer(smarty, P1Framer.DEFAULT_MAX_TELEGRAM_BYTES).feed(wire);
        assertEquals(1, events.size(), events.toString());
        P1Frame frame = assertInstanceOf(P1Frame.class, events.get(0));
        assertEquals(0x8B52, frame.crc().getAsInt());
        P1Telegram t = P1Parser.parse(frame);
        assertEquals(P1Version.LUXEMBOURG_SMARTY, t.version());
        assertEquals("SAG1030790002574", t.equipmentId().orElseThrow());
        assertEquals(new Quantity(new java.math.BigDecimal("25.653"), "kWh"), t.energyImportTotal().orElseThrow());
        assertEquals(4, t.mbusChannels().size());
    }

    @Test
    void thePublishedFrameIsFramedThenDroppedForItsCrcAsItLostALine() {
        // Its plain text lacks the specification's empty line after the header, so the CRC 8B52
        // it carries does not match: decrypted correctly, and still never published.
        List<P1FramerEvent> events = new EncryptedP1Framer(P1Cipher.of(KEY, AAD_KEY), 4096)
                .feed(published("luxembourg-spec-example-with-aad.hex"));
        CrcMismatch m = assertInstanceOf(CrcMismatch.class, events.get(0));
        assertEquals(0x8B52, m.found());
        assertEquals(0x6DA1, m.expected());
        assertEquals(0, m.offset());
    }
}
