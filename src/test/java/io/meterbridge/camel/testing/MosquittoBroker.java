package io.meterbridge.camel.testing;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** A real Mosquitto process on a free loopback port, persistence in a test folder. */
public final class MosquittoBroker implements TestBroker {

    private final Path folder;
    private final int port;
    private Process process;

    /** Whether a {@code mosquitto} binary is on PATH (CI installs Debian's). */
    public static boolean available() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "mosquitto"))) {
                return true;
            }
        }
        return Files.isExecutable(Path.of("/usr/sbin/mosquitto"));
    }

    public MosquittoBroker(Path folder) throws IOException {
        this(folder, "allow_anonymous true\n");
    }

    /**
     * A broker that lets in only {@code user} with {@code password} (a password file made with
     * {@code mosquitto_passwd}, {@code allow_anonymous false}), as a secured installation does.
     */
    public static MosquittoBroker withPassword(Path folder, String user, String password)
            throws IOException, InterruptedException {
        Files.createDirectories(folder);
        Path file = folder.resolve("passwords").toAbsolutePath();
        Process p = new ProcessBuilder("mosquitto_passwd", "-b", "-c", file.toString(), user, password)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new AssertionError("mosquitto_passwd failed: " + out);
        }
        return new MosquittoBroker(folder, "allow_anonymous false\npassword_file " + file + "\n");
    }

    private MosquittoBroker(Path folder, String access) throws IOException {
        this.folder = folder;
        this.port = ServiceHome.freePort();
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("mosquitto.conf"), """
                listener %d 127.0.0.1
                # started as root (CI), mosquitto would switch to user "mosquitto", who cannot write here
                user %s
                %spersistence true
                persistence_location %s/
                log_dest stderr
                """.formatted(port, System.getProperty("user.name"), access, folder.toAbsolutePath()));
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    @Override
    public void start() throws Exception {
        String binary = Files.isExecutable(Path.of("/usr/sbin/mosquitto")) ? "/usr/sbin/mosquitto" : "mosquitto";
        process = new ProcessBuilder(binary, "-c", folder.resolve("mosquitto.conf").toString())
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve("mosquitto.log").toFile())
                .start();
        ServiceHome.await(Duration.ofSeconds(10), "mosquitto to listen on " + port, () -> {
            try (Socket s = new Socket("127.0.0.1", port)) {
                return true;
            } catch (IOException e) {
                return !process.isAlive() && fail();
            }
        });
    }

    private boolean fail() {
        try {
            throw new AssertionError("mosquitto exited: " + Files.readString(folder.resolve("mosquitto.log")));
        } catch (IOException e) {
            throw new AssertionError("mosquitto exited", e);
        }
    }

    @Override
    public void stop() throws Exception {
        if (process != null) {
            process.destroy(); // SIGTERM: mosquitto saves its persistence file
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            process = null;
        }
    }

    @Override
    public void close() throws Exception {
        stop();
    }

    @Override
    public String toString() {
        return "Mosquitto " + url();
    }
}
