package io.meterbridge.p1.dlms;

import io.meterbridge.p1.GeneralGlobalCipher;
import io.meterbridge.p1.P1Cipher;
import io.meterbridge.p1.P1DecryptionException;
import io.meterbridge.p1.P1Telegram;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A HAN port's bytes to telegrams: {@link HdlcFramer}, then {@link GlobalCiphering} when the APDU
 * is encrypted, {@link DataNotification} and {@link PushList}. What a port reader feeds; one per
 * stream, not thread-safe.
 */
public final class HanDecoder {

    /** What the bytes gave. */
    public sealed interface Result permits Decoded, Failed {
        /** Stream offset of the frame (or dropped bytes). */
        long offset();
    }

    /** A push read into a telegram. */
    public record Decoded(long offset, P1Telegram telegram) implements Result {
    }

    /**
     * Bytes that gave no telegram: dropped by the framer, undecryptable, or not a push list.
     *
     * @param offset stream offset
     * @param detail the framer's or decoder's message (what was expected, what was found, where)
     */
    public record Failed(long offset, String detail) implements Result {
    }

    private final HdlcFramer framer = new HdlcFramer();
    private final Optional<P1Cipher> cipher;

    /** @param cipher the meter's keys, empty for a meter that does not encrypt */
    public HanDecoder(Optional<P1Cipher> cipher) {
        this.cipher = cipher;
    }

    /** Feeds bytes and returns what they completed, in stream order. */
    public List<Result> feed(byte[] bytes, int off, int len) {
        return decode(framer.feed(bytes, off, len));
    }

    /** The stream ended. */
    public List<Result> endOfStream() {
        return decode(framer.endOfStream());
    }

    private List<Result> decode(List<HdlcEvent> events) {
        List<Result> out = new ArrayList<>(1);
        for (HdlcEvent e : events) {
            if (e instanceof Apdu a) {
                out.add(decode(a));
            } else if (e instanceof HdlcDropped d) {
                out.add(new Failed(d.offset(), d.toString()));
            }
        }
        return out;
    }

    private Result decode(Apdu a) {
        try {
            byte[] apdu = a.bytes();
            if (apdu.length > 0 && (apdu[0] & 0xFF) == GeneralGlobalCipher.APDU_TAG) {
                if (cipher.isEmpty()) {
                    return new Failed(a.offset(), "HAN push at byte offset " + a.offset() + " is encrypted"
                            + " (general-glo-ciphering); set decryptionKey and authenticationKey");
                }
                apdu = GlobalCiphering.open(apdu, a.offset(), cipher.get());
            }
            return new Decoded(a.offset(), PushList.toTelegram(DataNotification.parse(apdu, a.offset())));
        } catch (DlmsFormatException | P1DecryptionException e) {
            return new Failed(a.offset(), e.getMessage());
        }
    }
}
