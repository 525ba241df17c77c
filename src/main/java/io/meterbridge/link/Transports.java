package io.meterbridge.link;

import java.util.ServiceLoader;

/** Picks the transport for a port name: providers first ({@code sim}), then {@code tcp:host:port}, then serial. */
public final class Transports {

    private Transports() {
    }

    /** A (closed) transport for the settings' port. */
    public static Transport create(BusSettings settings) throws PortUnavailableException {
        for (TransportProvider provider : ServiceLoader.load(TransportProvider.class)) {
            var t = provider.create(settings);
            if (t.isPresent()) {
                return t.get();
            }
        }
        if (BusSettings.isSimulator(settings.port())) {
            throw new PortUnavailableException(settings.port(), "the in-process simulator is not on the class path",
                    "use the meterbridge JAR, which contains it");
        }
        if (settings.isTcp()) {
            return TcpTransport.of(settings);
        }
        return new SerialTransport(settings);
    }
}
