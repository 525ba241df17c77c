package io.meterbridge.sim;

import io.meterbridge.link.Frame;
import io.meterbridge.link.FrameFormatException;
import io.meterbridge.link.Frames;
import io.meterbridge.link.LongFrame;
import io.meterbridge.link.ShortFrame;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The slaves' receiver: collects request bytes into frames. Bytes that cannot start a frame
 * are dropped; an invalid frame is dropped (a slave stays silent on a bad checksum), and
 * {@link #reset()} forgets a half frame after a gap. A run of 0x55 bytes right before a frame
 * is counted as its optical wake-up preamble.
 */
final class FrameAssembler {

    /** A frame received, with the number of 0x55 bytes that came right before it. */
    record Request(Frame frame, int preamble) {
    }

    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private int run;
    private int preamble;

    /** Adds bytes; returns the frames they complete. */
    List<Request> add(byte[] bytes, int offset, int length) {
        List<Request> frames = new ArrayList<>();
        for (int i = offset; i < offset + length; i++) {
            int b = bytes[i] & 0xFF;
            if (pending.size() == 0 && b != ShortFrame.START && b != LongFrame.START) {
                run = b == 0x55 ? run + 1 : 0;
                continue;
            }
            if (pending.size() == 0) {
                preamble = run;
                run = 0;
            }
            pending.write(b);
            byte[] p = pending.toByteArray();
            int need = need(p);
            if (need < 0) {
                pending.reset();
            } else if (p.length >= need) {
                pending.reset();
                try {
                    frames.add(new Request(Frames.parse(p), preamble));
                } catch (FrameFormatException e) {
                    // A slave ignores a frame it cannot check; the master times out and repeats.
                }
            }
        }
        return frames;
    }

    boolean inFrame() {
        return pending.size() > 0;
    }

    void reset() {
        pending.reset();
        run = 0;
    }

    /** Length of the frame being received, or -1 if its header is impossible. */
    private static int need(byte[] p) {
        if ((p[0] & 0xFF) == ShortFrame.START) {
            return ShortFrame.LENGTH;
        }
        if (p.length < 4) {
            return 4;
        }
        int l = p[1] & 0xFF;
        if (l != (p[2] & 0xFF) || l < 3 || (p[3] & 0xFF) != LongFrame.START) {
            return -1;
        }
        return l + 6;
    }
}
