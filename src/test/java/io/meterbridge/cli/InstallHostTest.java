package io.meterbridge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What install and uninstall ask of the host: root, the user database, commands that run or, staged,
 * are only printed. The build machines run the tests as root, so "not root" is shown by the check
 * on another user id and, where the tests run as someone else, by the command itself.
 */
class InstallHostTest {

    @TempDir
    Path dir;

    @Test
    void theUserIdIsThisProcesss() throws Exception {
        Process p = new ProcessBuilder("id", "-u").start();
        String id = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, p.waitFor());
        assertEquals(Long.parseLong(id), HostCommands.uid());
    }

    @Test
    void anyoneButRootIsToldToUseSudo() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> HostCommands.requireRoot(1000, "it writes /etc", "sudo java -jar meterbridge.jar install"));
        assertEquals("needs root (it writes /etc): run it with sudo, e.g. sudo java -jar meterbridge.jar install "
                + "(or stage the files under a directory with --root DIR)", e.getMessage());
        HostCommands.requireRoot(0, "it writes /etc", "sudo …");
    }

    @Test
    void withoutRootInstallAndUninstallEndWithOneLineBeforeChangingAnything() throws Exception {
        Assumptions.assumeTrue(HostCommands.uid() != 0, "running as root: without --root this would really install");
        Path jar = Files.write(dir.resolve("meterbridge.jar"), new byte[] {'P', 'K'});
        BusCommandsTest.Run install = InstallCommandTest.run("install", "--jar", jar.toString());
        assertEquals(1, install.exit());
        assertTrue(install.err().startsWith("meterbridge install: needs root (") && install.err().contains("run it with sudo"), install.err());
        assertEquals(1, install.err().lines().count(), install.err());
        BusCommandsTest.Run uninstall = InstallCommandTest.run("uninstall");
        assertEquals(1, uninstall.exit());
        assertTrue(uninstall.err().startsWith("meterbridge uninstall: needs root ("), uninstall.err());
    }

    @Test
    void stagedCommandsArePrintedAndRealOnesRunAndFailNamingThemselves() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintWriter out = new PrintWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8), true);
        Path marker = dir.resolve("ran");
        new HostCommands(out, true).run("touch", marker.toString());
        assertTrue(Files.notExists(marker), "staged: not run");
        new HostCommands(out, false).run("touch", marker.toString());
        assertTrue(Files.exists(marker));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new HostCommands(out, false).run("false"));
        assertEquals("false failed with exit status 1 (its own message is above)", e.getMessage());
        assertEquals("would run: touch " + marker + "\nrunning: touch " + marker + "\nrunning: false\n", bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theUserDatabaseGivesAUsersHomeOrNothing() throws Exception {
        assertEquals(Optional.of("/root"), HostCommands.userHome("root"));
        assertEquals(Optional.empty(), HostCommands.userHome("no-such-meterbridge-user"));
    }
}
