package io.meterbridge.p1.dlms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meterbridge.p1.P1Cipher;
import io.meterbridge.p1.Phase;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A HAN stream of the published frames, plain and encrypted, through one decoder. */
class HanDecoderTest {

    private static final String KEY = "000102030405060708090A0B0C0D0E0F";
    private static final String AUTHENTICATION_KEY = "D0D1D2D3D4D5D6D7D8D9DADBDCDDDEDF";

    private static BigDecimal power(HanDecoder.Result r) {
        return ((HanDecoder.Decoded) r).telegram().powerImport().orElseThrow().value();
    }

    @Test
    void kamstrupAidonAndKaifaFramesWithNoiseGiveThreeTelegrams() {
        byte[] stream = HdlcFramerTest.concat(new byte[] {0x00, 0x01}, HanFrames.KAMSTRUP_THREE_PHASE,
                HanFrames.AIDON_LIST_1, new byte[] {0x55}, HanFrames.KAIFA_LIST_1_HDLC);
        HanDecoder decoder = new HanDecoder(Optional.empty());
        List<HanDecoder.Result> results = decoder.feed(stream, 0, stream.length);
        List<HanDecoder.Result> decoded = results.stream().filter(r -> r instanceof HanDecoder.Decoded).toList();
        assertEquals(3, decoded.size());
        assertEquals(0, new BigDecimal("826").compareTo(power(decoded.get(0))));
        assertEquals(0, new BigDecimal("7482").compareTo(power(decoded.get(1))));
        assertEquals(0, new BigDecimal("1320").compareTo(power(decoded.get(2))));
        assertEquals(2, results.stream().filter(r -> r instanceof HanDecoder.Failed).count());
    }

    @Test
    void anEncryptedPushInHdlcOpensWithItsKeysAndNamesTheWrongOne() {
        byte[] apdu = Arrays.copyOfRange(HanFrames.KAMSTRUP_THREE_PHASE, 11, HanFrames.KAMSTRUP_THREE_PHASE.length - 3);
        byte[] title = "KAM\u0001\u0002\u0003\u0004\u0005".getBytes(StandardCharsets.ISO_8859_1);
        byte[] encrypted = P1Cipher.of(KEY, AUTHENTICATION_KEY).encrypt(title, 99, apdu).encode();
        byte[] frame = uiFrame(HdlcFramerTest.concat(new byte[] {(byte) 0xE6, (byte) 0xE7, 0x00}, encrypted));

        List<HanDecoder.Result> ok = new HanDecoder(Optional.of(P1Cipher.of(KEY, AUTHENTICATION_KEY)))
                .feed(frame, 0, frame.length);
        assertEquals(1, ok.size());
        assertEquals(0, new BigDecimal("2.37").compareTo(((HanDecoder.Decoded) ok.get(0)).telegram()
                .current(Phase.L1).orElseThrow().value()));

        List<HanDecoder.Result> noKey = new HanDecoder(Optional.empty()).feed(frame, 0, frame.length);
        assertEquals("HAN push at byte offset 0 is encrypted (general-glo-ciphering); set decryptionKey and"
                + " authenticationKey", ((HanDecoder.Failed) noKey.get(0)).detail());

        List<HanDecoder.Result> wrong = new HanDecoder(Optional.of(P1Cipher.of("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF",
                AUTHENTICATION_KEY))).feed(frame, 0, frame.length);
        String detail = ((HanDecoder.Failed) wrong.get(0)).detail();
        assertTrue(detail.contains("invocation counter 99") && detail.contains("decryptionKey is not this meter's key"),
                detail);
    }

    /** A UI frame (addresses of the Kamstrup frame) around {@code info}, HCS and FCS computed. */
    private static byte[] uiFrame(byte[] info) {
        int length = 7 + info.length + 2;
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(0x7E);
        b.write(0xA0 | (length >> 8));
        b.write(length & 0xFF);
        b.write(0x2B);
        b.write(0x21);
        b.write(0x13);
        byte[] head = b.toByteArray();
        int hcs = HdlcCrc.compute(head, 1, head.length - 1);
        b.write(hcs & 0xFF);
        b.write(hcs >> 8);
        b.writeBytes(info);
        byte[] body = b.toByteArray();
        int fcs = HdlcCrc.compute(body, 1, body.length - 1);
        b.write(fcs & 0xFF);
        b.write(fcs >> 8);
        b.write(0x7E);
        return b.toByteArray();
    }
}
