package io.meterbridge.cli;

import java.nio.file.Path;

/**
 * Where an installation's files go. The JAR, the unit and the command have fixed places, so that
 * {@code uninstall} finds them without being told; the home is chosen at install and recorded in
 * the unit. With {@code --root DIR} every path is staged under DIR, as a package build's DESTDIR.
 */
record InstallLayout(Path root) {

    static final String SERVICE = "meterbridge";
    static final Path UNIT = Path.of("/etc/systemd/system/meterbridge.service");
    static final Path JAR = Path.of("/opt/meterbridge/meterbridge.jar");
    static final Path COMMAND = Path.of("/usr/local/bin/meterbridge");
    static final String HOME = "/var/lib/meterbridge";
    static final String USER = "meterbridge";

    /** The layout for {@code --root} (null: the system itself). */
    static InstallLayout of(Path stagingRoot) {
        return new InstallLayout(stagingRoot == null ? Path.of("/") : stagingRoot.toAbsolutePath().normalize());
    }

    boolean staged() {
        return !root.equals(Path.of("/"));
    }

    /** Where {@code target} (an absolute path on the installed system) is written: itself, or under the staging root. */
    Path at(Path target) {
        return root.resolve(Path.of("/").relativize(target));
    }
}
