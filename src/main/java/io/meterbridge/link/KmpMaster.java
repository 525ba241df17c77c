package io.meterbridge.link;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

import io.meterbridge.kmp.KmpEvent;
import io.meterbridge.kmp.KmpException;
import io.meterbridge.kmp.KmpFrame;
import io.meterbridge.kmp.KmpFrameException;
import io.meterbridge.kmp.KmpReceiver;
import io.meterbridge.kmp.KmpRegisterList;
import io.meterbridge.kmp.KmpRequest;
import io.meterbridge.kmp.KmpResponse;
import io.meterbridge.telegram.Hex;

/**
 * Reads a Kamstrup meter over KMP through an IR head on its optical eye, 1200 Bd 8N2: a request
 * frame out, the response frame back, one at a time. The head's read-back of its own request is
 * skipped ({@link KmpReceiver}); no answer and a corrupt answer are retried
 * ({@link OpticalSettings#retries()}) and then reported with what to check.
 *
 * <p>Battery: the meter type and serial number do not change, so they are asked once per opening
 * of the port and kept; a later read of up to eight registers is one request. Thread-safe: one
 * exchange at a time.
 */
public final class KmpMaster implements AutoCloseable {

    /** Between bytes of one answer: 20 character times at 1200 Bd 8N2 is 183 ms; heads buffer. */
    private static final long SILENCE_NANOS = 250_000_000L;
    private static final String METER = "the KMP meter";
    private static final String HINT = "check the head sits on the eye, cable at the top, and that no light shines on "
            + "it; a MULTICAL 303 answers only for a while after its button is pressed";

    private final Transport transport;
    private final OpticalSettings settings;
    private final OpticalCounters counters = new OpticalCounters();
    private final FrameLog frames = new FrameLog();
    private final byte[] buffer = new byte[512];
    private KmpResponse.MeterType meterType;
    private Long serialNumber;
    private boolean framed;

    public KmpMaster(Transport transport, OpticalSettings settings) {
        this.transport = transport;
        this.settings = settings;
    }

    /** A master on the settings' port (opened on the first request). */
    public static KmpMaster open(OpticalSettings settings) throws PortUnavailableException {
        return new KmpMaster(settings.transport(Framing.KMP), settings);
    }

    /** The meter type, serial number and the registers asked for. */
    public synchronized KmpRead read(KmpRegisterList registers) throws MBusException {
        if (meterType == null || serialNumber == null) {
            meterType = (KmpResponse.MeterType) exchange(new KmpRequest.GetType());
            serialNumber = ((KmpResponse.SerialNo) exchange(new KmpRequest.GetSerialNo())).serialNumber();
        }
        List<io.meterbridge.kmp.KmpRegisterValue> values = new ArrayList<>(registers.ids().size());
        List<Integer> missing = new ArrayList<>();
        for (KmpRequest.GetRegister request : registers.requests()) {
            KmpResponse.Registers answer = (KmpResponse.Registers) exchange(request);
            values.addAll(answer.values());
            missing.addAll(request.missingIn(answer));
        }
        return new KmpRead(meterType, serialNumber, values, missing);
    }

    /**
     * Sends one request and returns the meter's response to it.
     *
     * @throws OpticalNoAnswerException when no byte came back to any attempt
     * @throws OpticalReplyException when the last answer was not a valid response
     * @throws PortUnavailableException when the head is unplugged or the bridge unreachable
     */
    public synchronized KmpResponse exchange(KmpRequest request) throws MBusException {
        byte[] wire = KmpFrame.request(KmpFrame.HEAT_METER, request.command().id(), request.data()).encode();
        int attempts = settings.retries() + 1;
        KmpException bad = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                KmpResponse response = once(request, wire);
                if (response != null) {
                    counters.answers.incrementAndGet();
                    return response;
                }
                counters.noAnswers.incrementAndGet();
            } catch (KmpException e) {
                counters.badAnswers.incrementAndGet();
                bad = e;
            }
        }
        String where = transport.describe();
        if (bad != null) {
            throw new OpticalReplyException(where, METER, request.command().protocolName(), attempts, bad);
        }
        throw new OpticalNoAnswerException(where, METER, request.command().protocolName(), attempts, HINT);
    }

    /** One try, kept in the frame log with what came back. */
    private KmpResponse once(KmpRequest request, byte[] wire) throws MBusException, KmpException {
        Instant at = Instant.now();
        long start = System.nanoTime();
        byte[][] answer = new byte[1][];
        String meaning = "no answer";
        try {
            KmpResponse response = attempt(request, wire, answer);
            meaning = response == null ? meaning : response.toString();
            return response;
        } catch (KmpException | MBusException e) {
            meaning = e.getMessage();
            throw e;
        } finally {
            frames.add(new FrameExchange(at, Hex.format(wire), "KMP " + request,
                    answer[0] == null ? "" : Hex.format(answer[0]), meaning, (System.nanoTime() - start) / 1e6));
        }
    }

    /** One try: the response, null if nothing came, or the reason the answer is not one; {@code answer[0]} the frame's bytes. */
    private KmpResponse attempt(KmpRequest request, byte[] wire, byte[][] answer) throws MBusException, KmpException {
        try {
            prepare();
            transport.discardInput();
            counters.requests.incrementAndGet();
            transport.write(wire);
            counters.bytesSent.addAndGet(wire.length);
        } catch (PortUnavailableException e) {
            forget();
            throw e;
        }
        KmpReceiver receiver = KmpReceiver.forResponses();
        // the request's own wire time first: write() returns once the bytes are queued
        long wait = Framing.KMP.wireNanos(wire.length) + settings.replyTimeout().toNanos() + settings.adapterLatency().toNanos();
        long noise = 0;
        while (true) {
            int n;
            try {
                n = transport.read(buffer, 0, buffer.length, wait);
            } catch (PortUnavailableException e) {
                forget();
                throw e;
            }
            List<KmpEvent> events = n > 0 ? receiver.feed(buffer, 0, n) : receiver.endOfInput();
            counters.bytesReceived.addAndGet(n);
            for (KmpEvent event : events) {
                if (event instanceof KmpEvent.FrameReceived f) {
                    answer[0] = f.wire();
                    return KmpResponse.parse(f.frame(), request);
                } else if (event instanceof KmpEvent.FrameRejected r) {
                    answer[0] = r.wire();
                    throw r.problem();
                } else if (event instanceof KmpEvent.EchoSkipped) {
                    counters.echoes.incrementAndGet();
                } else if (event instanceof KmpEvent.NoiseSkipped skipped) {
                    noise += skipped.length();
                }
            }
            if (n == 0) {
                if (noise > 0) {
                    throw new KmpFrameException("expected a response frame starting with 40, found " + noise
                            + " bytes of noise and then silence", 0);
                }
                return null; // nothing, or only the head's echo of the request
            }
            wait = SILENCE_NANOS + settings.adapterLatency().toNanos();
        }
    }

    private void prepare() throws PortUnavailableException {
        if (!transport.isOpen()) {
            framed = false;
            meterType = null;
            serialNumber = null;
        }
        transport.open();
        if (!framed) {
            transport.reframe(Framing.KMP);
            framed = true;
            // a USB head's UART settles after a change of framing; a byte sent at once may be garbled
            LockSupport.parkNanos(20_000_000L);
        }
    }

    /** After the head was lost: ask for type and serial again, as it may be another meter now. */
    private void forget() {
        framed = false;
        meterType = null;
        serialNumber = null;
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
