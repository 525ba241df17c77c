package io.meterbridge.p1;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class GeneralGlobalCipherFramerTest {

    private static final P1Cipher CIPHER = P1Cipher.smarty("000102030405060708090A0B0C0D0E0F");
    private static final byte[] TITLE = "SAG\u0001\u0002\u0003\u0004\u0005".getBytes(StandardCharsets.ISO_8859_1);

    private static byte[] telegram(int n) {
        StringBuilder b = new StringBuilder("/Lux5\\253663653_B\r\n\r\n1-3:0.2.8(42)\r\n");
        for (int i = 0; i < 20; i++) { // about 500 bytes: a 0x82 length, as real Smarty telegrams have
            b.append("1-0:1.8.0(").append(String.format("%06d", n)).append(".000*kWh)\r\n");
        }
        String body = b.append('!').toString();
        return (body + Crc16.format(Crc16.compute(body.getBytes(StandardCharsets.US_ASCII), 0, body.length())) + "\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] apdu(int n) {
        return CIPHER.encrypt(TITLE, 1000 + n, telegram(n)).encode();
    }

    private static List<P1FramerEvent> feedAll(TelegramFramer framer, byte[] wire, int chunk) {
        List<P1FramerEvent> out = new ArrayList<>();
        for (int i = 0; i < wire.length; i += chunk) {
            out.addAll(framer.feed(wire, i, Math.min(chunk, wire.length - i)));
        }
        out.addAll(framer.endOfStream());
        return out;
    }

    private static List<P1Frame> frames(List<P1FramerEvent> events) {
        return events.stream().filter(P1Frame.class::isInstance).map(P1Frame.class::cast).toList();
    }

    @Test
    void lengthFieldsOfEveryFormAreRead() {
        // short form (< 0x80), 0x81 n and 0x82 hi lo: content of 17 + 10, 17 + 200, 17 + 1000 bytes
        for (int plain : new int[] {10, 200, 1000}) {
            GeneralGlobalCipher g = new GeneralGlobalCipher(0, TITLE, 0x30, 5, new byte[plain], new byte[12]);
            byte[] wire = g.encode();
            assertEquals(plain < 0x80 - 17 ? 0x1B : plain + 17 <= 0xFF ? 0x81 : 0x82, wire[10] & 0xFF);
            List<GeneralGlobalCipher> found = new EncryptedFramerHarness().apdus(wire);
            assertEquals(1, found.size());
            assertEquals(g, found.get(0));
        }
    }

    @Test
    void everyApduOfAStreamIsDecryptedInOrderWhateverTheChunks() {
        ByteArrayOutputStream s = new ByteArrayOutputStream();
        for (int i = 0; i < 5; i++) {
            s.writeBytes(apdu(i));
        }
        for (int chunk : new int[] {1, 7, 64, 4096}) {
            List<P1FramerEvent> events = feedAll(new EncryptedP1Framer(CIPHER, 4096), s.toByteArray(), chunk);
            List<P1Frame> frames = frames(events);
            assertEquals(5, frames.size(), events.toString());
            long offset = 0;
            for (int i = 0; i < 5; i++) {
                assertArrayEquals(Arrays.copyOf(telegram(i), telegram(i).length - 2), frames.get(i).bytes());
                assertEquals(offset, frames.get(i).offset(), "offsets are the APDUs' in the stream");
                offset += apdu(i).length;
            }
        }
    }

    @Test
    void joiningMidApduLosesOnlyThatOne() {
        byte[] first = apdu(1);
        ByteArrayOutputStream s = new ByteArrayOutputStream();
        s.writeBytes(Arrays.copyOfRange(first, 40, first.length));
        s.writeBytes(apdu(2));
        s.writeBytes(apdu(3));
        EncryptedP1Framer framer = new EncryptedP1Framer(CIPHER, 4096);
        List<P1FramerEvent> events = feedAll(framer, s.toByteArray(), 100);
        assertEquals(2, frames(events).size(), events.toString());
        Dropped noise = assertInstanceOf(Dropped.class, events.get(0));
        assertEquals(Dropped.Reason.NOISE, noise.reason());
        assertEquals(first.length - 40, noise.length());
        assertEquals(2, framer.statistics().frames());
        assertEquals(0, framer.statistics().undecryptable());
    }

    @Test
    void aFalseHeaderInNoiseIsSearchedPast() {
        ByteArrayOutputStream s = new ByteArrayOutputStream();
        // 0xDB followed by a title length of 7, then 0xDB 0x08 with a title and an impossible length byte 0x90,
        // then 0xDB 0x08 title 0x82 and security control 0x20: none is a Smarty header
        s.writeBytes(new byte[] {(byte) 0xDB, 7, 1, 2});
        s.writeBytes(new byte[] {(byte) 0xDB, 8, 1, 2, 3, 4, 5, 6, 7, 8, (byte) 0x90});
        s.writeBytes(new byte[] {(byte) 0xDB, 8, 1, 2, 3, 4, 5, 6, 7, 8, (byte) 0x82, 0, 40, 0x20});
        s.writeBytes(apdu(4));
        List<P1FramerEvent> events = feedAll(new EncryptedP1Framer(CIPHER, 4096), s.toByteArray(), 3);
        assertEquals(2, events.size(), events.toString());
        Dropped noise = assertInstanceOf(Dropped.class, events.get(0));
        assertEquals(Dropped.Reason.NOISE, noise.reason());
        assertEquals(29, noise.length());
        assertEquals(29, assertInstanceOf(P1Frame.class, events.get(1)).offset());
    }

    @Test
    void aQuietLineCutsAnApduSoTheNextOneIsKept() {
        byte[] cut = Arrays.copyOf(apdu(1), 300);
        EncryptedP1Framer framer = new EncryptedP1Framer(CIPHER, 4096);
        assertTrue(framer.feed(cut).isEmpty());
        Dropped d = assertInstanceOf(Dropped.class, framer.pause().get(0));
        assertEquals(Dropped.Reason.TRUNCATED, d.reason());
        assertEquals(300, d.length());
        assertTrue(d.detail().endsWith("found the line went quiet after 287"), d.detail());
        assertTrue(framer.pause().isEmpty(), "nothing in progress any more");
        assertEquals(1, frames(framer.feed(apdu(2))).size());
        assertEquals(1, framer.statistics().truncated());
    }

    @Test
    void anOversizedLengthIsDroppedAndSearchedPast() {
        GeneralGlobalCipher big = new GeneralGlobalCipher(0, TITLE, 0x30, 5, new byte[5000], new byte[12]);
        byte[] header = Arrays.copyOf(big.encode(), 14);
        ByteArrayOutputStream s = new ByteArrayOutputStream();
        s.writeBytes(header);
        s.writeBytes(apdu(1));
        EncryptedP1Framer framer = new EncryptedP1Framer(CIPHER, 2048);
        List<P1FramerEvent> events = feedAll(framer, s.toByteArray(), 50);
        assertEquals(Dropped.Reason.OVERSIZED, assertInstanceOf(Dropped.class, events.get(0)).reason());
        assertEquals(1, frames(events).size(), events.toString());
        assertEquals(1, framer.statistics().oversized());
    }

    @Test
    void aDamagedApduIsUndecryptableAndTheNextOneArrives() {
        byte[] hit = apdu(1);
        hit[200] ^= 0x40;
        ByteArrayOutputStream s = new ByteArrayOutputStream();
        s.writeBytes(hit);
        s.writeBytes(apdu(2));
        EncryptedP1Framer framer = new EncryptedP1Framer(CIPHER, 4096);
        List<P1FramerEvent> events = feedAll(framer, s.toByteArray(), 4096);
        Undecryptable u = assertInstanceOf(Undecryptable.class, events.get(0));
        assertEquals(1001, u.invocationCounter());
        assertTrue(u.detail().contains("authentication tag does not match"), u.detail());
        assertEquals(1, frames(events).size());
        assertEquals(1, framer.statistics().undecryptable());
    }

    @Property(tries = 200)
    void noiseAndRandomChunksNeverLoseAnApdu(@ForAll long seed, @ForAll @IntRange(min = 1, max = 600) int chunk) {
        Random random = new Random(seed);
        ByteArrayOutputStream s = new ByteArrayOutputStream();
        int n = 1 + random.nextInt(4);
        for (int i = 0; i < n; i++) {
            byte[] noise = new byte[random.nextInt(40)];
            random.nextBytes(noise);
            for (int j = 0; j < noise.length; j++) {
                if ((noise[j] & 0xFF) == 0xDB) {
                    noise[j] = 0;
                }
            }
            s.writeBytes(noise);
            s.writeBytes(apdu(i));
        }
        List<P1Frame> frames = frames(feedAll(new EncryptedP1Framer(CIPHER, 4096), s.toByteArray(), chunk));
        assertEquals(n, frames.size());
    }
}
