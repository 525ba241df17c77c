package io.meterbridge.link;

import java.time.Duration;
import java.util.Objects;

/**
 * How to reach one M-Bus and how patient to be with it.
 *
 * <p>{@code port} names the bus: a serial device ({@code /dev/ttyUSB0},
 * {@code /dev/serial/by-id/…}, {@code COM3}), a TCP gateway or ser2net port ({@code tcp:host:port}),
 * or the in-process simulator ({@code sim}, {@code sim:paced} to pace its bytes at the baud rate).
 *
 * <p>The reply timeout is derived from the baud rate as EN 13757-2 clause 5.6 asks — 330 bit
 * times + 50 ms before the first byte of the answer, then the answer's own transmission time —
 * plus {@code adapterLatency} (USB adapters, ser2net and gateways buffer bytes; libmbus budgets
 * about 100 ms) plus {@code extraTimeout} for slow meters.
 *
 * @param port the bus, as above
 * @param baud 300 to 38400 Bd; 2400 is the de-facto default
 * @param parity {@link Parity#EVEN} on a real M-Bus (8E1)
 * @param adapterLatency added to every reply timeout for buffering between the line and us
 * @param extraTimeout added to every reply timeout on top of the standard's (slow meters)
 * @param retries repetitions of a request (same FCB) after a missing or corrupt reply; default 2
 * @param maxTelegrams cap on the telegrams of one multi-telegram readout (DIF 0x1F)
 * @param interFrameGap idle time after a reply before the next request
 * @param connectTimeout TCP connect timeout
 * @param latencyOption how the user raises {@code adapterLatency} where these settings come from,
 *     named in the hint of a {@link NoReplyException}: {@code --latency} on the command line,
 *     the endpoint option in a route
 * @param wakeUp for a meter read through its optical eye (an IR head instead of a wired M-Bus):
 *     how long to send the wake-up preamble before every request — 0x55 bytes at the bus's baud
 *     rate 8N1, then back to the bus's parity (see {@link Transport#wakeUp}); zero for a wired bus
 */
public record BusSettings(String port, int baud, Parity parity, Duration adapterLatency, Duration extraTimeout,
        int retries, int maxTelegrams, Duration interFrameGap, Duration connectTimeout, String latencyOption,
        Duration wakeUp) {

    /**
     * The command line's flag, the default because the CLI builds its settings with {@link #of} and
     * the with-methods; a route's endpoint names its own option with {@link #withLatencyOption}.
     */
    public static final String CLI_LATENCY_OPTION = "--latency";

    public static final int DEFAULT_BAUD = 2400;
    public static final int DEFAULT_RETRIES = 2;
    public static final int DEFAULT_MAX_TELEGRAMS = 16;
    /** Longer than any optical eye needs (published ones: about 2.1 s); a longer one is a typo (seconds for ms). */
    public static final Duration MAX_WAKE_UP = Duration.ofSeconds(10);

    public BusSettings {
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(parity, "parity");
        Objects.requireNonNull(adapterLatency, "adapterLatency");
        Objects.requireNonNull(extraTimeout, "extraTimeout");
        Objects.requireNonNull(interFrameGap, "interFrameGap");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(latencyOption, "latencyOption");
        Objects.requireNonNull(wakeUp, "wakeUp");
        if (port.isBlank()) {
            throw new IllegalArgumentException("expected a port (device path, tcp:host:port or sim), found nothing");
        }
        if (baud < 300 || baud > 38400) {
            throw new IllegalArgumentException("expected a baud rate from 300 to 38400, found " + baud);
        }
        if (retries < 0 || retries > 10) {
            throw new IllegalArgumentException("expected 0 to 10 retries, found " + retries);
        }
        if (maxTelegrams < 1 || maxTelegrams > 1000) {
            throw new IllegalArgumentException("expected a telegram cap of 1 to 1000, found " + maxTelegrams);
        }
        if (adapterLatency.isNegative() || extraTimeout.isNegative() || interFrameGap.isNegative()) {
            throw new IllegalArgumentException("latency, extra timeout and gap must not be negative");
        }
        if (wakeUp.isNegative() || wakeUp.compareTo(MAX_WAKE_UP) > 0) {
            throw new IllegalArgumentException("expected a wake-up of 0 to " + MAX_WAKE_UP.toMillis() + " ms, found "
                    + wakeUp.toMillis() + " ms");
        }
    }

    /**
     * Defaults for a port: 2400 Bd 8E1, 2 retries, 16 telegrams; 50 ms adapter latency on serial
     * and TCP ports, none for the in-process simulator.
     */
    public static BusSettings of(String port) {
        boolean sim = isSimulator(port);
        return new BusSettings(port, DEFAULT_BAUD, Parity.EVEN, Duration.ofMillis(sim ? 0 : 50), Duration.ZERO,
                DEFAULT_RETRIES, DEFAULT_MAX_TELEGRAMS, Duration.ZERO, Duration.ofSeconds(5), CLI_LATENCY_OPTION, Duration.ZERO);
    }

    /** True for {@code sim} and {@code sim:…}: the in-process simulator. */
    public static boolean isSimulator(String port) {
        return port.equals("sim") || port.startsWith("sim:");
    }

    /** True for {@code tcp:host:port}. */
    public boolean isTcp() {
        return port.startsWith("tcp:");
    }

    public BusSettings withWakeUp(Duration d) {
        return new BusSettings(port, baud, parity, adapterLatency, extraTimeout, retries, maxTelegrams, interFrameGap,
                connectTimeout, latencyOption, d);
    }

    public BusSettings withBaud(int b) {
        return new BusSettings(port, b, parity, adapterLatency, extraTimeout, retries, maxTelegrams, interFrameGap,
                connectTimeout, latencyOption, wakeUp);
    }

    public BusSettings withParity(Parity p) {
        return new BusSettings(port, baud, p, adapterLatency, extraTimeout, retries, maxTelegrams, interFrameGap,
                connectTimeout, latencyOption, wakeUp);
    }

    public BusSettings withAdapterLatency(Duration d) {
        return new BusSettings(port, baud, parity, d, extraTimeout, retries, maxTelegrams, interFrameGap,
                connectTimeout, latencyOption, wakeUp);
    }

    public BusSettings withExtraTimeout(Duration d) {
        return new BusSettings(port, baud, parity, adapterLatency, d, retries, maxTelegrams, interFrameGap,
                connectTimeout, latencyOption, wakeUp);
    }

    public BusSettings withRetries(int r) {
        return new BusSettings(port, baud, parity, adapterLatency, extraTimeout, r, maxTelegrams, interFrameGap,
                connectTimeout, latencyOption, wakeUp);
    }

    public BusSettings withMaxTelegrams(int m) {
        return new BusSettings(port, baud, parity, adapterLatency, extraTimeout, retries, m, interFrameGap,
                connectTimeout, latencyOption, wakeUp);
    }

    public BusSettings withConnectTimeout(Duration d) {
        return new BusSettings(port, baud, parity, adapterLatency, extraTimeout, retries, maxTelegrams, interFrameGap,
                d, latencyOption, wakeUp);
    }

    /** @param option how the user raises the adapter latency here, as a hint names it */
    public BusSettings withLatencyOption(String option) {
        return new BusSettings(port, baud, parity, adapterLatency, extraTimeout, retries, maxTelegrams, interFrameGap,
                connectTimeout, option, wakeUp);
    }

    /** The timing rules of EN 13757-2 at this baud rate with this latency. */
    public LinkTiming timing() {
        return new LinkTiming(baud, adapterLatency.plus(extraTimeout));
    }
}
