package io.meterbridge.cli;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import com.sun.security.auth.module.UnixSystem;

/**
 * What {@code install} and {@code uninstall} do to the host beyond writing files: {@code useradd},
 * {@code chown}, {@code systemctl}. Each command is printed before it runs, its own output shows
 * beneath, and one that fails ends the command naming it. Staged ({@code --root}) the commands are
 * only printed, as {@code would run: …}, so a staged install changes nothing outside its directory.
 */
final class HostCommands {

    private final PrintWriter out;
    private final boolean staged;

    HostCommands(PrintWriter out, boolean staged) {
        this.out = out;
        this.staged = staged;
    }

    boolean staged() {
        return staged;
    }

    /** Runs {@code command} (staged: prints it); fails if it ends with a status other than 0. */
    void run(String... command) throws IOException, InterruptedException {
        String line = String.join(" ", command);
        if (staged) {
            out.println("would run: " + line);
            return;
        }
        out.println("running: " + line);
        out.flush();
        Process p = new ProcessBuilder(command).inheritIO().redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        int status = p.waitFor();
        if (status != 0) {
            throw new IllegalStateException(line + " failed with exit status " + status + " (its own message is above)");
        }
    }

    /**
     * The home directory of the user {@code name} in the user database ({@code getent passwd}, so
     * users from LDAP count too), or empty when there is no such user. Read from the host also when
     * staged: it only decides which command is printed.
     */
    static Optional<String> userHome(String name) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("getent", "passwd", name).redirectErrorStream(true).start();
        String entry = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        int status = p.waitFor();
        if (status == 2) {
            return Optional.empty();
        }
        String[] fields = entry.split(":", -1);
        if (status != 0 || fields.length < 7) {
            throw new IllegalStateException("getent passwd " + name + " failed with exit status " + status + ": " + entry);
        }
        return Optional.of(fields[5]);
    }

    /** This process's user id. */
    static long uid() {
        return new UnixSystem().getUid();
    }

    /**
     * Refuses to go on unless {@code uid} is root's ({@code why}: what needs it), so that a
     * command without the rights fails before it starts rather than half-way through.
     */
    static void requireRoot(long uid, String why, String example) {
        if (uid != 0) {
            throw new IllegalStateException("needs root (" + why + "): run it with sudo, e.g. " + example
                    + " (or stage the files under a directory with --root DIR)");
        }
    }
}
