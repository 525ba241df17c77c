package io.meterbridge.sim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A pair of connected Linux pseudo-terminals made by socat
 * ({@code socat pty,raw,echo=0,link=A pty,raw,echo=0,link=B}): a master opens {@code A} as if it
 * were a serial port, the simulator serves {@code B}. Closing it kills socat, which to the
 * master looks exactly like an unplugged USB adapter.
 */
public final class PtyLink implements AutoCloseable {

    private final Path masterSide;
    private final Path slaveSide;
    private final Process socat;

    private PtyLink(Path masterSide, Path slaveSide, Process socat) {
        this.masterSide = masterSide;
        this.slaveSide = slaveSide;
        this.socat = socat;
    }

    /** True if a {@code socat} binary is on the PATH. */
    public static boolean socatAvailable() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, "socat"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Starts socat and waits (up to 5 s) until both links exist.
     *
     * @throws IOException if socat is missing or does not come up, with what to do
     */
    public static PtyLink open(Path masterSide, Path slaveSide) throws IOException {
        if (!socatAvailable()) {
            throw new IOException("socat is not installed; it makes the pseudo-terminal pair "
                    + "(Debian/Ubuntu: apt-get install socat), or use --tcp PORT instead");
        }
        Files.deleteIfExists(masterSide);
        Files.deleteIfExists(slaveSide);
        Process p = new ProcessBuilder(List.of("socat", "pty,raw,echo=0,link=" + masterSide.toAbsolutePath(),
                "pty,raw,echo=0,link=" + slaveSide.toAbsolutePath()))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!(Files.exists(masterSide) && Files.exists(slaveSide))) {
            if (!p.isAlive()) {
                throw new IOException("socat exited with status " + p.exitValue() + " while creating " + masterSide
                        + "; is the directory writable?");
            }
            if (System.nanoTime() > deadline) {
                p.destroyForcibly();
                throw new IOException("socat did not create " + masterSide + " within 5 s");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
                throw new IOException("interrupted", e);
            }
        }
        return new PtyLink(masterSide, slaveSide, p);
    }

    /** The end a master opens. */
    public Path masterSide() {
        return masterSide;
    }

    /** The end the simulator serves. */
    public Path slaveSide() {
        return slaveSide;
    }

    @Override
    public void close() {
        socat.destroy();
        try {
            if (!socat.waitFor(2, TimeUnit.SECONDS)) {
                socat.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
