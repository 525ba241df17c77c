package io.meterbridge.cli;

import io.meterbridge.cli.InstallTemplates.Installed;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code meterbridge uninstall}: stops and disables the service and removes what {@code install}
 * put outside the home (unit, JAR, command). The home (settings, routes, readings) and the user stay
 * unless {@code --purge}; which home and user is read from the installed unit.
 */
@Command(name = "uninstall", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Stops and disables the systemd service that install set up (run with sudo).",
            "Removes /etc/systemd/system/meterbridge.service, /opt/meterbridge/meterbridge.jar and /usr/local/bin/meterbridge; "
                + "keeps the home (settings, routes, readings) and the user, unless --purge."})
final class UninstallCommand implements Callable<Integer> {

    @Option(names = "--purge", description = "Also delete the home with its settings, routes and readings, and the user.")
    boolean purge;

    @Option(names = "--root", paramLabel = "DIR",
            description = "Remove the files staged under DIR by install --root DIR and only print the systemctl and userdel commands.")
    Path root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        InstallLayout layout = InstallLayout.of(root);
        if (!layout.staged()) {
            HostCommands.requireRoot(HostCommands.uid(), "it stops the service and deletes files in /etc, /opt and /usr/local/bin",
                    "sudo meterbridge uninstall");
        }
        Path unit = layout.at(InstallLayout.UNIT);
        if (!Files.isRegularFile(unit)) {
            throw new IllegalStateException("not installed: there is no " + unit);
        }
        Installed installed = InstallTemplates.read(Files.readString(unit, StandardCharsets.UTF_8))
                .orElseThrow(() -> new IllegalStateException(unit + ": no User= or WorkingDirectory= line, so not a unit "
                        + "meterbridge install wrote; remove it by hand"));
        HostCommands host = new HostCommands(out, layout.staged());
        host.run("systemctl", "disable", "--now", InstallLayout.SERVICE);
        remove(unit, out);
        host.run("systemctl", "daemon-reload");
        remove(layout.at(InstallLayout.JAR), out);
        Path jarDir = layout.at(InstallLayout.JAR.getParent());
        if (Files.isDirectory(jarDir) && HomeFiles.isEmpty(jarDir)) {
            remove(jarDir, out);
        }
        remove(layout.at(InstallLayout.COMMAND), out);
        Path home = layout.at(installed.home());
        if (purge) {
            purgeHome(home, out);
            purgeUser(host, installed, out);
            out.println("meterbridge uninstall: done");
        } else {
            out.println("meterbridge uninstall: done; kept " + home + " (settings, routes, readings) and the user " + installed.user()
                    + "; to remove them too: sudo rm -r " + home + " && sudo userdel " + installed.user());
        }
        return 0;
    }

    /** Deleted only if it is a meterbridge home: install refused other non-empty directories, so this one was its own. */
    private static void purgeHome(Path home, PrintWriter out) throws IOException {
        if (!Files.isDirectory(home)) {
            out.println(home + ": already gone");
        } else if (!Files.exists(home.resolve(HomeFiles.PROPERTIES))) {
            out.println(home + ": kept: it has no " + HomeFiles.PROPERTIES + ", so it is not a meterbridge home");
        } else {
            try (Stream<Path> all = Files.walk(home)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
            out.println(home + ": removed (settings, routes, readings)");
        }
    }

    /** Deleted only if its home is the service's, as install creates it: never a person's account given with --user. */
    private static void purgeUser(HostCommands host, Installed installed, PrintWriter out) throws IOException, InterruptedException {
        Optional<String> userHome = HostCommands.userHome(installed.user());
        if (userHome.isEmpty()) {
            out.println("user " + installed.user() + ": already gone");
        } else if (!userHome.get().equals(installed.home().toString())) {
            out.println("user " + installed.user() + ": kept: its home is " + userHome.get() + ", not the service's " + installed.home());
        } else {
            host.run("userdel", installed.user());
        }
    }

    private static void remove(Path file, PrintWriter out) throws IOException {
        out.println(file + (Files.deleteIfExists(file) ? ": removed" : ": already gone"));
    }
}
