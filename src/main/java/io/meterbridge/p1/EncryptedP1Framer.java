package io.meterbridge.p1;

import java.util.ArrayList;
import java.util.List;

/**
 * Frames the encrypted stream of a Luxembourg Smarty meter: finds each APDU
 * ({@link GeneralGlobalCipherFramer}), decrypts it ({@link P1Cipher}) and frames the telegram
 * inside with a {@link P1Framer}, whose CRC is checked as for any plain telegram. What comes out is
 * what a {@link P1Framer} gives for a plain port, with every offset that of the APDU in the
 * stream; an APDU that does not decrypt, or decrypts to something that is no telegram, comes out
 * as {@link Undecryptable}.
 *
 * <p>Not thread-safe: one framer per stream.
 */
public final class EncryptedP1Framer implements TelegramFramer {

    private final P1Cipher cipher;
    private final GeneralGlobalCipherFramer apdus;
    private final int maxTelegramBytes;
    private long frames;
    private long crcMismatches;
    private long undecryptable;

    /**
     * @param cipher           the meter's keys
     * @param maxTelegramBytes the longest telegram (and APDU) accepted
     */
    public EncryptedP1Framer(P1Cipher cipher, int maxTelegramBytes) {
        this.cipher = cipher;
        this.maxTelegramBytes = maxTelegramBytes;
        this.apdus = new GeneralGlobalCipherFramer(maxTelegramBytes);
    }

    @Override
    public List<P1FramerEvent> feed(byte[] bytes, int off, int len) {
        return open(apdus.feed(bytes, off, len));
    }

    @Override
    public List<P1FramerEvent> pause() {
        return apdus.pause();
    }

    @Override
    public List<P1FramerEvent> endOfStream() {
        return open(apdus.endOfStream());
    }

    @Override
    public P1Framer.Statistics statistics() {
        return new P1Framer.Statistics(frames, crcMismatches, apdus.truncated(), apdus.oversized(), 0,
                apdus.noiseBytes(), undecryptable);
    }

    private List<P1FramerEvent> open(List<P1FramerEvent> events) {
        if (events.isEmpty()) {
            return events;
        }
        List<P1FramerEvent> out = new ArrayList<>(events.size());
        for (P1FramerEvent e : events) {
            if (e instanceof GeneralGlobalCipher apdu) {
                out.add(open(apdu));
            } else {
                out.add(e);
            }
        }
        return out;
    }

    private P1FramerEvent open(GeneralGlobalCipher apdu) {
        byte[] plain;
        try {
            plain = cipher.decrypt(apdu);
        } catch (P1DecryptionException e) {
            undecryptable++;
            return new Undecryptable(apdu.offset(), apdu.invocationCounter(), e.getMessage());
        }
        // The plain text is exactly one telegram, CR LF after the CRC or not: a framer of its own
        // checks its CRC and finds its end; the offsets it reports are moved to the APDU's.
        P1Framer inner = new P1Framer(Math.max(16, plain.length)); // the whole plain text always fits
        List<P1FramerEvent> found = new ArrayList<>(inner.feed(plain));
        found.addAll(inner.endOfStream());
        for (P1FramerEvent e : found) {
            if (e instanceof P1Frame f) {
                frames++;
                return new P1Frame(f.bytes(), apdu.offset(), f.crc());
            }
            if (e instanceof CrcMismatch c) {
                crcMismatches++;
                return new CrcMismatch(apdu.offset(), c.expected(), c.found(), c.bytes());
            }
        }
        undecryptable++;
        return new Undecryptable(apdu.offset(), apdu.invocationCounter(), "encrypted P1 telegram at byte offset "
                + apdu.offset() + " (invocation counter " + apdu.invocationCounter() + "): decrypted, but "
                + (found.isEmpty() ? "empty" : found.get(0).toString()));
    }
}
