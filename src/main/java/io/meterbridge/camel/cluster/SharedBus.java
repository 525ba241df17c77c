package io.meterbridge.camel.cluster;

import java.util.Optional;

import io.meterbridge.camel.mbus.MbusEndpoint;
import io.meterbridge.camel.optical.OpticalEndpoint;
import io.meterbridge.camel.p1.P1Endpoint;
import org.apache.camel.Endpoint;

/**
 * Which bus a route's input reads, as the name of its election, when instances can share it:
 * a TCP gateway ({@code mbus:tcp:…}, {@code p1:tcp:…}, {@code optical:tcp:…}) is reachable by
 * every instance, and so is a simulated bus, whose name stands for a gateway in tests and
 * benchmarks. A serial port is not: {@code /dev/ttyUSB0} on two machines is two buses, each
 * polled by the instance it is plugged into. Asked of the endpoint's configuration, never of its
 * URI text, so that every route reading one bus (two route files, different addresses) lands
 * in one election and is polled by one instance.
 */
public final class SharedBus {

    private SharedBus() {
    }

    /** The election's name ({@code mbus-tcp-10.0.0.5-10001}), or empty for a bus only this machine reaches. */
    public static Optional<String> of(Endpoint endpoint) {
        if (endpoint instanceof MbusEndpoint e) {
            return named("mbus", e.getConfiguration().getBus());
        }
        if (endpoint instanceof P1Endpoint e) {
            return named("p1", e.getPort());
        }
        if (endpoint instanceof OpticalEndpoint e) {
            return named("optical", e.getConfiguration().getPort());
        }
        return Optional.empty();
    }

    /** True for an input that polls or listens to a bus or head, shared or not. */
    static boolean readsABus(Endpoint endpoint) {
        return endpoint instanceof MbusEndpoint || endpoint instanceof P1Endpoint || endpoint instanceof OpticalEndpoint;
    }

    private static Optional<String> named(String scheme, String port) {
        if (port == null || !(port.startsWith("tcp:") || port.equals("sim") || port.startsWith("sim:"))) {
            return Optional.empty();
        }
        // a ZooKeeper node name: no '/', and nothing a shell or a log would misread
        return Optional.of(scheme + "-" + port.replaceAll("[^A-Za-z0-9._-]", "-"));
    }
}
