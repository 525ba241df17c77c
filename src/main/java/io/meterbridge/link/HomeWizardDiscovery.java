package io.meterbridge.link;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.jmdns.JmDNS;
import javax.jmdns.ServiceInfo;

/**
 * Finds HomeWizard Energy devices on the LAN by mDNS/DNS-SD: they announce {@code _hwenergy._tcp}
 * with TXT records {@code product_type}, {@code product_name}, {@code serial} and
 * {@code api_enabled} (HomeWizard's API documentation, "Discovery").
 *
 * <p>JmDNS does the multicast DNS (RFC 6762/6763): queries, known-answer suppression, TXT decoding
 * and interfaces are its business; a hand-written responder parser would be a second, untested
 * copy of what a maintained library already gets right.
 */
public final class HomeWizardDiscovery {

    /** The DNS-SD service type HomeWizard devices announce. */
    public static final String SERVICE_TYPE = "_hwenergy._tcp.local.";

    private HomeWizardDiscovery() {
    }

    /**
     * Browses for {@code wait} on the interface with {@code address} and returns the devices that
     * answered, by name.
     *
     * @throws IOException when mDNS cannot be started on that interface
     */
    public static List<HomeWizardDevice> browse(InetAddress address, Duration wait) throws IOException {
        try (JmDNS mdns = JmDNS.create(address, "meterbridge-scan")) {
            List<HomeWizardDevice> found = new ArrayList<>();
            for (ServiceInfo info : mdns.list(SERVICE_TYPE, wait.toMillis())) {
                found.add(device(info));
            }
            found.sort(Comparator.comparing(HomeWizardDevice::name));
            return found;
        }
    }

    /**
     * The IPv4 address of the first interface that is up, not loopback and multicast-capable: where
     * a HomeWizard on the LAN can be heard ({@code InetAddress.getLocalHost()} is often 127.0.0.1,
     * where no device is).
     *
     * @throws IOException when the host has no such interface
     */
    public static InetAddress lanAddress() throws IOException {
        for (NetworkInterface nic : java.util.Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback() && nic.supportsMulticast()) {
                for (InetAddress a : java.util.Collections.list(nic.getInetAddresses())) {
                    if (a instanceof Inet4Address) {
                        return a;
                    }
                }
            }
        }
        throw new IOException("expected a network interface that is up, not loopback and multicast-capable with an"
                + " IPv4 address, found none; give one with --interface");
    }

    static HomeWizardDevice device(ServiceInfo info) {
        String address = info.getInet4Addresses().length > 0 ? info.getInet4Addresses()[0].getHostAddress()
                : info.getInet6Addresses().length > 0 ? info.getInet6Addresses()[0].getHostAddress() : "";
        return new HomeWizardDevice(info.getName(), address, info.getPort(), text(info, "product_type"),
                text(info, "product_name"), text(info, "serial"), "1".equals(info.getPropertyString("api_enabled")));
    }

    private static String text(ServiceInfo info, String key) {
        String v = info.getPropertyString(key);
        return v == null ? "" : v;
    }
}
