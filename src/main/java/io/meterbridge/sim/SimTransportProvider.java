package io.meterbridge.sim;

import io.meterbridge.link.BusSettings;
import io.meterbridge.link.Transport;
import io.meterbridge.link.TransportProvider;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes {@code sim} and {@code sim:paced} ports work: one {@link SimBus#standard standard}
 * simulated bus per JVM (shared by both names, so paced and unpaced masters see the same
 * meters), registered through {@code META-INF/services/io.meterbridge.link.TransportProvider}.
 * {@code sim:NAME} and {@code sim:paced:NAME} give further independent buses.
 */
public final class SimTransportProvider implements TransportProvider {

    private static final Map<String, SimBus> BUSES = new ConcurrentHashMap<>();

    @Override
    public Optional<Transport> create(BusSettings settings) {
        String port = settings.port();
        if (!BusSettings.isSimulator(port)) {
            return Optional.empty();
        }
        boolean paced = port.equals("sim:paced") || port.startsWith("sim:paced:");
        return Optional.of(new SimTransport(bus(port), paced, settings.baud(), port));
    }

    /** The simulated bus behind a {@code sim…} port name (created on first use), e.g. to inject faults. */
    public static SimBus bus(String port) {
        return BUSES.computeIfAbsent(busName(port), n -> SimBus.standard(Clock.systemUTC()));
    }

    /**
     * Puts {@code bus} behind a {@code sim…} port name (and its paced twin) before anything uses
     * that name: e.g. {@code SimBus.standard(Clock.fixed(…))}, whose meters then always send the
     * values they send at switch-on, for output that can be compared byte for byte.
     *
     * @throws IllegalStateException if a bus is already behind that name (it may be in use: swapping it would
     *     change the meters under a master's feet)
     */
    public static void install(String port, SimBus bus) {
        SimBus before = BUSES.putIfAbsent(busName(port), bus);
        if (before != null && before != bus) {
            throw new IllegalStateException("expected no simulated bus behind " + port + " yet, found one already "
                    + "created; install a bus before the first use of its port name");
        }
    }

    /** {@code sim} and {@code sim:paced} share the default bus ""; {@code sim:NAME} and {@code sim:paced:NAME} share NAME. */
    private static String busName(String port) {
        return port.startsWith("sim:paced:") ? port.substring("sim:paced:".length())
                : port.equals("sim") || port.equals("sim:paced") ? "" : port.substring("sim:".length());
    }
}
