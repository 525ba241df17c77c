package io.meterbridge.link;

import io.meterbridge.telegram.SecondaryAddress;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The master of one M-Bus (EN 13757-2): the only one who talks on its port.
 *
 * <p>Every public operation takes the bus's (fair) lock for its whole exchange, so any number
 * of threads, routes and meters can share one master and a request never interleaves with
 * another on the wire. Share masters between routes through {@link Buses}.
 *
 * <p>FCB/FCV (clause 5.4): the master keeps the next frame count bit per address. After
 * SND_NKE the first FCV=1 frame carries FCB=1; a success toggles it; a retry after a missing
 * or corrupt answer repeats the same FCB, so the slave repeats its last answer instead of
 * advancing to its next telegram. An address whose state is unknown (never reset, or a failed
 * exchange) gets a SND_NKE before its next request.
 *
 * <p>The port opens on first use and, if it is lost (adapter unplugged, connection dropped),
 * again on the next operation after that.
 */
public final class BusMaster implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BusMaster.class);
    /** After an optical wake-up preamble, before the request (as published firmware for such meters waits). */
    private static final long WAKE_UP_PAUSE_NANOS = 100_000_000L;
    private static final int CI_DATA_SEND = 0x51;
    private static final int CI_SELECTION = 0x52;
    private static final int CI_APPLICATION_RESET = 0x50;
    private static final int VIF_BUS_ADDRESS = 0x7A;

    private final BusSettings settings;
    private final Transport transport;
    private final Counters counters = new Counters();
    private final FrameLog frames = new FrameLog();
    private final FrameReader reader;
    private final ReentrantLock lock = new ReentrantLock(true);
    /** Next FCB per address; absent means unknown: reset with SND_NKE first. */
    private final Map<Integer, Boolean> fcb = new HashMap<>();
    private long lastActivity;
    private boolean wasOpen;
    private volatile boolean closed;

    /** A master for the settings' port, with the transport {@link Transports} picks. Opens lazily. */
    public static BusMaster open(BusSettings settings) throws PortUnavailableException {
        return new BusMaster(settings, Transports.create(settings));
    }

    /** A master on a given transport (tests, embedding). */
    public BusMaster(BusSettings settings, Transport transport) {
        this.settings = settings;
        this.transport = transport;
        this.reader = new FrameReader(transport, counters);
    }

    public BusSettings settings() {
        return settings;
    }

    /** The last requests and answers on this bus, oldest first, for the status page's bus monitor. */
    public List<FrameExchange> recentFrames() {
        return frames.recent();
    }

    /** Counters since this master was created. */
    public BusStatistics statistics() {
        return counters.snapshot();
    }

    /**
     * The transport's description, e.g. {@code /dev/ttyUSB0 (2400 Bd 8E1)}; the port opens on first use, so only
     * after an exchange does it name the settings really in use (8N1 on a pseudo-terminal).
     */
    public String describe() {
        return transport.describe();
    }

    /**
     * Reads every telegram of a meter with the bus's retries and telegram cap.
     *
     * @see #readMeter(MeterAddress, ReadOptions)
     */
    public List<LongFrame> readMeter(MeterAddress address) throws MBusException {
        return readMeter(address, ReadOptions.DEFAULT);
    }

    /**
     * Reads every telegram of a meter: REQ_UD2, and again with toggled FCB while a telegram
     * ends with DIF 0x1F, up to the cap. A secondary address is selected first (SND_UD CI 0x52
     * to 253) and read through address 253.
     *
     * @param options per-meter retries, telegram cap and extra timeout; {@link ReadOptions#DEFAULT} for the bus's
     * @return the telegrams in order, at least one
     * @throws NoReplyException if the meter does not answer (after the retries); this and the
     *         other failures carry the telegrams read before a failure part-way through a
     *         multi-telegram readout in {@link MBusException#partialTelegrams()}
     * @throws CorruptReplyException if its answers stay invalid
     * @throws CollisionException if several meters answer
     * @throws PortUnavailableException if the port is gone
     */
    public List<LongFrame> readMeter(MeterAddress address, ReadOptions options) throws MBusException {
        lock.lock();
        try {
            int a;
            if (address instanceof MeterAddress.Secondary s) {
                select(s.address(), options);
                a = Control.ADDRESS_NETWORK_LAYER;
            } else {
                a = ((MeterAddress.Primary) address).address();
                if (!fcb.containsKey(a)) {
                    nke(a, options);
                }
            }
            List<LongFrame> telegrams = readTelegrams(a, address.toString(), options);
            if (address instanceof MeterAddress.Secondary s) {
                SecondaryAddress found = telegrams.get(0).secondaryAddress();
                if (found != null && !found.matches(s.address())) {
                    throw new MBusException("the meter selected by " + s + " on " + settings.port()
                            + " answered with secondary address " + found + ", which does not match; another master "
                            + "or a meter ignoring selections may be on the bus", s.toString());
                }
            }
            return telegrams;
        } finally {
            lock.unlock();
        }
    }

    /** SND_NKE to a primary address (or 253): link reset, the slave answers E5; its next FCB will be 1. */
    public void sendNke(int address) throws MBusException {
        lock.lock();
        try {
            nke(address, ReadOptions.DEFAULT);
        } finally {
            lock.unlock();
        }
    }

    /**
     * REQ_UD1 (class 1, alarm data): empty if the meter answers E5 (nothing pending), else its
     * RSP_UD (CI 0x71 alarm status or data).
     */
    public Optional<LongFrame> requestAlarm(int address) throws MBusException {
        lock.lock();
        try {
            if (!fcb.containsKey(address)) {
                nke(address, ReadOptions.DEFAULT);
            }
            Frame reply = fcbExchange(address, Control.REQ_UD1, null, ReadOptions.DEFAULT, "REQ_UD1", true);
            return reply instanceof LongFrame f ? Optional.of(f) : Optional.empty();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Application reset (SND_UD CI 0x50): the meter starts its readout again at the first
     * telegram. {@code subcode} is the optional byte of EN 13757-3 (negative for none).
     */
    public void applicationReset(int address, int subcode) throws MBusException {
        lock.lock();
        try {
            if (!fcb.containsKey(address)) {
                nke(address, ReadOptions.DEFAULT);
            }
            byte[] data = subcode < 0 ? new byte[0] : new byte[] {(byte) subcode};
            sendUd(address, CI_APPLICATION_RESET, data, "application reset");
        } finally {
            lock.unlock();
        }
    }

    /**
     * Changes a meter's primary address (SND_UD CI 0x51, record {@code 01 7A <to>}) and verifies
     * it by reading the meter at its new address.
     *
     * @throws MBusException if {@code to} is already taken, the meter does not acknowledge, or
     *     it does not answer at its new address
     */
    public void changePrimaryAddress(int from, int to) throws MBusException {
        new MeterAddress.Primary(from);
        new MeterAddress.Primary(to);
        if (from == to) {
            throw new IllegalArgumentException("the meter already has primary address " + to);
        }
        lock.lock();
        try {
            Probe taken = probe(new ShortFrame(Control.SND_NKE, to));
            if (taken != Probe.NONE) {
                throw new MBusException("primary address " + to + " on " + settings.port()
                        + " is already in use by another meter; choose a free address (see scan)", String.valueOf(to));
            }
            if (!fcb.containsKey(from)) {
                nke(from, ReadOptions.DEFAULT);
            }
            sendUd(from, CI_DATA_SEND, new byte[] {0x01, VIF_BUS_ADDRESS, (byte) to}, "set primary address " + to);
            fcb.remove(from);
            List<LongFrame> check;
            try {
                nke(to, ReadOptions.DEFAULT);
                check = readTelegrams(to, String.valueOf(to), ReadOptions.DEFAULT.withMaxTelegrams(1));
            } catch (NoReplyException e) {
                throw new MBusException("meter " + from + " acknowledged the new primary address " + to
                        + " but does not answer there; scan the bus to find it", String.valueOf(from), e);
            }
            if (check.get(0).address() != to) {
                throw new MBusException("meter answered at " + to + " with address " + check.get(0).address()
                        + " in its frame; the change was not applied", String.valueOf(from));
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Primary scan 0–250: SND_NKE to each address (no retry on silence, one on a garbled
     * answer), and for each that answers the first telegram of a REQ_UD2.
     *
     * @param progress told each address as it is probed (may be null)
     */
    public List<ScanHit> scanPrimary(IntConsumer progress) throws MBusException {
        return scanPrimary(0, Control.ADDRESS_MAX_PRIMARY, progress);
    }

    /** Primary scan of {@code from..to} inclusive. */
    public List<ScanHit> scanPrimary(int from, int to, IntConsumer progress) throws MBusException {
        return scanPrimary(from, to, progress, null);
    }

    /**
     * Primary scan of {@code from..to} inclusive, telling {@code found} of each hit as soon as it is known
     * (a scan of 0–250 takes about a minute at 2400 Bd: people want to see meters turn up).
     *
     * @param progress told each address as it is probed (may be null)
     * @param found told each hit, in the order of the returned list (may be null)
     */
    public List<ScanHit> scanPrimary(int from, int to, IntConsumer progress, Consumer<ScanHit> found)
            throws MBusException {
        List<ScanHit> list = new ArrayList<>();
        Consumer<ScanHit> hits = collector(list, found);
        for (int a = from; a <= to; a++) {
            if (progress != null) {
                progress.accept(a);
            }
            lock.lock();
            try {
                Probe p = probe(new ShortFrame(Control.SND_NKE, a));
                if (p == Probe.NONE) {
                    fcb.remove(a);
                    continue;
                }
                if (p == Probe.COLLISION) {
                    hits.accept(new ScanHit(a, null, null, "several meters answer at this address (collision)"));
                    continue;
                }
                fcb.put(a, true);
                try {
                    LongFrame first = readTelegrams(a, String.valueOf(a), ReadOptions.DEFAULT.withMaxTelegrams(1))
                            .get(0);
                    hits.accept(new ScanHit(a, first.secondaryAddress(), first, null));
                } catch (NoReplyException | CorruptReplyException | CollisionException e) {
                    hits.accept(new ScanHit(a, null, null, "answers SND_NKE but not REQ_UD2: " + e.getMessage()));
                }
            } finally {
                lock.unlock();
            }
        }
        return list;
    }

    /** Adds each hit to {@code list} and then tells {@code found}, if any. */
    private static Consumer<ScanHit> collector(List<ScanHit> list, Consumer<ScanHit> found) {
        return found == null ? list::add : h -> {
            list.add(h);
            found.accept(h);
        };
    }

    /**
     * Secondary scan: selects with {@code mask} (wildcards F) and, where several meters answer
     * at once, fixes the next wildcard ID digit to 0–9 and tries again, from the most
     * significant digit (libmbus's order). Each meter that answers alone is read once.
     *
     * @param progress told the number of selections sent so far (may be null)
     */
    public List<ScanHit> scanSecondary(SecondaryAddress mask, IntConsumer progress) throws MBusException {
        return scanSecondary(mask, progress, null);
    }

    /**
     * Secondary scan as {@link #scanSecondary(SecondaryAddress, IntConsumer)}, telling {@code found} of each
     * hit as soon as it is known (may be null).
     */
    public List<ScanHit> scanSecondary(SecondaryAddress mask, IntConsumer progress, Consumer<ScanHit> found)
            throws MBusException {
        List<ScanHit> list = new ArrayList<>();
        Consumer<ScanHit> hits = collector(list, found);
        int[] probes = {0};
        lock.lock();
        try {
            // Clear selections left by anyone else; a selected slave answers E5, nobody else does.
            probe(new ShortFrame(Control.SND_NKE, Control.ADDRESS_NETWORK_LAYER));
            narrow(mask, 7, hits, probes, progress);
        } finally {
            lock.unlock();
        }
        return list;
    }

    private void narrow(SecondaryAddress mask, int digit, Consumer<ScanHit> hits, int[] probes, IntConsumer progress)
            throws MBusException {
        probes[0]++;
        if (progress != null) {
            progress.accept(probes[0]);
        }
        Probe p = probe(selection(mask));
        if (p == Probe.NONE) {
            return;
        }
        if (p == Probe.ONE) {
            fcb.put(Control.ADDRESS_NETWORK_LAYER, true);
            try {
                LongFrame first = readTelegrams(Control.ADDRESS_NETWORK_LAYER, mask.toString(),
                        ReadOptions.DEFAULT.withMaxTelegrams(1)).get(0);
                SecondaryAddress found = first.secondaryAddress();
                hits.accept(new ScanHit(first.address(), found != null ? found : mask, first, null));
            } catch (NoReplyException | CorruptReplyException | CollisionException e) {
                hits.accept(new ScanHit(-1, mask, null, "acknowledges selection but not REQ_UD2: " + e.getMessage()));
            }
            return;
        }
        // Collision: fix the next wildcard digit.
        int d = digit;
        while (d >= 0 && ((mask.id() >>> (4 * d)) & 0xF) != 0xF) {
            d--;
        }
        if (d < 0) {
            hits.accept(new ScanHit(-1, mask, null, "several meters share this secondary address (collision)"));
            return;
        }
        for (int v = 0; v <= 9; v++) {
            int id = (mask.id() & ~(0xF << (4 * d))) | (v << (4 * d));
            narrow(new SecondaryAddress(id, mask.manufacturer(), mask.version(), mask.medium()), d - 1, hits, probes,
                    progress);
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            transport.close();
        } finally {
            lock.unlock();
        }
    }

    // ---------------------------------------------------------------- exchanges

    private enum Probe { NONE, ONE, COLLISION }

    private static LongFrame selection(SecondaryAddress mask) {
        byte[] data = new byte[SecondaryAddress.WIRE_LENGTH];
        mask.toWire(data, 0);
        // C=0x73 (SND_UD, FCV, FCB=1) as libmbus and wmbusmeters send it.
        return new LongFrame(Control.SND_UD | Control.FCB, Control.ADDRESS_NETWORK_LAYER, CI_SELECTION, data);
    }

    private void select(SecondaryAddress address, ReadOptions options) throws MBusException {
        String label = address.toString();
        Probe p = Probe.NONE;
        int attempts = options.retries(settings) + 1;
        for (int i = 0; i < attempts && p == Probe.NONE; i++) {
            if (i > 0) {
                counters.retries.incrementAndGet();
            }
            p = probe(selection(address), timing(options));
        }
        if (p == Probe.NONE) {
            throw new NoReplyException(settings, label, "selection (SND_UD CI 0x52)", attempts,
                    timing(options).replyTimeout(1));
        }
        if (p == Probe.COLLISION) {
            throw new CollisionException(settings.port(), label, "several meters match this secondary address");
        }
        fcb.put(Control.ADDRESS_NETWORK_LAYER, true);
    }

    private void nke(int address, ReadOptions options) throws MBusException {
        exchange(new ShortFrame(Control.SND_NKE, address), String.valueOf(address), "SND_NKE", options, false);
        fcb.put(address, true);
    }

    private void sendUd(int address, int ci, byte[] data, String what) throws MBusException {
        fcbExchange(address, Control.SND_UD, new byte[][] {{(byte) ci}, data}, ReadOptions.DEFAULT, what, false);
    }

    private List<LongFrame> readTelegrams(int address, String label, ReadOptions options) throws MBusException {
        List<LongFrame> telegrams = new ArrayList<>();
        int cap = options.maxTelegrams(settings);
        while (true) {
            LongFrame f;
            try {
                f = (LongFrame) fcbExchange(address, Control.REQ_UD2, null, options, "REQ_UD2", false);
            } catch (MBusException e) {
                throw e.withPartialTelegrams(telegrams); // never lose a telegram that was read
            }
            telegrams.add(f);
            if (!f.moreRecordsFollow()) {
                return telegrams;
            }
            if (telegrams.size() >= cap) {
                if (options.maxTelegrams() < 0) {
                    LOG.warn("meter {} on {} has more telegrams than the cap of {}; stopped there", label,
                            settings.port(), cap);
                }
                return telegrams;
            }
        }
    }

    /**
     * An FCV=1 exchange with the address's FCB; toggles it on success and forgets it on failure
     * (so the next request starts with SND_NKE).
     */
    private Frame fcbExchange(int address, int function, byte[][] ciAndData, ReadOptions options, String what,
            boolean ackAllowed) throws MBusException {
        boolean bit = fcb.getOrDefault(address, true);
        int c = function | (bit ? Control.FCB : 0);
        Frame request = ciAndData == null ? new ShortFrame(c, address)
                : new LongFrame(c, address, ciAndData[0][0] & 0xFF, ciAndData[1]);
        String label = address == Control.ADDRESS_NETWORK_LAYER ? "253 (selected)" : String.valueOf(address);
        try {
            Frame reply = exchange(request, label, what, options, function == Control.REQ_UD2 && !ackAllowed);
            fcb.put(address, !bit);
            return reply;
        } catch (MBusException e) {
            fcb.remove(address);
            throw e;
        }
    }

    private LinkTiming timing(ReadOptions options) {
        return new LinkTiming(settings.baud(),
                settings.adapterLatency().plus(settings.extraTimeout()).plus(options.extraTimeout()));
    }

    /**
     * Sends a request and waits for its answer, repeating it unchanged after silence or a
     * corrupt answer. {@code wantData}: the answer must be a RSP_UD long frame; otherwise an E5
     * (or, for REQ_UD1, a long frame).
     */
    private Frame exchange(Frame request, String label, String what, ReadOptions options, boolean wantData)
            throws MBusException {
        LinkTiming timing = timing(options);
        int attempts = options.retries(settings) + 1;
        FrameFormatException lastError = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            if (attempt > 1) {
                counters.retries.incrementAndGet();
            }
            FrameReader.Result result;
            try {
                result = send(request, timing);
            } catch (FrameFormatException e) {
                lastError = e;
                countError(e);
                reader.drain(timing);
                continue;
            }
            if (result instanceof FrameReader.Received r) {
                Frame f = r.frame();
                boolean ok = wantData ? f instanceof LongFrame lf && Control.isRspUd(lf.control())
                        : f instanceof SingleCharacter || (f instanceof LongFrame && what.equals("REQ_UD1"));
                int asked = request instanceof ShortFrame sf ? sf.address() : ((LongFrame) request).address();
                if (ok && f instanceof LongFrame lf && asked <= Control.ADDRESS_MAX_PRIMARY && lf.address() != asked) {
                    // Some other slave's (late) answer: not ours, whatever it says.
                    lastError = new FrameFormatException("expected an answer from primary address " + asked
                            + ", found one from " + lf.address(), 5);
                    counters.frameErrors.incrementAndGet();
                    continue;
                }
                if (ok) {
                    return f;
                }
                lastError = new FrameFormatException("expected " + (wantData ? "a RSP_UD long frame" : "E5")
                        + " in answer to " + what + ", found " + f, 0);
                counters.frameErrors.incrementAndGet();
                continue;
            }
            int noise = ((FrameReader.Silence) result).noiseBytes();
            if (noise == 0) {
                counters.timeouts.incrementAndGet();
            } else {
                counters.frameErrors.incrementAndGet();
                lastError = new FrameFormatException("expected a frame in answer to " + what + ", found " + noise
                        + " bytes without a start byte (garbled answer or noise)", 0);
            }
        }
        if (lastError != null) {
            throw new CorruptReplyException(settings.port(), label, what, attempts, lastError);
        }
        throw new NoReplyException(settings, label, what, attempts,
                timing.replyTimeout(wantData ? LongFrame.MAX_DATA + 9 : 1));
    }

    /** One selection or SND_NKE whose answer tells whether nobody, one or several slaves are there. */
    private Probe probe(Frame request) throws MBusException {
        return probe(request, settings.timing());
    }

    private Probe probe(Frame request, LinkTiming timing) throws MBusException {
        FrameReader.Result result;
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                result = send(request, timing);
            } catch (FrameFormatException e) {
                countError(e);
                counters.collisions.incrementAndGet();
                reader.drain(timing);
                return Probe.COLLISION;
            }
            if (result instanceof FrameReader.Silence s) {
                if (s.noiseBytes() == 0) {
                    counters.timeouts.incrementAndGet();
                    return Probe.NONE;
                }
                counters.collisions.incrementAndGet();
                return Probe.COLLISION;
            }
            Frame f = ((FrameReader.Received) result).frame();
            if (f instanceof SingleCharacter) {
                // A second slave answering a little later garbles the line after the first E5.
                if (reader.staysQuiet(3 * timing.charNanos() + 2_000_000L)) {
                    return Probe.ONE;
                }
                counters.collisions.incrementAndGet();
                reader.drain(timing);
                return Probe.COLLISION;
            }
            counters.frameErrors.incrementAndGet();
            reader.drain(timing);
            counters.retries.incrementAndGet();
        }
        return Probe.COLLISION;
    }

    private void countError(FrameFormatException e) {
        if (e instanceof ChecksumMismatchException) {
            counters.checksumErrors.incrementAndGet();
        } else {
            counters.frameErrors.incrementAndGet();
        }
    }

    /** Writes the request after the inter-frame gap and reads one answer. */
    private FrameReader.Result send(Frame request, LinkTiming timing) throws MBusException, FrameFormatException {
        if (closed) {
            throw new PortUnavailableException(settings.port(), "the bus master has been closed", "");
        }
        try {
            if (!transport.isOpen()) {
                transport.open();
                if (wasOpen) {
                    counters.reopens.incrementAndGet();
                    LOG.info("{} is back", settings.port());
                }
                wasOpen = true;
                fcb.clear();
            }
            // EN 13757-2 wants the line idle between an answer and the next request, at least 11 bit
            // times; after a silent address the line has been idle for the whole timeout already.
            long gap = Math.max(settings.interFrameGap().toNanos(), timing.charNanos());
            long wait = lastActivity + gap - System.nanoTime();
            if (lastActivity != 0 && wait > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(wait);
            }
            if (!settings.wakeUp().isZero()) {
                // an optical eye: the preamble before every request, then a pause for the meter to listen
                transport.wakeUp(settings.baud(), settings.wakeUp());
                java.util.concurrent.locks.LockSupport.parkNanos(WAKE_UP_PAUSE_NANOS);
            }
            reader.clear(); // also the preamble's echo, on heads that read back what they send
            byte[] bytes = request.toBytes();
            transport.write(bytes);
            counters.requests.incrementAndGet();
            counters.bytesSent.addAndGet(bytes.length);
            // The answer may start only after our frame has left the line (its wire time).
            long deadline = System.nanoTime() + timing.wireNanos(bytes.length) + timing.firstByteTimeoutNanos();
            long sent = System.nanoTime();
            FrameReader.Result r = null;
            Exception failure = null;
            Instant at = Instant.now();
            try {
                r = reader.read(deadline, timing, bytes);
            } catch (MBusException | FrameFormatException | RuntimeException e) {
                failure = e;
                throw e;
            } finally {
                long now = System.nanoTime();
                frames.add(at, request, r, failure, (now - sent) / 1e6);
                lastActivity = r instanceof FrameReader.Silence s && s.noiseBytes() == 0 ? 0 : now;
                if (LOG.isDebugEnabled()) {
                    LOG.debug("{}: {} -> {} after {} ms", settings.port(), request,
                            r == null ? "invalid frame" : r instanceof FrameReader.Received rec ? rec.frame() : r,
                            String.format(java.util.Locale.ROOT, "%.1f", (now - sent) / 1e6));
                }
            }
            return r;
        } catch (PortUnavailableException e) {
            transport.close();
            fcb.clear();
            lastActivity = 0;
            throw e;
        }
    }

    /** Waits are realistic only if the caller's settings are; expose the timing for tools. */
    public Duration replyTimeout(int replyBytes) {
        return settings.timing().replyTimeout(replyBytes);
    }
}
