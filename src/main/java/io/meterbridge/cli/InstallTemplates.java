package io.meterbridge.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The text of the files {@code install} writes outside the home: the systemd unit and the
 * {@code meterbridge} command, from the templates in {@code install/} on the class path (they read
 * as the files they become, comments included), and what {@code uninstall} reads back from an
 * installed unit: it is the one record of the user and home an installation chose.
 */
final class InstallTemplates {

    /** The user and home an installed unit runs the service with. */
    record Installed(String user, Path home) {
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("@[A-Z_]+@");
    private static final Pattern USER = Pattern.compile("(?m)^User=(\\S+)$");
    private static final Pattern HOME = Pattern.compile("(?m)^WorkingDirectory=(\\S+)$");

    private InstallTemplates() {
    }

    /**
     * The unit for the service as {@code user} in {@code home}, run by {@code java} from
     * {@code jar}. {@code ProtectHome=true} hides /home and /root from the service, which
     * {@code ReadWritePaths=} cannot undo: where one of the paths is there, they are read-only instead.
     */
    static String unit(String user, Path home, Path java, Path jar) {
        boolean underHome = Stream.of(home, java, jar).anyMatch(InstallTemplates::underUsersHomes);
        return render("meterbridge.service", Map.of("@USER@", user, "@HOME@", home.toString(),
                "@JAVA@", java.toString(), "@JAR@", jar.toString(), "@PROTECT_HOME@", underHome ? "read-only" : "true"));
    }

    /** The {@code meterbridge} command: {@code java -jar JAR "$@"}. */
    static String command(Path java, Path jar) {
        return render("meterbridge", Map.of("@JAVA@", java.toString(), "@JAR@", jar.toString()));
    }

    /** The user and home of an installed unit's text; empty when it has no {@code User=} or {@code WorkingDirectory=}. */
    static Optional<Installed> read(String unit) {
        Matcher user = USER.matcher(unit);
        Matcher home = HOME.matcher(unit);
        if (!user.find() || !home.find()) {
            return Optional.empty();
        }
        return Optional.of(new Installed(user.group(1), Path.of(home.group(1))));
    }

    private static boolean underUsersHomes(Path p) {
        return p.startsWith("/home") || p.startsWith("/root") || p.startsWith("/run/user");
    }

    private static String render(String name, Map<String, String> values) {
        String text;
        try (InputStream in = InstallTemplates.class.getResourceAsStream("/install/" + name)) {
            if (in == null) {
                throw new IllegalStateException("install/" + name + " is missing from the JAR");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read install/" + name + " from the JAR: " + e.getMessage(), e);
        }
        for (Map.Entry<String, String> v : values.entrySet()) {
            text = text.replace(v.getKey(), v.getValue());
        }
        Matcher left = PLACEHOLDER.matcher(text);
        if (left.find()) {
            throw new IllegalStateException("install/" + name + ": " + left.group() + " has no value");
        }
        return text;
    }
}
