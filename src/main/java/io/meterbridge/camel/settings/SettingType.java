package io.meterbridge.camel.settings;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.meterbridge.camel.mbus.MbusConfiguration;

/** The values a setting takes; {@link #problem} says what is wrong with one that is not allowed. */
public sealed interface SettingType {

    /** What is allowed, for a message: {@code "a duration such as 30s, 5m, 1h or milliseconds"}. */
    String allowed();

    /**
     * Why {@code value} (trimmed, not blank) is not allowed, or empty if it is. Types whose only
     * message is "expected {@link #allowed()}" implement {@link #accepts} instead.
     */
    default Optional<String> problem(String value) {
        return accepts(value) ? Optional.empty() : Optional.of("expected " + allowed());
    }

    /** Whether {@code value} is allowed; for types with their own messages, that {@link #problem} has none. */
    default boolean accepts(String value) {
        return problem(value).isEmpty();
    }

    /** Any text. */
    record Text() implements SettingType {
        @Override
        public String allowed() {
            return "any text";
        }

        @Override
        public boolean accepts(String value) {
            return true;
        }
    }

    /** One of a few words or numbers, compared without regard to case. */
    record Choice(List<String> values) implements SettingType {
        public Choice {
            values = List.copyOf(values);
        }

        static Choice of(String... values) {
            return new Choice(List.of(values));
        }

        @Override
        public String allowed() {
            return "one of " + String.join(", ", values);
        }

        @Override
        public boolean accepts(String value) {
            return values.stream().anyMatch(value::equalsIgnoreCase);
        }
    }

    /** A whole number from {@code min} to {@code max}. */
    record Whole(long min, long max) implements SettingType {
        @Override
        public String allowed() {
            return max == Long.MAX_VALUE ? "a whole number of at least " + min : "a whole number from " + min + " to " + max;
        }

        @Override
        public boolean accepts(String value) {
            try {
                long n = Long.parseLong(value);
                return n >= min && n <= max;
            } catch (NumberFormatException e) {
                return false;
            }
        }
    }

    /**
     * A duration as Camel's scheduler reads it: milliseconds ({@code 500}) or {@code 1d2h3m4s5ms}
     * parts in that order, of at least {@code minMillis}. Camel itself reads {@code abc} as 0 and
     * then polls at its default rate, so this is stricter on purpose.
     */
    record Millis(long minMillis) implements SettingType {
        private static final Pattern UNITS = Pattern.compile("(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m(?!s))?(?:(\\d+)s)?(?:(\\d+)ms)?");

        @Override
        public String allowed() {
            return "a duration such as 30s, 5m, 1h or 1h30m, or milliseconds" + (minMillis > 0 ? ", of at least " + minMillis + " ms" : "");
        }

        @Override
        public boolean accepts(String value) {
            long ms = millis(value);
            return ms >= 0 && ms >= minMillis;
        }

        /** The duration in milliseconds, or -1 if {@code value} is not one. */
        static long millis(String value) {
            if (value.chars().allMatch(Character::isDigit)) {
                return value.length() > 18 ? -1 : Long.parseLong(value);
            }
            Matcher m = UNITS.matcher(value.toLowerCase(Locale.ROOT));
            if (!m.matches()) {
                return -1;
            }
            long[] unit = {86_400_000L, 3_600_000L, 60_000L, 1000L, 1L};
            long total = 0;
            for (int i = 0; i < unit.length; i++) {
                if (m.group(i + 1) != null) {
                    total += Long.parseLong(m.group(i + 1)) * unit[i];
                }
            }
            return total;
        }
    }

    /** A URL with a host, of one of {@code schemes}. */
    record Link(List<String> schemes) implements SettingType {
        private static final Pattern HOST_PORT = Pattern.compile("[^/:\\s]+:\\d{1,5}(/.*)?");

        public Link {
            schemes = List.copyOf(schemes);
        }

        @Override
        public String allowed() {
            return "a URL such as " + schemes.get(0) + "://host:port (" + String.join(", ", schemes) + ")";
        }

        @Override
        public Optional<String> problem(String value) {
            if (!value.contains("://")) {
                return Optional.of("expected " + allowed()
                        + (HOST_PORT.matcher(value).matches() ? "; did you mean " + schemes.get(0) + "://" + value + "?" : ""));
            }
            try {
                URI uri = new URI(value);
                String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
                if (!schemes.contains(scheme)) {
                    return Optional.of("expected " + allowed() + ", found the scheme " + uri.getScheme());
                }
                if (uri.getHost() == null) {
                    return Optional.of("expected " + allowed() + ", found no host");
                }
                return Optional.empty();
            } catch (URISyntaxException | NullPointerException e) {
                return Optional.of("expected " + allowed() + ", found something that is no URL"
                        + (e instanceof URISyntaxException u ? " (" + u.getReason() + " at character " + (u.getIndex() + 1) + ")" : ""));
            }
        }
    }

    /** A decimal number greater than zero. */
    record Positive() implements SettingType {
        @Override
        public String allowed() {
            return "a number greater than 0 (a dot for decimals, e.g. 35.17)";
        }

        @Override
        public boolean accepts(String value) {
            try {
                return new java.math.BigDecimal(value).signum() > 0;
            } catch (NumberFormatException e) {
                return false;
            }
        }
    }

    /** An AES-128 key: 32 hex digits, or with {@code noneAllowed} the word {@code none}. */
    record Key(boolean noneAllowed) implements SettingType {
        @Override
        public String allowed() {
            return "32 hex digits" + (noneAllowed ? " or none" : "");
        }

        @Override
        public boolean accepts(String value) {
            return value.matches("[0-9A-Fa-f]{32}") || noneAllowed && value.equalsIgnoreCase("none");
        }
    }

    /** An MQTT topic to publish on: no wildcards, no empty level at either end. */
    record Topic() implements SettingType {
        @Override
        public String allowed() {
            return "an MQTT topic without + or # and without a leading or trailing /";
        }

        @Override
        public boolean accepts(String value) {
            return !value.contains("+") && !value.contains("#") && !value.startsWith("/") && !value.endsWith("/");
        }
    }

    /** A time zone id such as Europe/Amsterdam. */
    record Zone() implements SettingType {
        @Override
        public String allowed() {
            return "a time zone such as Europe/Amsterdam";
        }

        @Override
        public boolean accepts(String value) {
            try {
                ZoneId.of(value);
                return true;
            } catch (DateTimeException e) {
                return false;
            }
        }
    }

    /** M-Bus meter addresses as the {@code mbus:} endpoint reads them. */
    record Addresses() implements SettingType {
        @Override
        public String allowed() {
            return "comma-separated primary addresses 0–250 (or 254) and/or secondary addresses of 16 hex digits";
        }

        @Override
        public Optional<String> problem(String value) {
            MbusConfiguration config = new MbusConfiguration();
            config.setAddresses(value);
            try {
                return config.meterAddresses().isEmpty() ? Optional.of("expected " + allowed()) : Optional.empty();
            } catch (IllegalArgumentException e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                return Optional.of(cause.getMessage());
            }
        }
    }

    /**
     * Where a meter is: a serial device, {@code tcp:host:port}, or a simulator: one of
     * {@code simulators} ({@code sim:kmp:*} stands for {@code sim:kmp} and any {@code sim:kmp:NAME}),
     * or with {@code anySimulator} any {@code sim:NAME}. A device that is not
     * there yet is not an error here: it is opened (and reopened) when the routes run, with its
     * own message.
     */
    record Port(List<String> simulators, boolean anySimulator) implements SettingType {
        private static final Pattern TCP = Pattern.compile("tcp:(?://)?([^:/\\[\\]]+|\\[[0-9A-Fa-f:]+]):(\\d{1,5})");

        public Port {
            simulators = List.copyOf(simulators);
        }

        @Override
        public String allowed() {
            return "a serial device such as /dev/ttyUSB0, tcp:host:port, or a simulator: " + String.join(", ",
                    simulators).replace(":*", "[:NAME]") + (anySimulator ? " or sim:NAME" : "");
        }

        @Override
        public boolean accepts(String value) {
            for (String sim : simulators) {
                if (sim.endsWith(":*") ? value.equals(sim.substring(0, sim.length() - 2))
                        || value.startsWith(sim.substring(0, sim.length() - 1)) && value.length() > sim.length() - 1
                        : value.equalsIgnoreCase(sim)) {
                    return true;
                }
            }
            if (value.equals("sim") || value.startsWith("sim:")) {
                return anySimulator && value.length() > 4;
            }
            if (value.startsWith("tcp:")) {
                Matcher m = TCP.matcher(value);
                return m.matches() && Integer.parseInt(m.group(2)) >= 1 && Integer.parseInt(m.group(2)) <= 65535;
            }
            return !value.contains("://");
        }
    }

    /** A name of letters, digits, {@code _} and {@code -} (an id in topics and entity ids). */
    record Id() implements SettingType {
        @Override
        public String allowed() {
            return "letters, digits, _ and - only";
        }

        @Override
        public boolean accepts(String value) {
            return value.matches("[A-Za-z0-9_-]+");
        }
    }

    /** A value a domain type parses, whose exception says what was wrong (a Home Assistant release). */
    record Parsed(String allowed, java.util.function.Function<String, ?> parser) implements SettingType {
        @Override
        public Optional<String> problem(String value) {
            try {
                parser.apply(value);
                return Optional.empty();
            } catch (IllegalArgumentException e) {
                return Optional.of(e.getMessage());
            }
        }
    }

    /** A file name without a directory. */
    record FileName() implements SettingType {
        @Override
        public String allowed() {
            return "a file name without / or \\";
        }

        @Override
        public boolean accepts(String value) {
            return !value.contains("/") && !value.contains("\\");
        }
    }

    /** Comma-separated keys of a reading's flat form ({@code heat_energy_kwh,volume_m3}). */
    record Keys() implements SettingType {
        @Override
        public String allowed() {
            return "comma-separated reading keys such as read_at,meter_key,heat_energy_kwh";
        }

        @Override
        public boolean accepts(String value) {
            return value.matches("\\s*[a-z][a-z0-9_]*\\s*(,\\s*[a-z][a-z0-9_]*\\s*)*");
        }
    }

    /**
     * A PostgreSQL JDBC URL ({@code jdbc:postgresql://host:5432/db}): the driver's own form, so that
     * its parameters ({@code ?sslmode=require}) pass through untouched; only the part before them
     * is checked, as a URL with a host.
     */
    record JdbcUrl() implements SettingType {
        private static final String PREFIX = "jdbc:postgresql://";

        @Override
        public String allowed() {
            return "a JDBC URL such as jdbc:postgresql://host:5432/meterbridge";
        }

        @Override
        public Optional<String> problem(String value) {
            if (!value.startsWith(PREFIX)) {
                return Optional.of("expected " + allowed() + (value.startsWith("postgresql://") || value.startsWith("postgres://")
                        ? "; did you mean jdbc:" + value.replaceFirst("^postgres(ql)?://", "postgresql://") + "?" : ""));
            }
            try {
                URI uri = new URI(value.substring("jdbc:".length()));
                if (uri.getHost() == null) {
                    return Optional.of("expected " + allowed() + ", found no host");
                }
                return Optional.empty();
            } catch (URISyntaxException e) {
                return Optional.of("expected " + allowed() + ", found something that is no URL (" + e.getReason()
                        + " at character " + (e.getIndex() + 1 + "jdbc:".length()) + ")");
            }
        }
    }
}
