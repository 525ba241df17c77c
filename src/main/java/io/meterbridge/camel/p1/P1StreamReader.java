package io.meterbridge.camel.p1;

import io.meterbridge.link.PortUnavailableException;
import io.meterbridge.link.Transport;
import io.meterbridge.p1.CrcMismatch;
import io.meterbridge.p1.Dropped;
import io.meterbridge.p1.EncryptedP1Framer;
import io.meterbridge.p1.P1FormatException;
import io.meterbridge.p1.P1Frame;
import io.meterbridge.p1.P1Framer;
import io.meterbridge.p1.P1FramerEvent;
import io.meterbridge.p1.P1Parser;
import io.meterbridge.p1.P1Telegram;
import io.meterbridge.p1.TelegramFramer;
import io.meterbridge.p1.Undecryptable;
import io.meterbridge.p1.dlms.HanDecoder;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one P1 port for as long as it runs: opens the {@link Transport}, frames the byte stream
 * with a {@link P1Framer}, parses each good telegram and hands it to a {@link Sink}; when the port
 * is lost or cannot be opened it logs one clear line naming the port and opens it again with
 * exponential back-off, without end.
 *
 * <p>Survives joining mid-telegram (the tail is noise), line noise, a telegram cut off by a pulled
 * cable (reported as truncated when the stream ends or the next {@code /} arrives), bad CRCs and
 * parity errors (dropped, counted, logged at most once a minute per kind). One thread runs
 * {@link #run()}; {@link #stop()} and {@link #statistics()} may be called from any thread.
 */
final class P1StreamReader implements Runnable {

    /** Receives each good telegram, on the reader's thread, in stream order. */
    @FunctionalInterface
    interface Sink {
        void telegram(P1Frame frame, P1Telegram telegram, Instant receivedAt);
    }

    private static final Logger LOG = LoggerFactory.getLogger(P1StreamReader.class);
    private static final long READ_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** Quiet this long mid-telegram, the telegram was cut off: meters send each one in a burst. */
    private static final long PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
    /** Several telegrams worth of bytes without one telegram: the serial settings are wrong. */
    private static final long NO_TELEGRAM_HINT_BYTES = 8192;

    private final String name;
    private final Transport transport;
    private final P1CharacterDecoder decoder;
    private final P1Configuration config;
    private final Clock clock;
    private final Sink sink;
    private final TelegramFramer framer;
    /** DLMS pushes in HDLC frames; null when the port is DSMR for sure. */
    private final HanDecoder han;
    /** DSMR or DLMS once known; {@link P1Protocol#AUTO} while the first bytes are looked at. */
    private P1Protocol protocol;
    /** With AUTO: the bytes looked at so far, fed to the protocol they show once it is known. */
    private byte[] undecided = new byte[0];
    private final ArrayDeque<Long> parityErrorPositions = new ArrayDeque<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean running = true;

    private long position;
    private long bytesThisConnection;
    /** Connections in a row that opened and were lost before a byte came; reader thread only. */
    private int silentLosses;
    /** When the first of those connections was lost. */
    private long silentSince;
    private volatile P1Framer.Statistics framerStatistics;
    private volatile long telegrams;
    private volatile long parityErrors;
    private volatile long parseErrors;
    private volatile long connects;
    private volatile long disconnects;

    private final RateLimitedLog crcLog = new RateLimitedLog(LOG);
    private final RateLimitedLog droppedLog = new RateLimitedLog(LOG);

    /**
     * @param name      the port as configured, for log lines
     * @param transport the port (closed)
     * @param decoder   how to read its characters
     * @param config    back-off, idle timeout, telegram size
     * @param clock     stamps the reception time
     * @param sink      receives good telegrams
     */
    P1StreamReader(String name, Transport transport, P1CharacterDecoder decoder, P1Configuration config, Clock clock,
            Sink sink) {
        this.name = name;
        this.transport = transport;
        this.decoder = decoder;
        this.config = config;
        this.clock = clock;
        this.sink = sink;
        this.framer = config.encrypted() ? new EncryptedP1Framer(config.cipher(), config.getMaxTelegramBytes())
                : new P1Framer(config.getMaxTelegramBytes());
        this.framerStatistics = framer.statistics();
        this.protocol = config.getDataBits() == 7 ? P1Protocol.DSMR : config.getProtocol();
        this.han = protocol == P1Protocol.DSMR ? null
                : new HanDecoder(config.encrypted() ? Optional.of(config.cipher()) : Optional.empty());
    }

    /** Reads until {@link #stop()}. */
    @Override
    public void run() {
        long delay = config.getReconnectDelay();
        long outageStart = -1;
        boolean everOpen = false;
        try {
            while (running) {
                try {
                    transport.open();
                } catch (PortUnavailableException e) {
                    if (outageStart < 0) {
                        outageStart = System.nanoTime();
                        LOG.warn("P1 port {}: {}; trying again in {} ms, backing off to {} ms", name, problem(e),
                                delay, config.getMaxReconnectDelay());
                    } else {
                        LOG.debug("P1 port {}: still unavailable: {}", name, problem(e));
                    }
                    sleep(delay);
                    delay = Math.min(delay * 2, config.getMaxReconnectDelay());
                    continue;
                }
                connects++;
                if (silentLosses > 0) {
                    LOG.debug("P1 port {}: open again, reading {}", name, transport.describe());
                } else if (outageStart >= 0 && everOpen) {
                    LOG.info("P1 port {}: open again after {} s, reading {}", name, String.format(java.util.Locale.ROOT,
                            "%.1f", (System.nanoTime() - outageStart) / 1e9), transport.describe());
                } else {
                    LOG.info("P1 port {}: reading telegrams from {}", name, transport.describe()
                            + (decoder.checksParity() ? ", 7 data bits with " + config.getParity().name()
                                    .toLowerCase(java.util.Locale.ROOT) + " parity checked" : ""));
                }
                everOpen = true;
                outageStart = -1;
                bytesThisConnection = 0;
                try {
                    readUntilLost();
                } catch (PortUnavailableException e) {
                    disconnects++;
                    outageStart = System.nanoTime();
                    if (bytesThisConnection > 0) {
                        // the connection worked: a new outage starts with the short delay again
                        delay = config.getReconnectDelay();
                    }
                    // a port that opens and then gives nothing, again and again (a HomeWizard whose
                    // local API is off answers every poll 403): one warning for the outage, not one a retry
                    if (bytesThisConnection == 0 && silentLosses > 0) {
                        silentLosses++;
                        LOG.debug("P1 port {}: still unavailable: {}", name, e.problem());
                    } else {
                        if (bytesThisConnection == 0) {
                            silentLosses = 1;
                            silentSince = outageStart;
                        }
                        // the problem only: link's hints speak of the next M-Bus request
                        LOG.warn("P1 port {}: lost: {}; opening it again in {} ms, backing off to {} ms", name,
                                e.problem(), delay, config.getMaxReconnectDelay());
                    }
                } finally {
                    transport.close();
                    handle(framer.endOfStream());
                    if (protocol == P1Protocol.DLMS) {
                        han.endOfStream().forEach(this::handle);
                    }
                    framerStatistics = framer.statistics();
                }
                if (running) {
                    sleep(delay);
                    delay = Math.min(delay * 2, config.getMaxReconnectDelay());
                }
            }
        } finally {
            transport.close();
        }
    }

    /** The exception's problem and hint without the port name (our log line names the port). */
    private static String problem(PortUnavailableException e) {
        return e.problem() + (e.hint().isEmpty() ? "" : "; " + e.hint());
    }

    /** Reads until the port fails or the reader is stopped. */
    private void readUntilLost() throws PortUnavailableException {
        byte[] buffer = new byte[4096];
        long lastByte = System.nanoTime();
        long idleNanos = TimeUnit.MILLISECONDS.toNanos(config.getIdleTimeout());
        long telegramsAtConnect = telegrams;
        boolean hinted = false;
        P1StreamLook look = new P1StreamLook();
        while (running) {
            int n = transport.read(buffer, 0, buffer.length, READ_TIMEOUT_NANOS);
            long now = System.nanoTime();
            if (n == 0) {
                if (now - lastByte >= PAUSE_NANOS) {
                    handle(framer.pause());
                }
                if (idleNanos > 0 && now - lastByte > idleNanos) {
                    throw new PortUnavailableException(name, "no data for " + config.getIdleTimeout() + " ms",
                            "is the P1 cable in and the meter's P1 port enabled? (idleTimeout=0 turns this off)");
                }
                continue;
            }
            lastByte = now;
            if (silentLosses > 0) {
                LOG.info("P1 port {}: telegrams again after {} s, reading {}", name, String.format(java.util.Locale.ROOT,
                        "%.1f", (now - silentSince) / 1e9), transport.describe());
                silentLosses = 0;
            }
            bytesThisConnection += n;
            if (!hinted) {
                look.scan(buffer, n); // before decoding, which clears bit 7 of plain streams
            }
            feed(buffer, n);
            long horizon = position - config.getMaxTelegramBytes() - 8;
            while (!parityErrorPositions.isEmpty() && parityErrorPositions.peekFirst() < horizon) {
                parityErrorPositions.pollFirst();
            }
            framerStatistics = framer.statistics();
            if (!hinted && bytesThisConnection > NO_TELEGRAM_HINT_BYTES) {
                hinted = true;
                if (telegrams == telegramsAtConnect) {
                    LOG.warn("P1 port {}: {} bytes arrived but no telegram: {}", name, bytesThisConnection,
                            look.hint(config.encrypted()));
                }
            }
        }
    }

    private void feed(byte[] bytes, int n) {
        if (protocol == P1Protocol.AUTO) {
            byte[] seen = java.util.Arrays.copyOf(undecided, undecided.length + n);
            System.arraycopy(bytes, 0, seen, undecided.length, n);
            P1Protocol shown = P1Protocol.recognise(seen, seen.length);
            // nothing sure after a whole telegram's worth: DSMR, whose framer and hints know noise
            if (shown == P1Protocol.AUTO && seen.length <= config.getMaxTelegramBytes()) {
                undecided = seen;
                return;
            }
            protocol = shown == P1Protocol.AUTO ? P1Protocol.DSMR : shown;
            undecided = null;
            LOG.info("P1 port {}: {}", name, protocol == P1Protocol.DLMS ? "DLMS/COSEM pushes in HDLC frames (HAN port)"
                    : "DSMR telegrams");
            bytes = seen;
            n = seen.length;
        }
        if (protocol == P1Protocol.DLMS) {
            position += n;
            han.feed(bytes, 0, n).forEach(this::handle);
            return;
        }
        decoder.decode(bytes, 0, n, position, parityErrorPositions::addLast);
        List<P1FramerEvent> events = framer.feed(bytes, 0, n);
        position += n;
        handle(events);
    }

    private void handle(HanDecoder.Result result) {
        if (result instanceof HanDecoder.Decoded d) {
            telegrams++;
            // no text to show: the push is binary; its offset locates it in the stream
            sink.telegram(new P1Frame(new byte[0], d.offset(), OptionalInt.empty()), d.telegram(), clock.instant());
        } else if (result instanceof HanDecoder.Failed f) {
            parseErrors++;
            droppedLog.warn("P1 port {}: {}; dropped", name, f.detail());
        }
    }

    private void handle(List<P1FramerEvent> events) {
        for (P1FramerEvent event : events) {
            if (event instanceof P1Frame frame) {
                deliver(frame);
            } else if (event instanceof CrcMismatch crc) {
                crcLog.warn("P1 port {}: {}; dropped", name, crc.message());
            } else if (event instanceof Undecryptable u) {
                crcLog.warn("P1 port {}: {}; dropped", name, u.detail());
            } else if (event instanceof Dropped d && d.reason() == Dropped.Reason.NOISE) {
                // joining mid-telegram, or line noise: expected now and then
                LOG.debug("P1 port {}: {}", name, d);
            } else {
                droppedLog.info("P1 port {}: {}", name, event);
            }
        }
    }

    private void deliver(P1Frame frame) {
        long end = frame.offset() + frame.bytes().length;
        for (long p : parityErrorPositions) {
            if (p >= frame.offset() && p < end) {
                parityErrors++;
                crcLog.warn("P1 port {}: telegram at byte offset {}: parity error at offset {}; dropped", name,
                        frame.offset(), p);
                return;
            }
        }
        P1Telegram telegram;
        try {
            telegram = P1Parser.parse(frame);
        } catch (P1FormatException e) {
            parseErrors++;
            droppedLog.warn("P1 port {}: telegram at byte offset {} not understood: {}; dropped", name,
                    frame.offset(), e.getMessage());
            return;
        }
        telegrams++;
        sink.telegram(frame, telegram, clock.instant());
    }

    private void sleep(long millis) {
        try {
            stopped.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Ends {@link #run()} within about a second (the read timeout). */
    void stop() {
        running = false;
        stopped.countDown();
    }

    /** Counts so far. */
    P1Statistics statistics() {
        P1Framer.Statistics f = framerStatistics;
        return new P1Statistics(telegrams, f.crcMismatches(), parityErrors, parseErrors, f.truncated(), f.oversized(),
                f.malformed(), f.undecryptable(), f.noiseBytes(), position, connects, disconnects);
    }
}
