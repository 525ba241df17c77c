package io.meterbridge.p1;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * Finds P1 telegrams in a byte stream: {@code /} header through {@code !} and four hex CRC digits
 * (DSMR 4/5, e-MUCS, Smarty, ESMR5), or {@code !} followed by CR/LF (DSMR 2.2/3, no CRC).
 *
 * <p>It is fed whatever chunks the port delivers and never blocks. It survives joining the stream
 * mid-telegram (the tail is reported as {@link Dropped.Reason#NOISE}), noise between telegrams, a
 * telegram cut off by a new {@code /} (cable pulled and replugged) or by the end of the stream, and
 * it never holds more than {@code maxTelegramBytes}. The CRC-16 is computed on the fly; a mismatch is
 * reported as {@link CrcMismatch} and the telegram is not delivered.
 *
 * <p>Not thread-safe: one framer per stream.
 */
public final class P1Framer implements TelegramFramer {

    /** Larger than any telegram seen in practice (an e-MUCS telegram with 13-month history is ~2 KiB). */
    public static final int DEFAULT_MAX_TELEGRAM_BYTES = 16 * 1024;

    /**
     * Counts since the framer was created.
     *
     * @param frames        telegrams delivered
     * @param crcMismatches telegrams dropped for a bad CRC
     * @param truncated     telegrams cut short
     * @param oversized     telegrams over the limit
     * @param malformed     telegrams with a malformed end
     * @param noiseBytes    bytes outside telegrams (CR/LF between telegrams not counted)
     * @param undecryptable encrypted telegrams that did not decrypt to a telegram (0 on a plain stream)
     */
    public record Statistics(long frames, long crcMismatches, long truncated, long oversized, long malformed,
                             long noiseBytes, long undecryptable) {
    }

    private enum State { HUNT, BODY, AFTER_BANG, CRC_DIGITS }

    private final int maxTelegramBytes;
    private final byte[] buffer;
    private int length;
    private State state = State.HUNT;
    private int crc;
    private int crcAtBang;
    private int crcDigits;
    private long position;
    private long telegramStart;
    private final NoiseRun noise = new NoiseRun("'/' starting a telegram");

    private long frames;
    private long crcMismatches;
    private long truncated;
    private long oversized;
    private long malformed;

    /** A framer with {@link #DEFAULT_MAX_TELEGRAM_BYTES}. */
    public P1Framer() {
        this(DEFAULT_MAX_TELEGRAM_BYTES);
    }

    /** A framer that drops telegrams longer than {@code maxTelegramBytes}. */
    public P1Framer(int maxTelegramBytes) {
        if (maxTelegramBytes < 16) {
            throw new IllegalArgumentException("maxTelegramBytes must be at least 16, was " + maxTelegramBytes);
        }
        this.maxTelegramBytes = maxTelegramBytes;
        this.buffer = new byte[maxTelegramBytes];
    }

    @Override
    public List<P1FramerEvent> feed(byte[] bytes, int off, int len) {
        List<P1FramerEvent> out = new ArrayList<>(1);
        for (int i = off; i < off + len; i++) {
            accept(bytes[i] & 0xFF, out);
            position++;
        }
        return out;
    }

    /** The stream ended: reports a telegram in progress as truncated and any pending noise. */
    @Override
    public List<P1FramerEvent> endOfStream() {
        List<P1FramerEvent> out = new ArrayList<>(2);
        if (state != State.HUNT) {
            truncated++;
            out.add(new Dropped(Dropped.Reason.TRUNCATED, telegramStart, length,
                    "expected '!' and CRC before the end of the stream, found end of stream after " + length + " bytes"));
            state = State.HUNT;
            length = 0;
        }
        noise.flush(out);
        return out;
    }

    @Override
    public Statistics statistics() {
        return new Statistics(frames, crcMismatches, truncated, oversized, malformed, noise.total(), 0);
    }

    /**
     * Reads {@code in} to its end, handing every event to {@code sink}; the caller owns the stream.
     *
     * @return the statistics at the end of the stream
     */
    public Statistics readAll(InputStream in, Consumer<? super P1FramerEvent> sink) throws IOException {
        byte[] chunk = new byte[4096];
        int n;
        while ((n = in.read(chunk)) >= 0) {
            feed(chunk, 0, n).forEach(sink);
        }
        endOfStream().forEach(sink);
        return statistics();
    }

    private void accept(int b, List<P1FramerEvent> out) {
        switch (state) {
            case HUNT -> {
                if (b == '/') {
                    noise.flush(out);
                    start(b);
                } else if (b != '\r' && b != '\n') {
                    noise.add(position);
                }
            }
            case BODY -> {
                if (b == '/') {
                    // DSMR data lines never contain '/': a new header means the telegram was cut off.
                    truncated++;
                    out.add(new Dropped(Dropped.Reason.TRUNCATED, telegramStart, length,
                            "expected '!' ending the telegram, found a new '/' header at offset " + position));
                    start(b);
                    return;
                }
                if (!append(b, out)) {
                    return;
                }
                crc = Crc16.update(crc, b);
                if (b == '!') {
                    crcAtBang = crc;
                    state = State.AFTER_BANG;
                }
            }
            case AFTER_BANG -> {
                if (isHex(b)) {
                    if (append(b, out)) {
                        crcDigits = 1;
                        state = State.CRC_DIGITS;
                    }
                } else if (b == '\r' || b == '\n') {
                    frames++;
                    out.add(new P1Frame(Arrays.copyOf(buffer, length), telegramStart, OptionalInt.empty()));
                    reset();
                } else {
                    malformedEnd(b, out);
                }
            }
            case CRC_DIGITS -> {
                if (!isHex(b)) {
                    malformedEnd(b, out);
                    return;
                }
                if (!append(b, out)) {
                    return;
                }
                if (++crcDigits == 4) {
                    int found = Integer.parseInt(new String(buffer, length - 4, 4, StandardCharsets.US_ASCII), 16);
                    byte[] telegram = Arrays.copyOf(buffer, length);
                    if (found == crcAtBang) {
                        frames++;
                        out.add(new P1Frame(telegram, telegramStart, OptionalInt.of(found)));
                    } else {
                        crcMismatches++;
                        out.add(new CrcMismatch(telegramStart, crcAtBang, found, telegram));
                    }
                    reset();
                }
            }
            default -> throw new IllegalStateException(state.toString());
        }
    }

    private void malformedEnd(int b, List<P1FramerEvent> out) {
        malformed++;
        out.add(new Dropped(Dropped.Reason.MALFORMED_END, telegramStart, length,
                "expected 4 hex CRC digits or CR LF after '!', found " + describe(b) + " at offset " + position));
        reset();
        if (b == '/') {
            start(b);
        }
    }

    private boolean append(int b, List<P1FramerEvent> out) {
        if (length == maxTelegramBytes) {
            oversized++;
            out.add(new Dropped(Dropped.Reason.OVERSIZED, telegramStart, length,
                    "expected '!' within " + maxTelegramBytes + " bytes, found none"));
            reset();
            return false;
        }
        buffer[length++] = (byte) b;
        return true;
    }

    private void start(int b) {
        telegramStart = position;
        length = 0;
        buffer[length++] = (byte) b;
        crc = Crc16.update(0, b);
        state = State.BODY;
    }

    private void reset() {
        state = State.HUNT;
        length = 0;
    }

    private static boolean isHex(int b) {
        return (b >= '0' && b <= '9') || (b >= 'A' && b <= 'F') || (b >= 'a' && b <= 'f');
    }

    private static String describe(int b) {
        return b >= 0x20 && b < 0x7F ? "'" + (char) b + "'" : String.format("byte 0x%02X", b);
    }
}
