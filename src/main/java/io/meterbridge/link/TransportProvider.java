package io.meterbridge.link;

import java.util.Optional;

/**
 * Service-provider hook for transports a higher layer supplies (the in-process simulator in
 * package {@code sim} registers one for {@code sim} and {@code sim:paced} through
 * {@code META-INF/services}), so the link layer never imports what sits above it.
 */
public interface TransportProvider {

    /** A transport for this port, or empty if the port is not one of this provider's. */
    Optional<Transport> create(BusSettings settings);
}
