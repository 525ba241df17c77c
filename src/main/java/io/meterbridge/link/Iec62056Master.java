package io.meterbridge.link;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

import io.meterbridge.iec62056.Iec62056Exception;
import io.meterbridge.iec62056.Iec62056TimeoutException;
import io.meterbridge.iec62056.Readout;
import io.meterbridge.iec62056.ReadoutOptions;
import io.meterbridge.iec62056.ReadoutSession;
import io.meterbridge.iec62056.Step;
import io.meterbridge.telegram.Hex;

/**
 * Reads a meter's IEC 62056-21 data readout through an IR head on its optical eye: drives a
 * {@link ReadoutSession} over a transport, switching the line's speed where the session says
 * (300 Bd 7E1, then the speed the meter announced). A timeout and a corrupt readout are retried
 * ({@link OpticalSettings#retries()}) and then reported with what to check.
 *
 * <p>A serial head switches its UART; a TCP bridge cannot be switched from here, so over TCP
 * the bridge must follow the meter's speed itself or the meter must stay at 300 Bd (a mode C
 * meter does with {@code maxBaudRate=300}). Thread-safe: one readout at a time.
 */
public final class Iec62056Master implements AutoCloseable {

    private static final String METER = "the IEC 62056-21 meter";
    private static final String HINT = "check the head sits on the eye, cable as the meter's manual shows, and that no "
            + "light shines on it; some meters answer only after a button press or at most a few times a day";

    private final Transport transport;
    private final OpticalSettings settings;
    private final OpticalCounters counters = new OpticalCounters();
    private final FrameLog frames = new FrameLog();
    private final byte[] buffer = new byte[1024];

    public Iec62056Master(Transport transport, OpticalSettings settings) {
        this.transport = transport;
        this.settings = settings;
    }

    /** A master on the settings' port (opened on the first readout). */
    public static Iec62056Master open(OpticalSettings settings) throws PortUnavailableException {
        return new Iec62056Master(settings.transport(Framing.IEC62056_INITIAL), settings);
    }

    /**
     * One data readout.
     *
     * @throws OpticalNoAnswerException when no identification came to any attempt
     * @throws OpticalReplyException when the last attempt's answer was not a valid readout
     * @throws PortUnavailableException when the head is unplugged or the bridge unreachable
     */
    public synchronized Readout read(ReadoutOptions options) throws MBusException {
        int attempts = settings.retries() + 1;
        Iec62056Exception last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                Readout readout = once(options);
                counters.answers.incrementAndGet();
                return readout;
            } catch (Iec62056TimeoutException e) {
                counters.noAnswers.incrementAndGet();
                last = e;
            } catch (Iec62056Exception e) {
                counters.badAnswers.incrementAndGet();
                last = e;
            } catch (PortUnavailableException e) {
                transport.close();
                throw e;
            }
        }
        String where = transport.describe();
        if (last instanceof Iec62056TimeoutException timeout && timeout.state() == ReadoutSession.State.AWAITING_IDENTIFICATION) {
            throw new OpticalNoAnswerException(where, METER, "the request /?!", attempts, HINT);
        }
        throw new OpticalReplyException(where, METER, "the request /?!", attempts, last);
    }

    private Readout once(ReadoutOptions options) throws MBusException, Iec62056Exception {
        transport.open();
        transport.discardInput();
        ReadoutSession session = new ReadoutSession(options);
        Deque<Step> steps = new ArrayDeque<>(session.start());
        Framing framing = Framing.IEC62056_INITIAL;
        long unsentNanos = 0; // wire time of bytes written but perhaps still queued
        ByteArrayOutputStream sent = new ByteArrayOutputStream(); // since the last answer, for the frame log
        counters.requests.incrementAndGet();
        while (!steps.isEmpty()) {
            Step step = steps.poll();
            if (step instanceof Step.SetBaudRate s) {
                framing = framing.withBaud(s.baudRate());
                // reframe waits until written bytes have left; on the simulator and TCP they may still be queued
                if (transport.reframe(framing)) {
                    unsentNanos = 0;
                }
            } else if (step instanceof Step.Transmit t) {
                sent.write(t.bytes(), 0, t.bytes().length);
                transport.write(t.bytes());
                counters.bytesSent.addAndGet(t.bytes().length);
                unsentNanos += framing.wireNanos(t.bytes().length);
            } else if (step instanceof Step.Pause p) {
                LockSupport.parkNanos(unsentNanos + p.duration().toNanos());
                unsentNanos = 0;
            } else if (step instanceof Step.Receive r) {
                steps.addAll(receiveLogged(session, r, unsentNanos, sent.toByteArray()));
                sent.reset();
                unsentNanos = 0;
            } else if (step instanceof Step.Completed c) {
                return c.readout();
            }
        }
        throw new IllegalStateException("the readout session ended without a readout");
    }

    /** As {@link #receive}, keeping what was sent and what came back in the frame log. */
    private List<Step> receiveLogged(ReadoutSession session, Step.Receive r, long unsentNanos, byte[] sent)
            throws MBusException, Iec62056Exception {
        Instant at = Instant.now();
        long begin = System.nanoTime();
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        String meaning = null;
        try {
            List<Step> next = receive(session, r, unsentNanos, got);
            meaning = FrameLog.iecAnswer(got.toByteArray());
            return next;
        } catch (MBusException | Iec62056Exception e) {
            meaning = e.getMessage();
            throw e;
        } finally {
            frames.add(new FrameExchange(at, Hex.format(sent), "IEC 62056-21 " + FrameLog.text(sent),
                    Hex.format(got.toByteArray()), meaning, (System.nanoTime() - begin) / 1e6));
        }
    }

    /** Receives until the session says what comes next; the first wait includes the wire time of what is still queued. */
    private List<Step> receive(ReadoutSession session, Step.Receive r, long unsentNanos, ByteArrayOutputStream got)
            throws MBusException, Iec62056Exception {
        long wait = unsentNanos + r.silence().toNanos() + settings.adapterLatency().toNanos();
        while (true) {
            int n = transport.read(buffer, 0, buffer.length, wait);
            if (n == 0) {
                return session.timedOut(); // throws: nothing, or a readout cut short
            }
            counters.bytesReceived.addAndGet(n);
            got.write(buffer, 0, n);
            List<Step> next = session.received(buffer, 0, n);
            if (!next.isEmpty()) {
                return next;
            }
            wait = r.silence().toNanos() + settings.adapterLatency().toNanos();
        }
    }

    /** The last requests and answers through this head, oldest first, for the status page's bus monitor. */
    public List<FrameExchange> recentFrames() {
        return frames.recent();
    }

    public OpticalStatistics statistics() {
        return counters.snapshot();
    }

    /** The head and its framing, as messages name it. */
    public String describe() {
        return transport.describe();
    }

    @Override
    public synchronized void close() {
        transport.close();
    }
}
