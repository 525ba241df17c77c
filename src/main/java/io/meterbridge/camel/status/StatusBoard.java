package io.meterbridge.camel.status;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.meterbridge.camel.journal.JournalEndpoint;
import io.meterbridge.camel.mbus.MbusConstants;
import io.meterbridge.camel.mbus.MbusEndpoint;
import io.meterbridge.camel.optical.OpticalEndpoint;
import io.meterbridge.camel.p1.P1Endpoint;
import io.meterbridge.camel.reading.ExchangeEndNotifier;
import io.meterbridge.camel.reading.ReadingConstants;
import io.meterbridge.meter.Reading;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;

/**
 * Follows every poll and reading from Camel's exchange events, so that no route needs a step for
 * the page: an exchange from an {@code mbus:}, {@code optical:} or {@code p1:} input is one poll
 * (one telegram for P1) of one meter, good when it ends without a failure, with the reading its
 * body then holds (the shipped routes end with the reading's JSON; a {@link Reading} or a map is
 * taken as well). A failed exchange of any other route (an output that could not deliver) is
 * listed among the last errors.
 *
 * <p>Every change bumps {@link #version()}, which the page's event stream waits on.
 */
public final class StatusBoard extends ExchangeEndNotifier {

    /** Polls kept per meter for the page's strip. */
    static final int HISTORY = 50;
    /** Errors kept for "last errors". */
    static final int ERRORS = 20;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() { };

    private final Clock clock;
    private final int offlineAfterFailedPolls;
    private final Duration p1OfflineAfter;
    private final Map<String, MeterStatus> meters = new LinkedHashMap<>();
    private final ArrayDeque<BridgeError> errors = new ArrayDeque<>(ERRORS);
    private final List<Listener> listeners = new ArrayList<>();
    private long version;

    /** Told of every finished poll and every delivery attempt of an output, after the board took it in: for metrics. */
    interface Listener {
        void polled(String meterKey, boolean ok, long millis);

        /** @param output {@code journal/cursor} of the output's journal consumer ({@code readings/mqtt}) */
        void delivered(String output, boolean ok);
    }

    /**
     * @param offlineAfterFailedPolls a polled meter is offline after this many failed polls in a row
     * @param p1OfflineAfter a meter that sends by itself is offline when silent this long
     */
    public StatusBoard(Clock clock, int offlineAfterFailedPolls, Duration p1OfflineAfter) {
        this.clock = clock;
        this.offlineAfterFailedPolls = offlineAfterFailedPolls;
        this.p1OfflineAfter = p1OfflineAfter;
    }

    synchronized void addListener(Listener listener) {
        listeners.add(listener);
    }

    private synchronized List<Listener> listeners() {
        return List.copyOf(listeners);
    }

    @Override
    protected void ended(Exchange exchange, Exception failure) {
        Endpoint from = exchange.getFromEndpoint();
        boolean meter = from instanceof MbusEndpoint || from instanceof OpticalEndpoint || from instanceof P1Endpoint;
        if (meter) {
            polled(exchange, from, failure);
            return;
        }
        if (from instanceof JournalEndpoint j) {
            String output = j.getName() + "/" + j.getCursor();
            for (Listener l : listeners()) {
                l.delivered(output, failure == null);
            }
        }
        if (failure != null) {
            String key = exchange.getMessage().getHeader(ReadingConstants.METER_KEY, String.class);
            error(key != null ? key : "route " + exchange.getFromRouteId(), failure);
        }
    }

    private void polled(Exchange exchange, Endpoint from, Exception failure) {
        String address = from instanceof MbusEndpoint
                ? exchange.getMessage().getHeader(MbusConstants.ADDRESS, String.class) : null;
        String source = from.getEndpointBaseUri();
        String key = exchange.getMessage().getHeader(ReadingConstants.METER_KEY, String.class);
        Instant at = Instant.ofEpochMilli(exchange.getClock().getCreated());
        long millis = exchange.getClock().elapsed();
        Map<String, Object> reading = failure == null ? reading(exchange.getMessage().getBody()) : null;
        List<Listener> told;
        synchronized (this) {
            MeterStatus m = meters.computeIfAbsent(source + "#" + address, s -> new MeterStatus(source, address, HISTORY));
            if (failure == null) {
                m.read(key, exchange.getFromRouteId(), reading, at, millis);
            } else {
                m.failed(key, exchange.getFromRouteId(), message(failure), at, millis, offlineAfterFailedPolls);
                addError(m.key(), failure);
            }
            key = m.key();
            version++;
            notifyAll();
            told = List.copyOf(listeners);
        }
        for (Listener l : told) {
            l.polled(key, failure == null, millis);
        }
    }

    /** The reading an exchange ended with, as its flat map; empty when the body is none of these. */
    static Map<String, Object> reading(Object body) {
        if (body instanceof Reading r) {
            return r.toMap();
        }
        if (body instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), v));
            return out;
        }
        if (body instanceof String s && s.startsWith("{")) {
            try {
                return JSON.readValue(s, MAP);
            } catch (IOException e) {
                return Map.of();
            }
        }
        return Map.of();
    }

    /** Records a failure outside a poll (an output, the bus); the same as the last one only bumps its time. */
    public synchronized void error(String meter, Exception failure) {
        addError(meter, failure);
        version++;
        notifyAll();
    }

    private void addError(String meter, Exception failure) {
        String message = message(failure);
        BridgeError last = errors.peekLast();
        if (last != null && last.meter().equals(meter) && last.message().equals(message)) {
            errors.removeLast();
        } else if (errors.size() == ERRORS) {
            errors.removeFirst();
        }
        errors.addLast(new BridgeError(clock.instant(), meter, message));
    }

    private static String message(Exception e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    /** A number that changes with every poll, reading and error. */
    public synchronized long version() {
        return version;
    }

    /** Waits up to {@code millis} for {@link #version()} to differ from {@code seen}; returns it. */
    public synchronized long awaitChange(long seen, long millis) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000;
        long left = millis;
        while (version == seen && left > 0) {
            wait(left);
            left = (end - System.nanoTime()) / 1_000_000;
        }
        return version;
    }

    /** Every meter seen, in the order first seen. */
    public synchronized List<MeterView> meters() {
        Instant now = clock.instant();
        List<MeterView> out = new ArrayList<>(meters.size());
        for (MeterStatus m : meters.values()) {
            out.add(m.view(now, m.source().startsWith("p1:") ? p1OfflineAfter : null));
        }
        return out;
    }

    /** The last errors, newest first. */
    public synchronized List<BridgeError> errors() {
        List<BridgeError> out = new ArrayList<>(errors);
        java.util.Collections.reverse(out);
        return out;
    }

    /** When any meter was last read well, if one was. */
    public synchronized Optional<Instant> lastReading() {
        return meters.values().stream().map(MeterStatus::lastReadAt).filter(java.util.Objects::nonNull)
                .max(Instant::compareTo);
    }
}
