package io.meterbridge.camel.homeassistant;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

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

    /** The {@code mbus:} component's header with the address a meter was read at. */
    static final String MBUS_ADDRESS_HEADER = io.meterbridge.camel.mbus.MbusConstants.ADDRESS;
    /** The {@code mbus:} component's option listing the meters of a polling endpoint. */
    static final String MBUS_ADDRESSES_OPTION = "addresses";

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
     * The sources a route input configures: for a polling {@code mbus:} endpoint one per address of
     * its {@code addresses} option, for any other endpoint the endpoint itself.
     *
     * @param baseUri the endpoint's base URI (no options)
     * @param uri the endpoint's full URI (options after {@code ?})
     */
    static List<Source> configuredBy(String baseUri, String uri) {
        List<Source> out = new ArrayList<>();
        if (baseUri.startsWith("mbus:")) {
            String addresses = options(uri).get(MBUS_ADDRESSES_OPTION);
            if (addresses != null && !addresses.isBlank()) {
                for (String a : addresses.split(",")) {
                    if (!a.isBlank()) {
                        out.add(new Source(baseUri, a));
                    }
                }
                return out;
            }
        }
        out.add(new Source(baseUri, null));
        return out;
    }

    /** The options of a URI, decoded ({@code %2C} → {@code ,}); the last of a repeated option wins. */
    static Map<String, String> options(String uri) {
        Map<String, String> m = new LinkedHashMap<>();
        int q = uri.indexOf('?');
        if (q < 0) {
            return m;
        }
        for (String pair : uri.substring(q + 1).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            m.put(decode(k), decode(v));
        }
        return m;
    }

    private static String decode(String s) {
        // RAW(...) values are Camel's way of passing text verbatim
        if (s.startsWith("RAW(") && s.endsWith(")")) {
            return s.substring(4, s.length() - 1);
        }
        return java.net.URLDecoder.decode(s.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
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
