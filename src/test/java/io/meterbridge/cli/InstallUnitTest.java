package io.meterbridge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meterbridge.camel.testing.ServiceHome;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The unit {@code install} writes, read by systemd's own checker where it is installed, and held to
 * the README: its JVM options are the README's Raspberry Pi line, and what uninstall reads back is
 * what install wrote.
 */
class InstallUnitTest {

    private static final Path ANALYZE = Path.of("/usr/bin/systemd-analyze");

    @TempDir
    Path dir;

    private record Verified(int exit, List<String> aboutTheUnit, String output) {
    }

    /** The unit of a real staged install, naming this JVM's java (systemd-analyze checks that ExecStart's program exists). */
    private Path installedUnit() throws Exception {
        Path from = ServiceHome.shipped(Files.createDirectories(dir.resolve("release")));
        Path jar = Files.write(from.resolve("meterbridge.jar"), new byte[] {'P', 'K'});
        Path root = dir.resolve("root");
        BusCommandsTest.Run r = InstallCommandTest.run("install", "--root", root.toString(), "--from", from.toString(),
                "--jar", jar.toString(), "--java", InstallCommandTest.JAVA);
        assertEquals(0, r.exit(), r.err());
        return root.resolve("etc/systemd/system/meterbridge.service");
    }

    /**
     * {@code systemd-analyze verify}: needs no running systemd. It reports an unknown key or a bad
     * value on stderr and still exits 0 ("ignoring"), so the lines that name the unit count, not
     * only the exit status.
     */
    private static Verified verify(Path unit) throws Exception {
        Process p = new ProcessBuilder(ANALYZE.toString(), "verify", "--man=no", unit.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "systemd-analyze should end");
        List<String> about = output.lines().filter(l -> l.contains(unit.getFileName().toString())).toList();
        return new Verified(p.exitValue(), about, output);
    }

    @Test
    void systemdAnalyzeVerifyFindsNothingWrongWithTheUnitAndDoesFindABrokenOne() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(ANALYZE), "systemd-analyze is not installed (package systemd)");
        Path unit = installedUnit();
        Verified good = verify(unit);
        assertEquals(0, good.exit, good.output);
        assertEquals(List.of(), good.aboutTheUnit, good.output);

        String text = Files.readString(unit);
        Path broken = Files.createDirectories(dir.resolve("broken")).resolve("meterbridge.service");
        Files.writeString(broken, text.replace("\nRestart=on-failure\n", "\nRestart=on-fialure\nRestartSecs=5\n"));
        Verified bad = verify(broken);
        assertTrue(bad.aboutTheUnit.stream().anyMatch(l -> l.contains("on-fialure")), bad.output);
        assertTrue(bad.aboutTheUnit.stream().anyMatch(l -> l.contains("Unknown key") && l.contains("RestartSecs")), bad.output);

        Files.writeString(broken, text.replace("ExecStart=" + InstallCommandTest.JAVA, "ExecStart=/usr/bin/no-such-java"));
        Verified noJava = verify(broken);
        assertEquals(1, noJava.exit, noJava.output);
        assertTrue(noJava.aboutTheUnit.stream().anyMatch(l -> l.contains("/usr/bin/no-such-java")), noJava.output);
    }

    @Test
    void theServiceRunsWithTheReadmesRaspberryPiOptions() throws Exception {
        String readme = Files.readString(ServiceHome.PROJECT.resolve("README.md"));
        int at = readme.indexOf("\nRaspberry Pi:\n`java ");
        assertTrue(at >= 0, "README: the Raspberry Pi line");
        String line = readme.substring(at + "\nRaspberry Pi:\n`java ".length(), readme.indexOf('`', at + 20));
        String options = line.substring(0, line.indexOf(" -jar "));
        String unit = InstallTemplates.unit("meterbridge", Path.of("/var/lib/meterbridge"), Path.of("/usr/bin/java"), InstallLayout.JAR);
        assertTrue(unit.contains("\nExecStart=/usr/bin/java " + options + " "), options + "\n" + unit);
    }

    @Test
    void uninstallReadsBackTheUserAndHomeInstallWrote() {
        String unit = InstallTemplates.unit("heat", Path.of("/srv/heat"), Path.of("/usr/bin/java"), InstallLayout.JAR);
        assertEquals(new InstallTemplates.Installed("heat", Path.of("/srv/heat")), InstallTemplates.read(unit).orElseThrow());
        assertTrue(InstallTemplates.read("[Service]\nExecStart=/bin/true\n").isEmpty());
    }

    @Test
    void aHomeUnderHomeIsReadOnlyProtectedRatherThanHidden() {
        String elsewhere = InstallTemplates.unit("meterbridge", Path.of("/var/lib/meterbridge"), Path.of("/usr/bin/java"), InstallLayout.JAR);
        assertTrue(elsewhere.contains("\nProtectHome=true\n"), elsewhere);
        String underHome = InstallTemplates.unit("meterbridge", Path.of("/home/pi/meterbridge"), Path.of("/usr/bin/java"), InstallLayout.JAR);
        assertTrue(underHome.contains("\nProtectHome=read-only\n") && underHome.contains("\nReadWritePaths=/home/pi/meterbridge\n"), underHome);
    }
}
