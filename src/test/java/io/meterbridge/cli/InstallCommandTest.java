package io.meterbridge.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meterbridge.camel.testing.ServiceHome;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code install} and {@code uninstall} as a user runs them, staged under a temporary {@code --root}
 * (the tests run as root on the build machines: without it they would create a user and a service
 * there): what is written where, what is kept on a second install, what uninstall leaves behind.
 */
class InstallCommandTest {

    static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();


    @TempDir
    Path dir;

    Path root;
    Path from;
    Path jar;
    Path home;

    @BeforeEach
    void release() throws Exception {
        root = dir.resolve("root");
        from = ServiceHome.shipped(Files.createDirectories(dir.resolve("release")));
        jar = Files.write(dir.resolve("release/meterbridge.jar"), new byte[] {'P', 'K', 1, 2});
        home = root.resolve("var/lib/meterbridge");
    }

    /** {@code meterbridge ARGS} in this JVM, as the other command tests run it. */
    static BusCommandsTest.Run run(String... args) {
        return BusCommandsTest.run(args);
    }

    private BusCommandsTest.Run install(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("install", "--root", root.toString(), "--from", from.toString(),
                "--jar", jar.toString(), "--java", JAVA));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    @Test
    void installStagesTheUnitTheJarTheCommandAndAHomeThatTheServiceStartsIn() throws Exception {
        BusCommandsTest.Run r = install();
        assertEquals(0, r.exit(), r.err() + r.out());
        assertEquals("", r.err());
        Path unit = root.resolve("etc/systemd/system/meterbridge.service");
        String text = Files.readString(unit);
        assertTrue(text.contains("\nUser=meterbridge\n") && text.contains("\nWorkingDirectory=/var/lib/meterbridge\n"), text);
        assertTrue(text.contains("\nExecStart=" + JAVA + " -Xmx48m "), text);
        assertTrue(text.contains(" -jar /opt/meterbridge/meterbridge.jar run --home /var/lib/meterbridge\n"), text);
        assertTrue(text.contains("\nRestart=on-failure\n") && text.contains("\nReadWritePaths=/var/lib/meterbridge\n"), text);
        assertArrayEquals(Files.readAllBytes(jar), Files.readAllBytes(root.resolve("opt/meterbridge/meterbridge.jar")));
        Path command = root.resolve("usr/local/bin/meterbridge");
        assertTrue(Files.getPosixFilePermissions(command).contains(PosixFilePermission.OTHERS_EXECUTE));
        assertTrue(Files.readString(command).contains("exec " + JAVA + " -jar /opt/meterbridge/meterbridge.jar \"$@\""));

        assertEquals(Files.readString(from.resolve("application.properties")), Files.readString(home.resolve("application.properties")));
        assertFalse(Files.getPosixFilePermissions(home.resolve("application.properties")).contains(PosixFilePermission.OTHERS_READ),
                "it may hold mqtt.password");
        assertEquals(names(from.resolve("routes")), names(home.resolve("routes")));
        assertTrue(Files.isDirectory(home.resolve("data")));
        // the home as staged is one the service starts in (the check run and start do first)
        assertEquals(0, run("check", "--home", home.toString()).exit());

        List<String> lines = r.out().lines().toList();
        assertTrue(lines.contains("would run: useradd --system --user-group --home-dir /var/lib/meterbridge --shell /usr/sbin/nologin "
                + "--groups dialout meterbridge") || lines.contains("would run: usermod --append --groups dialout meterbridge"), r.out());
        assertTrue(lines.contains("would run: chown -R meterbridge: " + home.resolve("data")), r.out());
        assertTrue(lines.contains("would run: systemctl enable meterbridge") && lines.contains("would run: systemctl restart meterbridge"),
                r.out());
        assertTrue(r.out().contains("journalctl -u meterbridge -f") && r.out().contains("http://localhost:8089/"), r.out());
    }

    @Test
    void aSecondInstallReplacesTheJarAndKeepsTheUsersSettingsAndRoutesAndSaysSo() throws Exception {
        assertEquals(0, install().exit());
        Path settings = home.resolve("application.properties");
        Files.writeString(settings, "mbus.bus=/dev/ttyUSB0\n");
        Files.delete(home.resolve("routes/p1.yaml"));
        Files.writeString(home.resolve("data/readings.jsonl"), "{}\n");
        Files.write(jar, new byte[] {'P', 'K', 9});

        BusCommandsTest.Run again = install("--no-start");
        assertEquals(0, again.exit(), again.err());
        assertEquals("mbus.bus=/dev/ttyUSB0\n", Files.readString(settings));
        assertFalse(Files.exists(home.resolve("routes/p1.yaml")), "a route file the user deleted stays deleted");
        assertEquals("{}\n", Files.readString(home.resolve("data/readings.jsonl")));
        assertArrayEquals(new byte[] {'P', 'K', 9}, Files.readAllBytes(root.resolve("opt/meterbridge/meterbridge.jar")));
        assertTrue(again.out().contains(settings + ": kept as it is (not overwritten)"), again.out());
        assertTrue(again.out().contains("none overwritten; not added: p1.yaml"), again.out());
        assertFalse(again.out().lines().toList().contains("would run: systemctl restart meterbridge"), "--no-start: " + again.out());
    }

    @Test
    void uninstallRemovesTheUnitTheJarAndTheCommandAndKeepsTheHome() throws Exception {
        assertEquals(0, install().exit());
        BusCommandsTest.Run r = run("uninstall", "--root", root.toString());
        assertEquals(0, r.exit(), r.err());
        assertFalse(Files.exists(root.resolve("etc/systemd/system/meterbridge.service")));
        assertFalse(Files.exists(root.resolve("opt/meterbridge")));
        assertFalse(Files.exists(root.resolve("usr/local/bin/meterbridge")));
        assertTrue(Files.isRegularFile(home.resolve("application.properties")) && Files.isDirectory(home.resolve("data")));
        assertTrue(r.out().lines().toList().contains("would run: systemctl disable --now meterbridge"), r.out());
        assertTrue(r.out().contains("kept " + home + " (settings, routes, readings) and the user meterbridge"), r.out());

        BusCommandsTest.Run twice = run("uninstall", "--root", root.toString());
        assertEquals(1, twice.exit());
        assertEquals("meterbridge uninstall: not installed: there is no " + root.resolve("etc/systemd/system/meterbridge.service") + "\n",
                twice.err());
    }

    @Test
    void purgeAlsoRemovesTheHomeOfTheHomeAndUserTheUnitNames() throws Exception {
        Path custom = Files.createDirectories(root.resolve("srv/heat"));
        assertEquals(0, install("--home", "/srv/heat", "--user", "heat").exit());
        BusCommandsTest.Run r = run("uninstall", "--root", root.toString(), "--purge");
        assertEquals(0, r.exit(), r.err());
        assertFalse(Files.exists(custom), r.out());
        assertTrue(Files.isDirectory(root.resolve("srv")));
        assertTrue(r.out().contains(custom + ": removed (settings, routes, readings)"), r.out());
        assertTrue(r.out().contains("user heat: already gone"), "no such user on this machine: " + r.out());
    }

    @Test
    void aHomeWithOtherFilesIsRefusedBeforeAnythingIsWritten() throws Exception {
        Files.createDirectories(root.resolve("home/pi"));
        Files.writeString(root.resolve("home/pi/notes.txt"), "mine");
        BusCommandsTest.Run r = install("--home", "/home/pi");
        assertEquals(2, r.exit(), r.out());
        assertEquals("meterbridge install: " + root.resolve("home/pi") + " has files but no application.properties, so it is not a "
                + "meterbridge home: give --home a new or empty directory, or one meterbridge was installed in\n", r.err());
        assertFalse(Files.exists(root.resolve("etc")), "nothing written");
        assertEquals("", r.out());
    }

    @Test
    void withoutSettingsToCopyItSaysWhereItLookedAndWhatToDo() throws Exception {
        Files.delete(from.resolve("application.properties"));
        BusCommandsTest.Run r = install();
        assertEquals(1, r.exit());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("meterbridge install: no application.properties in " + from + " to copy into " + home), r.err());
        assertTrue(r.err().contains("or give that directory with --from DIR"), r.err());
        assertFalse(Files.exists(root.resolve("etc")), "nothing written");
    }

    @Test
    void pathsTheUnitCannotNameLiterallyAndAPrivateTmpHomeAreBadInput() {
        BusCommandsTest.Run space = install("--home", "/srv/my heat");
        assertEquals(2, space.exit());
        assertTrue(space.err().startsWith("meterbridge install: --home /srv/my heat: the unit names it literally"), space.err());
        BusCommandsTest.Run tmp = install("--home", "/tmp/mb");
        assertEquals(2, tmp.exit());
        assertTrue(tmp.err().contains("PrivateTmp"), tmp.err());
        BusCommandsTest.Run user = install("--user", "Heat Meter");
        assertEquals(2, user.exit());
        assertTrue(user.err().startsWith("meterbridge install: --user Heat Meter: not a user name"), user.err());
    }

    @Test
    void helpListsBothCommands() {
        BusCommandsTest.Run top = run("--help");
        assertTrue(top.out().contains("install") && top.out().contains("uninstall"), top.out());
        BusCommandsTest.Run install = run("install", "--help");
        assertEquals(0, install.exit());
        assertTrue(install.out().contains("--root=DIR") && install.out().contains("default: /var/lib/meterbridge"), install.out());
        assertEquals(0, run("uninstall", "--help").exit());
    }

    private static List<String> names(Path dir) throws Exception {
        return HomeFiles.yamls(dir).stream().map(p -> p.getFileName().toString()).toList();
    }
}
