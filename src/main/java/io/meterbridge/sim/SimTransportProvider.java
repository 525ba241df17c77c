package io.meterbridge.sim;

import io.meterbridge.link.BusSettings;
import io.meterbridge.link.Framing;
import io.meterbridge.link.Transport;
import io.meterbridge.link.TransportProvider;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes the in-process simulator's ports work, registered through
 * {@code META-INF/services/io.meterbridge.link.TransportProvider}:
 * <ul>
 *   <li>{@code sim} and {@code sim:paced}: one {@link SimBus#standard standard} simulated M-Bus per JVM
 *       (shared by both names, so paced and unpaced masters see the same meters); {@code sim:NAME} and
 *       {@code sim:paced:NAME} give further independent buses.</li>
 *   <li>{@code sim:kmp} and {@code sim:kmp:NAME}: the optical eye of a MULTICAL 403-like {@link KmpMeter}
 *       ({@link KmpEye#standard}), one per name.</li>
 *   <li>{@code sim:iec62056} and {@code sim:iec62056:NAME}: the optical eye of a Landis+Gyr ULTRAHEAT
 *       UH50-like {@link UltraheatMeter} ({@link UltraheatEye#standard}), one per name.</li>
 * </ul>
 * Meters and buses are created on first use and shared by every master on the same name, so a test
 * reaches the very meter a route reads, e.g. to inject faults.
 */
public final class SimTransportProvider implements TransportProvider {

    private static final String KMP = "sim:kmp";
    private static final String IEC62056 = "sim:iec62056";

    private static final Map<String, SimBus> BUSES = new ConcurrentHashMap<>();
    private static final Map<String, KmpEye> KMP_EYES = new ConcurrentHashMap<>();
    private static final Map<String, UltraheatEye> IEC_EYES = new ConcurrentHashMap<>();

    @Override
    public Optional<Transport> create(BusSettings settings) {
        String port = settings.port();
        if (!BusSettings.isSimulator(port)) {
            return Optional.empty();
        }
        if (isOptical(port, KMP)) {
            return Optional.of(new OpticalSimTransport(kmpEye(port), Framing.KMP.withBaud(settings.baud()), port));
        }
        if (isOptical(port, IEC62056)) {
            return Optional.of(new OpticalSimTransport(ultraheatEye(port),
                    Framing.IEC62056_INITIAL.withBaud(settings.baud()), port));
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

    /** The KMP meter behind {@code sim:kmp} or {@code sim:kmp:NAME} (created on first use), e.g. to inject faults. */
    public static KmpMeter kmpMeter(String port) {
        return kmpEye(port).meter();
    }

    /** The ULTRAHEAT behind {@code sim:iec62056} or {@code sim:iec62056:NAME} (created on first use). */
    public static UltraheatMeter ultraheatMeter(String port) {
        return ultraheatEye(port).meter();
    }

    /**
     * Puts {@code eye} behind {@code sim:kmp[:NAME]} or {@code sim:iec62056[:NAME]} before anything uses
     * that name, e.g. a meter with another serial number or a fixed clock.
     *
     * @throws IllegalArgumentException if the port is not one of those
     * @throws IllegalStateException if a meter is already behind that name
     */
    public static void install(String port, OpticalEye eye) {
        OpticalEye before;
        if (isOptical(port, KMP) && eye instanceof KmpEye k) {
            before = KMP_EYES.putIfAbsent(opticalName(port, KMP), k);
        } else if (isOptical(port, IEC62056) && eye instanceof UltraheatEye u) {
            before = IEC_EYES.putIfAbsent(opticalName(port, IEC62056), u);
        } else {
            throw new IllegalArgumentException("expected a KmpEye behind sim:kmp[:NAME] or an UltraheatEye behind "
                    + "sim:iec62056[:NAME], found " + eye.getClass().getSimpleName() + " for " + port);
        }
        if (before != null && before != eye) {
            throw new IllegalStateException("expected no simulated meter behind " + port + " yet, found one already "
                    + "created; install a meter before the first use of its port name");
        }
    }

    private static KmpEye kmpEye(String port) {
        requireOptical(port, KMP);
        return KMP_EYES.computeIfAbsent(opticalName(port, KMP), n -> KmpEye.standard(new RandomFaults<>(1)));
    }

    private static UltraheatEye ultraheatEye(String port) {
        requireOptical(port, IEC62056);
        return IEC_EYES.computeIfAbsent(opticalName(port, IEC62056), n -> UltraheatEye.standard(new RandomFaults<>(1)));
    }

    /** {@code sim:kmp} or {@code sim:kmp:NAME} for {@code prefix} sim:kmp. */
    private static boolean isOptical(String port, String prefix) {
        return port.equals(prefix) || port.startsWith(prefix + ":");
    }

    private static void requireOptical(String port, String prefix) {
        if (!isOptical(port, prefix)) {
            throw new IllegalArgumentException("expected " + prefix + " or " + prefix + ":NAME, found " + port);
        }
    }

    private static String opticalName(String port, String prefix) {
        return port.equals(prefix) ? "" : port.substring(prefix.length() + 1);
    }

    /** {@code sim} and {@code sim:paced} share the default bus ""; {@code sim:NAME} and {@code sim:paced:NAME} share NAME. */
    private static String busName(String port) {
        return port.startsWith("sim:paced:") ? port.substring("sim:paced:".length())
                : port.equals("sim") || port.equals("sim:paced") ? "" : port.substring("sim:".length());
    }
}
