package io.meterbridge.p1;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Loads the real telegrams in src/test/resources/p1 (see ATTRIBUTION.md there). */
final class Telegrams {

    private Telegrams() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = Telegrams.class.getResourceAsStream("/p1/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test telegram " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String name) {
        return new String(bytes(name), StandardCharsets.ISO_8859_1);
    }

    /** Frames the file with a fresh framer and parses its single telegram. */
    static P1Telegram parse(String name) throws P1FormatException {
        P1Framer framer = new P1Framer();
        var events = new java.util.ArrayList<>(framer.feed(bytes(name)));
        events.addAll(framer.endOfStream());
        P1Frame frame = events.stream().filter(P1Frame.class::isInstance).map(P1Frame.class::cast).findFirst()
                .orElseThrow(() -> new AssertionError("no frame in " + name + ": " + events));
        return P1Parser.parse(frame);
    }
}
