package io.meterbridge.camel.homeassistant;

import io.meterbridge.camel.mbus.MbusConstants;
import io.meterbridge.camel.mbus.MbusEndpoint;
import io.meterbridge.link.MeterAddress;
import io.meterbridge.meter.MeterIdentity;
import io.meterbridge.meter.Reading;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;

/**
 * Where a meter is read: the route input it arrives from and, for an M-Bus meter, the address in
 * that input's address list. A meter whose source is no longer configured (its address deleted
 * from {@code addresses=…}, or its route deleted) is removed from Home Assistant.
 *
 * <p>The endpoint is Camel's base URI without options ({@code mbus://sim}, {@code p1://dev/ttyUSB1}),
 * so that editing other options of a route (the poll delay, another address) does not change the
 * source of the meters that stay.
 *
 * @param endpoint the base URI of the route's input endpoint
 * @param address the normalised M-Bus address ({@code 1}, {@code 829371332D2C4004}), or null
 */
public record Source(String endpoint, String address) {

    public Source {
        Objects.requireNonNull(endpoint, "endpoint");
        if (endpoint.isBlank()) {
            throw new IllegalArgumentException("a source needs an endpoint, found nothing");
        }
        if (address != null) {
            address = normaliseAddress(address);
        }
    }

    /**
     * A primary address as its number without leading zeros ({@code 01} → {@code 1}); a secondary
     * address (16 hex digits, wildcards F allowed) in upper case.
     */
    static String normaliseAddress(String address) {
        String a = address.trim();
        if (a.isEmpty()) {
            throw new IllegalArgumentException("empty M-Bus address");
        }
        if (a.length() <= 3 && a.chars().allMatch(Character::isDigit)) {
            return Integer.toString(Integer.parseInt(a));
        }
        return a.toUpperCase(Locale.ROOT);
    }

    /** True for a P1 meter, which sends by itself; every other source is polled. */
    boolean sendsByItself() {
        return scheme().equals("p1");
    }

    /** The scheme of the endpoint ({@code mbus}, {@code p1}, {@code direct}). */
    String scheme() {
        int colon = endpoint.indexOf(':');
        return colon < 0 ? endpoint : endpoint.substring(0, colon);
    }

    /**
     * Where the meter of {@code exchange} is read: its route's input and, for an {@code mbus:}
     * input (one route polls several meters), the address the consumer put in its header, else
     * that of {@code reading} (may be null, a failed poll); any other input ({@code p1:}, a timer
     * route reading one meter) is the meter's source by itself.
     */
    static Source of(Exchange exchange, Reading reading) {
        Endpoint from = exchange.getFromEndpoint();
        String endpoint = from != null ? from.getEndpointBaseUri() : "unknown:" + exchange.getFromRouteId();
        String address = null;
        if (from instanceof MbusEndpoint) {
            address = exchange.getMessage().getHeader(MbusConstants.ADDRESS, String.class);
            if (address == null && reading != null) {
                MeterIdentity id = reading.meter();
                address = id.primaryAddress() != null ? id.primaryAddress().toString()
                        : id.secondaryAddress() != null ? id.secondaryAddress().toString() : null;
            }
        }
        return new Source(endpoint, address);
    }

    /**
     * The sources a route input configures: for an {@code mbus:} endpoint one per address of its
     * {@code addresses} option (as the endpoint parsed it), for any other endpoint the endpoint itself.
     */
    static List<Source> configuredBy(Endpoint endpoint) {
        List<Source> out = new ArrayList<>();
        String base = endpoint.getEndpointBaseUri();
        if (endpoint instanceof MbusEndpoint mbus) {
            List<MeterAddress> addresses;
            try {
                addresses = mbus.getConfiguration().meterAddresses();
            } catch (IllegalArgumentException e) {
                // the consumer refuses to start with these addresses and says why: it configures no meter
                return out;
            }
            for (MeterAddress a : addresses) {
                out.add(new Source(base, a.toString()));
            }
            if (!out.isEmpty()) {
                return out;
            }
        }
        out.add(new Source(base, null));
        return out;
    }

    /** {@code endpoint} or {@code endpoint#address}; {@link #parse} reads it back. */
    @Override
    public String toString() {
        return address == null ? endpoint : endpoint + "#" + address;
    }

    /** Reads {@link #toString()} back. */
    public static Source parse(String text) {
        int hash = text.lastIndexOf('#');
        if (hash < 0) {
            return new Source(text, null);
        }
        if (hash == 0 || hash == text.length() - 1) {
            throw new IllegalArgumentException("expected a source \"<endpoint>\" or \"<endpoint>#<address>\", found \""
                    + text + "\"");
        }
        return new Source(text.substring(0, hash), text.substring(hash + 1));
    }
}
