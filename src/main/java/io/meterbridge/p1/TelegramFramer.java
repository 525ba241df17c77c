package io.meterbridge.p1;

import java.util.List;

/**
 * Turns a P1 port's byte stream into telegrams: {@link P1Framer} for the plain text every meter
 * but Luxembourg's sends, {@link EncryptedP1Framer} for Smarty's encrypted frames.
 *
 * <p>Fed whatever chunks the port delivers; never blocks; not thread-safe (one per stream).
 */
public sealed interface TelegramFramer permits P1Framer, EncryptedP1Framer {

    /** Feeds bytes and returns what they completed, in stream order (often nothing). */
    List<P1FramerEvent> feed(byte[] bytes, int off, int len);

    /** Feeds a whole array. */
    default List<P1FramerEvent> feed(byte[] bytes) {
        return feed(bytes, 0, bytes.length);
    }

    /**
     * The line has been quiet for about a second. Meters send each telegram in one burst, so an
     * encrypted telegram in progress was cut off (cable pulled): it is reported as truncated rather
     * than completed with the next telegram's bytes, which would lose that one too. Plain
     * telegrams need no such help (a new {@code /} ends a cut one), so their framer ignores it.
     */
    default List<P1FramerEvent> pause() {
        return List.of();
    }

    /** The stream ended: reports what was in progress and any pending noise. */
    List<P1FramerEvent> endOfStream();

    /** Counts since the framer was created. */
    P1Framer.Statistics statistics();
}
