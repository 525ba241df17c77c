package io.meterbridge.camel.homeassistant;

import com.hivemq.embedded.EmbeddedHiveMQ;
import io.meterbridge.camel.testing.ServiceHome;
import java.io.File;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** A real MQTT 5 broker for the tests: HiveMQ CE embedded, or a Mosquitto process. */
abstract class TestBroker implements AutoCloseable {

    final int port;
    final Path folder;

    TestBroker(Path folder) throws IOException {
        this.folder = Files.createDirectories(folder);
        this.port = ServiceHome.freePort();
    }

    String url() {
        return "tcp://127.0.0.1:" + port;
    }

    abstract void start() throws Exception;

    /** HiveMQ Community Edition, embedded in the test JVM. */
    static final class HiveMq extends TestBroker {
        private EmbeddedHiveMQ hive;

        HiveMq(Path folder) throws IOException {
            super(folder);
        }

        @Override
        void start() throws Exception {
            Path conf = Files.createDirectories(folder.resolve("conf"));
            Files.writeString(conf.resolve("config.xml"), """
                    <?xml version="1.0"?>
                    <hivemq>
                      <listeners><tcp-listener><port>%d</port><bind-address>127.0.0.1</bind-address></tcp-listener></listeners>
                      <anonymous-usage-statistics><enabled>false</enabled></anonymous-usage-statistics>
                    </hivemq>
                    """.formatted(port));
            hive = EmbeddedHiveMQ.builder().withConfigurationFolder(conf)
                    .withDataFolder(Files.createDirectories(folder.resolve("data")))
                    .withExtensionsFolder(Files.createDirectories(folder.resolve("extensions"))).build();
            hive.start().get(60, TimeUnit.SECONDS);
        }

        @Override
        public void close() throws Exception {
            if (hive != null) {
                hive.stop().get(30, TimeUnit.SECONDS);
                hive.close();
            }
        }

        @Override
        public String toString() {
            return "HiveMQ CE " + url();
        }
    }

    /** Debian's Mosquitto, started on a free loopback port with a minimal configuration. */
    static final class Mosquitto extends TestBroker {
        private Process process;

        Mosquitto(Path folder) throws IOException {
            super(folder);
        }

        static Path binary() {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "mosquitto"))) {
                    return Path.of(dir, "mosquitto");
                }
            }
            return Files.isExecutable(Path.of("/usr/sbin/mosquitto")) ? Path.of("/usr/sbin/mosquitto") : null;
        }

        @Override
        void start() throws Exception {
            Files.writeString(folder.resolve("mosquitto.conf"), """
                    listener %d 127.0.0.1
                    allow_anonymous true
                    persistence false
                    user %s
                    log_dest stderr
                    """.formatted(port, System.getProperty("user.name")));
            process = new ProcessBuilder(binary().toString(), "-c", folder.resolve("mosquitto.conf").toString())
                    .redirectErrorStream(true).redirectOutput(folder.resolve("mosquitto.log").toFile()).start();
            ServiceHome.await(Duration.ofSeconds(10), "mosquitto listening on " + port, () -> {
                if (!process.isAlive()) {
                    throw new AssertionError("mosquitto exited: " + log());
                }
                try (Socket s = new Socket("127.0.0.1", port)) {
                    return true;
                } catch (IOException e) {
                    return false;
                }
            });
        }

        private String log() {
            try {
                return Files.readString(folder.resolve("mosquitto.log"));
            } catch (IOException e) {
                return e.toString();
            }
        }

        @Override
        public void close() throws Exception {
            if (process != null) {
                process.destroy();
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        }

        @Override
        public String toString() {
            return "Mosquitto " + url();
        }
    }
}
