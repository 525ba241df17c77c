package io.meterbridge.p1;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds general-glo-ciphering APDUs ({@link GeneralGlobalCipher}) in the byte stream of an
 * encrypted P1 port. It is fed whatever chunks the port delivers and never blocks.
 *
 * <p>An APDU has no end marker and no checksum of its own, only its length, so the framer checks
 * everything a header can be checked for before it trusts that length: the {@code 0xDB} tag, a
 * system title length of 8, a length within {@code maxApduBytes}, and security control 0x30. A
 * header that fails any check was no header: its {@code 0xDB} is counted as noise and the bytes
 * after it are searched again, so joining the stream mid-APDU or line noise costs at most the
 * APDU in progress. The GCM tag then decides whether the bytes framed were a real APDU.
 *
 * <p>Not thread-safe: one framer per stream.
 */
public final class GeneralGlobalCipherFramer {

    /**
     * Header bytes at most: tag, title length, title, 0x82 and two length bytes, and the security
     * control byte while it is checked.
     */
    private static final int MAX_HEADER_BYTES = 2 + GeneralGlobalCipher.SYSTEM_TITLE_BYTES + 3 + 1;

    private final int maxApduBytes;
    private final byte[] header = new byte[MAX_HEADER_BYTES];
    private int headerLength;
    private byte[] body;
    private int bodyLength;
    private int lengthBytes;
    private long position;
    private long apduStart;
    private final NoiseRun noise = new NoiseRun("0xDB starting an encrypted telegram");

    private long apdus;
    private long truncated;
    private long oversized;

    /** A framer that takes APDUs of up to {@code maxApduBytes} bytes on the wire. */
    public GeneralGlobalCipherFramer(int maxApduBytes) {
        if (maxApduBytes < 64) {
            throw new IllegalArgumentException("maxApduBytes must be at least 64, was " + maxApduBytes);
        }
        this.maxApduBytes = maxApduBytes;
    }

    /** Feeds bytes; returns the APDUs and {@link Dropped} runs they completed, in stream order. */
    public List<P1FramerEvent> feed(byte[] bytes, int off, int len) {
        List<P1FramerEvent> out = new ArrayList<>(1);
        for (int i = off; i < off + len; i++) {
            accept(bytes[i], position, out);
            position++;
        }
        return out;
    }

    /** The line went quiet: an APDU in progress was cut off (see {@link TelegramFramer#pause()}). */
    public List<P1FramerEvent> pause() {
        List<P1FramerEvent> out = new ArrayList<>(1);
        cutOff("the line went quiet", out);
        return out;
    }

    /** The stream ended: an APDU in progress is truncated; pending noise is reported. */
    public List<P1FramerEvent> endOfStream() {
        List<P1FramerEvent> out = new ArrayList<>(2);
        cutOff("end of stream", out);
        noise.flush(out);
        return out;
    }

    private void cutOff(String what, List<P1FramerEvent> out) {
        if (headerLength > 0) {
            truncated++;
            noise.flush(out);
            long have = headerLength + (body == null ? 0 : bodyLength);
            out.add(new Dropped(Dropped.Reason.TRUNCATED, apduStart, have, body == null
                    ? "expected the rest of an encrypted telegram's header, found " + what + " after " + have + " bytes"
                    : "expected " + body.length + " bytes after the header, found " + what + " after " + bodyLength));
            reset();
        }
    }

    /** APDUs delivered. */
    public long apdus() {
        return apdus;
    }

    /** APDUs cut short by the end of the stream. */
    public long truncated() {
        return truncated;
    }

    /** Headers announcing more than {@code maxApduBytes}. */
    public long oversized() {
        return oversized;
    }

    /** Bytes outside APDUs, including the tag of every header that failed a check. */
    public long noiseBytes() {
        return noise.total();
    }

    private void accept(byte b, long at, List<P1FramerEvent> out) {
        if (body != null) {
            if (bodyLength == 0 && (b & 0xFF) != GeneralGlobalCipher.SECURITY_CONTROL_ENCRYPTED_AUTHENTICATED) {
                // Not a Smarty header after all (or another security suite): search again after the 0xDB.
                header[headerLength++] = b;
                resync(out);
                return;
            }
            body[bodyLength++] = b;
            if (bodyLength == body.length) {
                deliver(out);
            }
            return;
        }
        if (headerLength == 0) {
            if ((b & 0xFF) == GeneralGlobalCipher.APDU_TAG) {
                // noise is reported once an APDU is found: a false header only lengthens the run
                apduStart = at;
                header[headerLength++] = b;
            } else {
                noise.add(at);
            }
            return;
        }
        header[headerLength++] = b;
        int v = b & 0xFF;
        int titleEnd = 2 + GeneralGlobalCipher.SYSTEM_TITLE_BYTES;
        if (headerLength == 2) {
            if (v != GeneralGlobalCipher.SYSTEM_TITLE_BYTES) {
                resync(out);
            }
        } else if (headerLength == titleEnd + 1) {
            if (v < 0x80) {
                startBody(v, out);
            } else if (v == 0x81 || v == 0x82) {
                lengthBytes = v - 0x80;
            } else {
                resync(out);
            }
        } else if (headerLength > titleEnd + 1 && headerLength == titleEnd + 1 + lengthBytes) {
            int length = lengthBytes == 1 ? v : ((header[titleEnd + 1] & 0xFF) << 8) | v;
            startBody(length, out);
        }
    }

    private void startBody(int length, List<P1FramerEvent> out) {
        if (length < GeneralGlobalCipher.OVERHEAD_BYTES + 1) {
            resync(out);
            return;
        }
        if (headerLength + length > maxApduBytes) {
            oversized++;
            noise.flush(out);
            out.add(new Dropped(Dropped.Reason.OVERSIZED, apduStart, headerLength, "an encrypted telegram header"
                    + " announces " + length + " bytes, more than maxTelegramBytes (" + maxApduBytes + "); searching on"));
            resync(out);
            return;
        }
        body = new byte[length];
        bodyLength = 0;
    }

    private void deliver(List<P1FramerEvent> out) {
        int sc = body[0] & 0xFF;
        byte[] title = Arrays.copyOfRange(header, 2, 2 + GeneralGlobalCipher.SYSTEM_TITLE_BYTES);
        long counter = ((body[1] & 0xFFL) << 24) | ((body[2] & 0xFF) << 16) | ((body[3] & 0xFF) << 8) | (body[4] & 0xFF);
        int cipherEnd = body.length - GeneralGlobalCipher.TAG_BYTES;
        apdus++;
        noise.flush(out);
        out.add(new GeneralGlobalCipher(apduStart, title, sc, counter, Arrays.copyOfRange(body, 5, cipherEnd),
                Arrays.copyOfRange(body, cipherEnd, body.length)));
        reset();
    }

    /** The header so far was no header: its tag is noise; its other bytes are searched again. */
    private void resync(List<P1FramerEvent> out) {
        byte[] replay = Arrays.copyOfRange(header, 1, headerLength);
        long from = apduStart + 1;
        noise.add(apduStart);
        reset();
        replay(replay, from, out);
    }

    private void replay(byte[] bytes, long from, List<P1FramerEvent> out) {
        for (int i = 0; i < bytes.length; i++) {
            accept(bytes[i], from + i, out);
        }
    }

    private void reset() {
        headerLength = 0;
        lengthBytes = 0;
        body = null;
        bodyLength = 0;
    }

}
