package io.meterbridge.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.CodeSource;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code meterbridge install}: the service under systemd (Debian, Raspberry Pi OS) as a system
 * user of its own in the group dialout, its home with settings, routes and data, the JAR in
 * /opt/meterbridge, a {@code meterbridge} command, and the unit ({@link InstallTemplates}). Run
 * again, it replaces the JAR and the unit and keeps the home's files: that is the upgrade.
 */
@Command(name = "install", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Installs meterbridge as a systemd service that starts at boot (Debian, Raspberry Pi OS; run with sudo).",
            "Creates the user meterbridge in the group dialout, the home /var/lib/meterbridge with application.properties, "
                + "routes/ and data/ (copied from --from where missing, never overwritten), this JAR as "
                + "/opt/meterbridge/meterbridge.jar, the command /usr/local/bin/meterbridge and "
                + "/etc/systemd/system/meterbridge.service (Raspberry Pi JVM options, Restart=on-failure, logs in the journal), "
                + "then enables and (re)starts the service.",
            "Run again to upgrade: the JAR and the unit are replaced, the home's files kept."})
final class InstallCommand implements Callable<Integer> {

    /** What systemd and the shell read literally: no space, quote, {@code %} or {@code $}. */
    private static final Pattern PLAIN_PATH = Pattern.compile("/[A-Za-z0-9._+/-]*");
    private static final Pattern USER_NAME = Pattern.compile("[a-z_][a-z0-9_-]{0,31}");

    @Option(names = "--home", paramLabel = "DIR", defaultValue = InstallLayout.HOME,
            description = "The service's home: application.properties, routes/ and data/ (default: ${DEFAULT-VALUE}).")
    Path home;

    @Option(names = "--user", paramLabel = "NAME", defaultValue = InstallLayout.USER,
            description = "The system user the service runs as; created if missing, added to dialout (default: ${DEFAULT-VALUE}).")
    String user;

    @Option(names = "--from", paramLabel = "DIR", defaultValue = ".",
            description = "Where application.properties and routes/ are copied from when the home lacks them (default: the current directory).")
    Path from;

    @Option(names = "--jar", paramLabel = "PATH", description = "The JAR to install (default: the one running).")
    Path jar;

    @Option(names = "--java", paramLabel = "PATH", defaultValue = "/usr/bin/java",
            description = "The java the service runs with (default: ${DEFAULT-VALUE}, from openjdk-17-jre-headless).")
    Path java;

    @Option(names = "--root", paramLabel = "DIR",
            description = "Stage every file under DIR (as a package build's DESTDIR) and only print the useradd, chown and systemctl commands.")
    Path root;

    @Option(names = "--no-start", description = "Enable the service for the next boot, but do not (re)start it now.")
    boolean noStart;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        InstallLayout layout = InstallLayout.of(root);
        Path target = plain("--home", home.toAbsolutePath().normalize());
        Path source = checkInputs(layout, target);
        HomeFiles files = new HomeFiles(from, layout.at(target));
        files.check();

        HostCommands host = new HostCommands(out, layout.staged());
        if (layout.staged()) {
            out.println("staging under " + layout.root() + ": nothing outside it is changed, the commands are only printed");
        }
        addUser(host, target);
        copyJar(source, layout.at(InstallLayout.JAR), out);
        write(layout.at(InstallLayout.COMMAND), InstallTemplates.command(java, InstallLayout.JAR), "rwxr-xr-x", out);
        files.fill(out);
        // "user:" is the user and its own group, as the unit (no Group=) runs it
        String owner = user + ":";
        Path written = layout.at(target);
        host.run("chown", owner, written.toString(), written.resolve(HomeFiles.PROPERTIES).toString());
        host.run("chown", "-R", owner, written.resolve(HomeFiles.DATA).toString());
        write(layout.at(InstallLayout.UNIT), InstallTemplates.unit(user, target, java, InstallLayout.JAR), "rw-r--r--", out);
        host.run("systemctl", "daemon-reload");
        host.run("systemctl", "enable", InstallLayout.SERVICE);
        if (!noStart) {
            // restart, not enable --now: an upgrade must replace the JVM that runs the old JAR
            host.run("systemctl", "restart", InstallLayout.SERVICE);
        }
        nextSteps(out, target);
        return 0;
    }

    /** Everything that can be wrong before a change is made; returns the JAR to install. */
    private Path checkInputs(InstallLayout layout, Path target) {
        if (target.startsWith("/tmp") || target.startsWith("/var/tmp")) {
            throw new IllegalArgumentException("--home " + target + ": the service gets a /tmp of its own (PrivateTmp), "
                    + "so it would not see this directory; give one such as " + InstallLayout.HOME);
        }
        plain("--java", java);
        if (!USER_NAME.matcher(user).matches()) {
            throw new IllegalArgumentException("--user " + user + ": not a user name (lower-case letters, digits, _ and -, at most 32)");
        }
        Path source = jar != null ? jar : runningJar();
        if (!Files.isRegularFile(source)) {
            throw new IllegalArgumentException("--jar " + source + ": no such file");
        }
        if (!layout.staged()) {
            HostCommands.requireRoot(HostCommands.uid(), "it creates a system user and writes /etc/systemd/system, /opt, "
                    + "/usr/local/bin and " + target, "sudo java -jar meterbridge.jar install");
            if (!Files.isExecutable(java)) {
                throw new IllegalStateException("no java at " + java + ": sudo apt install openjdk-17-jre-headless, or give it with --java PATH");
            }
        }
        return source;
    }

    private void addUser(HostCommands host, Path target) throws IOException, InterruptedException {
        if (HostCommands.userHome(user).isPresent()) {
            host.run("usermod", "--append", "--groups", "dialout", user);
        } else {
            host.run("useradd", "--system", "--user-group", "--home-dir", target.toString(), "--shell", "/usr/sbin/nologin",
                    "--groups", "dialout", user);
        }
    }

    /** Through a new file and a rename, so that a running service's JVM keeps reading the JAR it opened. */
    private static void copyJar(Path source, Path dest, PrintWriter out) throws IOException {
        Files.createDirectories(dest.getParent());
        if (Files.exists(dest) && Files.isSameFile(source, dest)) {
            out.println(dest + ": kept (it is the JAR given)");
            return;
        }
        Path next = dest.resolveSibling(dest.getFileName() + ".new");
        Files.copy(source, next, StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(next, PosixFilePermissions.fromString("rw-r--r--"));
        Files.move(next, dest, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        out.println(dest + ": copied from " + source.toAbsolutePath().normalize());
    }

    private static void write(Path file, String text, String mode, PrintWriter out) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        out.println(file + ": written");
    }

    private void nextSteps(PrintWriter out, Path target) {
        String service = InstallLayout.SERVICE;
        out.println(noStart ? "meterbridge install: done; the service starts at the next boot, or now with: sudo systemctl start " + service
                : "meterbridge install: done; the service " + service + " runs as the user " + user);
        out.println("  settings: " + target.resolve(HomeFiles.PROPERTIES) + ", then: sudo meterbridge check --home " + target
                + " && sudo systemctl restart " + service);
        out.println("  logs:     journalctl -u " + service + " -f    (state: systemctl status " + service + ")");
        out.println("  status page: http://localhost:8089/ on this machine; from another one see \"Status page\" in the README");
        out.println("  uninstall: sudo meterbridge uninstall (keeps " + target + " and the user; --purge removes them too)");
    }

    /** The JAR this command runs from; a class directory (a build, an IDE) is no JAR to install. */
    private static Path runningJar() {
        CodeSource code = InstallCommand.class.getProtectionDomain().getCodeSource();
        Path p;
        try {
            p = code == null ? null : Path.of(code.getLocation().toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            p = null;
        }
        if (p == null) {
            throw new IllegalArgumentException("cannot tell which JAR is running: give it with --jar PATH");
        }
        if (!Files.isRegularFile(p)) {
            throw new IllegalArgumentException("not running from a JAR (the classes are in " + p + "): give the JAR with --jar PATH");
        }
        return p;
    }

    private static Path plain(String option, Path p) {
        if (!PLAIN_PATH.matcher(p.toString()).matches()) {
            throw new IllegalArgumentException(option + " " + p + ": the unit names it literally, so only an absolute path of letters, "
                    + "digits and . _ - + / (no space, quote, % or $)");
        }
        return p;
    }
}
