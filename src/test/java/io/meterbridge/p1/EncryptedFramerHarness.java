package io.meterbridge.p1;

import java.util.ArrayList;
import java.util.List;

/** Runs a {@link GeneralGlobalCipherFramer} over bytes and keeps what it found. */
final class EncryptedFramerHarness {

    final GeneralGlobalCipherFramer framer = new GeneralGlobalCipherFramer(P1Framer.DEFAULT_MAX_TELEGRAM_BYTES);
    final List<P1FramerEvent> events = new ArrayList<>();

    List<GeneralGlobalCipher> apdus(byte[] wire) {
        events.addAll(framer.feed(wire, 0, wire.length));
        events.addAll(framer.endOfStream());
        return events.stream().filter(GeneralGlobalCipher.class::isInstance).map(GeneralGlobalCipher.class::cast)
                .toList();
    }
}
