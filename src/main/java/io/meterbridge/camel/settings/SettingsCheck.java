package io.meterbridge.camel.settings;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks every setting before the routes start: each known key's value against its
 * {@link SettingType}, and every key the user gave (in {@code application.properties}, as
 * {@code -D}, or as an environment variable of a meterbridge prefix) against the known keys and
 * the keys the route files use, with "did you mean" for a near miss. Camel's own {@code camel.*}
 * keys are left to Camel.
 */
public final class SettingsCheck {

    /** Environment variables of these prefixes are meant for meterbridge; others (HTTP_PROXY, PATH) are not. */
    private static final List<String> ENV_PREFIXES = List.of("MBUS_", "MQTT_", "P1_", "HOMEASSISTANT_", "CSV_", "JSONL_", "METER_",
            "INFLUXDB_", "POSTGRESQL_", "KAFKA_", "CLUSTER_");
    /** A key a route reads: {@code {{mbus.bus}}}, {@code {{p1.baudRate:115200}}}, {@code {{enabled:http.url}}}, {@code ${properties:http.url}}. */
    private static final Pattern ROUTE_KEY = Pattern.compile("\\{\\{(?:enabled:)?([A-Za-z0-9_.-]+)|\\$\\{properties:([A-Za-z0-9_.-]+)");

    /** A parameter of a route template, {@code - name: bus} under its {@code parameters:}. */
    private static final Pattern TEMPLATE_PARAMETER = Pattern.compile("(?m)^\\s*-\\s*name:\\s*[\"']?([A-Za-z0-9_.-]+)");

    private final Function<String, Optional<String>> resolved;
    private final Map<String, String> given;
    private final Map<String, String> environment;
    private final Set<String> routeKeys;

    /**
     * @param resolved    a key's value as the routes see it (all sources, strongest first)
     * @param given       the keys the user set, with where ({@code application.properties:12}, {@code -D})
     * @param environment the process environment
     * @param routeKeys   the keys the route files use
     */
    public SettingsCheck(Function<String, Optional<String>> resolved, Map<String, String> given,
            Map<String, String> environment, Set<String> routeKeys) {
        this.resolved = resolved;
        this.given = Map.copyOf(given);
        this.environment = Map.copyOf(environment);
        this.routeKeys = Set.copyOf(routeKeys);
    }

    /** The problems, in the order of the catalogue and then of the unknown keys; empty if all is well. */
    public List<SettingProblem> problems() {
        List<SettingProblem> problems = new ArrayList<>();
        for (Setting setting : Settings.all()) {
            Optional<String> value = resolved.apply(setting.key());
            if (value.isEmpty() && setting.optional()) {
                continue;
            }
            String v = value.orElse("");
            setting.problem(v).ifPresent(p -> problems.add(new SettingProblem(setting.key(), where(setting.key()),
                    setting.key() + "=" + setting.shown(v.trim()) + ": " + p)));
        }
        statusPageOpenToTheNetwork().ifPresent(problems::add);
        problems.addAll(instancesSharingOneBridgeIdentity());
        for (Map.Entry<String, String> e : given.entrySet()) {
            String key = e.getKey();
            if (!known(key)) {
                problems.add(new SettingProblem(key, e.getValue(), key + ": not a meterbridge setting, and no route file uses it"
                        + suggestion(key, candidates()).map(k -> "; did you mean " + k + "?").orElse("")));
            }
        }
        Map<String, String> envNames = new LinkedHashMap<>();
        candidates().forEach(k -> envNames.put(envName(k), k));
        for (String name : environment.keySet()) {
            if (ENV_PREFIXES.stream().anyMatch(name::startsWith) && !envNames.containsKey(name)) {
                problems.add(new SettingProblem(name, "environment " + name, name + ": no meterbridge setting has this name"
                        + suggestion(name, envNames.keySet()).map(n -> "; did you mean " + n + " (" + envNames.get(n) + ")?").orElse("")));
            }
        }
        return problems;
    }

    /** The status page bound beyond this machine without a password: never open to the network by default. */
    private Optional<SettingProblem> statusPageOpenToTheNetwork() {
        String bind = resolved.apply("http.status.bind").orElse("127.0.0.1").trim();
        boolean on = resolved.apply("http.status.enabled").map(v -> v.trim().equals("true")).orElse(false);
        InetAddress address;
        try {
            address = Settings.address(bind);
        } catch (IllegalArgumentException reportedAbove) {
            return Optional.empty();
        }
        if (!Settings.statusPageOpenToTheNetwork(on, address, resolved.apply("http.status.token").orElse(null))) {
            return Optional.empty();
        }
        return Optional.of(new SettingProblem("http.status.bind", where("http.status.bind"), "http.status.bind=" + bind
                + ": opens the status page to the network, so it needs a password: set http.status.token as well "
                + "(or bind to 127.0.0.1 and reach it through SSH or a reverse proxy)"));
    }

    /**
     * Instances sharing buses (cluster.zookeeper) with MQTT, and the bridge's own topic or Home
     * Assistant device left at the default that every instance has: the first to die would mark
     * the others offline with its last will, and all would publish one bridge device.
     */
    private List<SettingProblem> instancesSharingOneBridgeIdentity() {
        boolean clustered = resolved.apply("cluster.zookeeper").filter(v -> !v.isBlank()).isPresent();
        boolean mqtt = resolved.apply("mqtt.url").filter(v -> !v.isBlank()).isPresent();
        if (!clustered || !mqtt) {
            return List.of();
        }
        List<SettingProblem> out = new ArrayList<>();
        Map<String, String> why = new LinkedHashMap<>();
        why.put("mqtt.availabilityTopic", "meterbridge/<instance>/status): with one topic, the first instance to die "
                + "would mark all of them offline with its last will");
        why.put("homeassistant.bridgeId", "<instance>): with one id, all instances would publish one bridge device");
        why.forEach((key, because) -> {
            if (!given.containsKey(key)) {
                out.add(new SettingProblem(key, where("cluster.zookeeper"), key + ": cluster.zookeeper is set, so other "
                        + "instances share this broker: give each instance its own " + key + " (e.g. " + because));
            }
        });
        return out;
    }

    /** Throws if there is any problem. */
    public void verify() throws InvalidSettingsException {
        List<SettingProblem> problems = problems();
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
    }

    /** One line for each retired setting the user still sets, naming where: worth a warning, not a refusal. */
    public List<String> retiredInUse() {
        List<String> notices = new ArrayList<>();
        given.forEach((key, where) -> Settings.retired(key)
                .ifPresent(why -> notices.add(where + ": " + key + " is no longer used (" + why + "); remove it")));
        return notices;
    }

    private boolean known(String key) {
        return Settings.find(key).isPresent() || Settings.retired(key).isPresent() || routeKeys.contains(key) || key.startsWith("camel.") || key.equals("meterbridge.home");
    }

    private Set<String> candidates() {
        Set<String> keys = new LinkedHashSet<>();
        Settings.all().forEach(s -> keys.add(s.key()));
        keys.addAll(routeKeys);
        return keys;
    }

    private String where(String key) {
        String origin = given.get(key);
        if (origin != null) {
            return origin;
        }
        String env = envName(key);
        return environment.containsKey(env) ? "environment " + env : "built-in default";
    }

    /** The environment variable Camel reads for a key: {@code mqtt.url} → {@code MQTT_URL}. */
    static String envName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** The nearest candidate if it is a likely typo (at most two edits, or only the case differs). */
    static Optional<String> suggestion(String key, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = distance(key.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best != null && bestDistance <= 2 ? Optional.of(best) : Optional.empty();
    }

    /** Edits (insert, delete, substitute, swap two neighbours) from {@code a} to {@code b}: optimal string alignment. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /** The keys the route files in {@code directory} read. */
    public static Set<String> routeKeys(Path directory) throws IOException {
        Set<String> keys = new LinkedHashSet<>();
        if (!Files.isDirectory(directory)) {
            return keys;
        }
        try (var files = Files.list(directory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (file.getFileName().toString().endsWith(".yaml") && Files.isRegularFile(file)) {
                    String text = Files.readString(file, StandardCharsets.UTF_8);
                    Set<String> parameters = templateParameters(text);
                    Matcher m = ROUTE_KEY.matcher(text);
                    while (m.find()) {
                        String key = m.group(1) != null ? m.group(1) : m.group(2);
                        if (!parameters.contains(key)) {
                            keys.add(key);
                        }
                    }
                }
            }
        }
        return keys;
    }

    /**
     * The parameter names of the route templates in a route file's text ({@code {{bus}}} in
     * routes/buses.yaml's template is the template's parameter, filled in by each
     * {@code templatedRoute}, not a setting).
     */
    static Set<String> templateParameters(String text) {
        Set<String> names = new LinkedHashSet<>();
        if (text.contains("routeTemplate:")) {
            Matcher m = TEMPLATE_PARAMETER.matcher(text);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /**
     * The keys of a properties file with {@code file:line} for each (the first line of the entry),
     * in the file's order; the values are Camel's business.
     */
    public static Map<String, String> keysWithLines(Path file) throws IOException {
        Map<String, String> keys = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return keys;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        boolean continued = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String trimmed = line.stripLeading();
            boolean startsEntry = !continued && !trimmed.isEmpty() && trimmed.charAt(0) != '#' && trimmed.charAt(0) != '!';
            if (startsEntry) {
                keys.put(key(trimmed), file + ":" + (i + 1)); // the last entry of a key wins, as in java.util.Properties
            }
            continued = (startsEntry || continued) && endsWithOddBackslashes(line);
        }
        return keys;
    }

    /** The key of a properties entry: up to the first unescaped {@code =}, {@code :} or white space. */
    private static String key(String entry) {
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < entry.length(); i++) {
            char c = entry.charAt(i);
            if (c == '\\' && i + 1 < entry.length()) {
                key.append(entry.charAt(++i));
            } else if (c == '=' || c == ':' || Character.isWhitespace(c)) {
                break;
            } else {
                key.append(c);
            }
        }
        return key.toString();
    }

    private static boolean endsWithOddBackslashes(String line) {
        int n = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            n++;
        }
        return n % 2 == 1;
    }
}
