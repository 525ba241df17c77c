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
        String name = port.startsWith("sim:paced:") ? port.substring("sim:paced:".length())
                : port.equals("sim") || port.equals("sim:paced") ? "" : port.substring("sim:".length());
        return BUSES.computeIfAbsent(name, n -> SimBus.standard(Clock.systemUTC()));
    }
}
