package io.meterbridge.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The service's home as {@code install} prepares it: {@code application.properties},
 * {@code routes/*.yaml} and {@code data/}, with what is missing copied from a directory that has
 * them (a release, a checkout; the JAR does not carry them). Nothing in the home is overwritten, so
 * installing again (an upgrade) keeps the user's settings and routes, and says so.
 */
final class HomeFiles {

    static final String PROPERTIES = "application.properties";
    static final String ROUTES = "routes";
    static final String DATA = "data";

    private final Path from;
    private final Path home;

    /** {@code home} as written (under the staging root, if any); {@code from} where missing files come from. */
    HomeFiles(Path from, Path home) {
        this.from = from.toAbsolutePath().normalize();
        this.home = home;
    }

    /**
     * Fails before anything is changed: when the home is a directory with other things in it
     * ({@code --home /home/pi} would hand the user's files to the service, and {@code uninstall
     * --purge} would delete them), or when the home would lack what the service cannot start without.
     */
    void check() throws IOException {
        if (Files.isDirectory(home) && !Files.exists(home.resolve(PROPERTIES)) && !isEmpty(home)) {
            throw new IllegalArgumentException(home + " has files but no " + PROPERTIES + ", so it is not a meterbridge home: "
                    + "give --home a new or empty directory, or one meterbridge was installed in");
        }
        if (!Files.exists(home.resolve(PROPERTIES)) && !Files.isRegularFile(from.resolve(PROPERTIES))) {
            throw missing(PROPERTIES);
        }
        if (yamls(home.resolve(ROUTES)).isEmpty() && yamls(from.resolve(ROUTES)).isEmpty()) {
            throw missing(ROUTES + "/*.yaml");
        }
    }

    private IllegalStateException missing(String what) {
        return new IllegalStateException("no " + what + " in " + from + " to copy into " + home
                + ": run install in the directory that has meterbridge.jar, application.properties and routes/ "
                + "(a release or a checkout), or give that directory with --from DIR");
    }

    /** Copies what is missing into the home, one line each on {@code out} for what was copied and what was kept. */
    void fill(PrintWriter out) throws IOException {
        Files.createDirectories(home);
        Path properties = home.resolve(PROPERTIES);
        if (Files.exists(properties)) {
            out.println(properties + ": kept as it is (not overwritten)");
        } else {
            Files.copy(from.resolve(PROPERTIES), properties);
            // it may come to hold mqtt.password: readable by the service's user only
            Files.setPosixFilePermissions(properties, PosixFilePermissions.fromString("rw-r-----"));
            out.println(properties + ": copied from " + from.resolve(PROPERTIES) + " (mbus.bus=sim reads the simulator: set your bus there)");
        }
        Path routes = home.resolve(ROUTES);
        List<Path> mine = yamls(routes);
        List<Path> shipped = yamls(from.resolve(ROUTES));
        if (mine.isEmpty()) {
            Files.createDirectories(routes);
            for (Path r : shipped) {
                Files.copy(r, routes.resolve(r.getFileName()));
            }
            out.println(routes + ": copied " + shipped.size() + " route files from " + from.resolve(ROUTES));
        } else {
            List<String> newer = new ArrayList<>();
            shipped.stream().map(r -> r.getFileName().toString())
                    .filter(n -> !Files.exists(routes.resolve(n))).forEach(newer::add);
            // a route file the user deleted would start its routes again if it came back by itself
            out.println(routes + ": kept as it is (" + mine.size() + " route files, none overwritten"
                    + (newer.isEmpty() ? ")" : "; not added: " + String.join(", ", newer) + " from " + from.resolve(ROUTES) + ")"));
        }
        Path data = home.resolve(DATA);
        if (Files.isDirectory(data)) {
            out.println(data + ": kept (readings and journal)");
        } else {
            Files.createDirectories(data);
            out.println(data + ": created (readings and journal)");
        }
    }

    /** The {@code *.yaml} files of {@code dir}, by name; none if it does not exist. */
    static List<Path> yamls(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "*.yaml")) {
                s.forEach(files::add);
            }
        }
        files.sort(null);
        return files;
    }

    static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }
}
