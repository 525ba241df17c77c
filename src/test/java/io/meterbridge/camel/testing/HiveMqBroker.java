package io.meterbridge.camel.testing;

import java.nio.file.Files;
import java.nio.file.Path;

import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.embedded.EmbeddedHiveMQ;
import com.hivemq.embedded.EmbeddedHiveMQBuilder;

/**
 * HiveMQ Community Edition, embedded (MQTT 3 and 5), with file persistence in a test folder, so
 * that {@link #stop()} and {@link #start()} keep the clients' sessions.
 */
public final class HiveMqBroker implements TestBroker {

    private final Path folder;
    private final int port;
    private final EmbeddedExtension extension;
    private EmbeddedHiveMQ hivemq;

    public HiveMqBroker(Path folder) throws Exception {
        this(folder, null);
    }

    /**
     * With {@code extension} loaded as HiveMQ loads any extension (an authenticator that refuses
     * with a chosen CONNACK reason code, say); null for none.
     */
    public HiveMqBroker(Path folder, EmbeddedExtension extension) throws Exception {
        this.extension = extension;
        this.folder = folder;
        this.port = ServiceHome.freePort();
        Files.createDirectories(folder.resolve("conf"));
        Files.createDirectories(folder.resolve("data"));
        Files.createDirectories(folder.resolve("extensions"));
        Files.writeString(folder.resolve("conf/config.xml"), """
                <?xml version="1.0"?>
                <hivemq>
                  <listeners>
                    <tcp-listener><port>%d</port><bind-address>127.0.0.1</bind-address></tcp-listener>
                  </listeners>
                  <!-- sessions, their queues and in-flight flows on disk: a restart keeps them -->
                  <persistence><mode>file</mode></persistence>
                  <anonymous-usage-statistics><enabled>false</enabled></anonymous-usage-statistics>
                </hivemq>
                """.formatted(port));
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
        EmbeddedHiveMQBuilder builder = EmbeddedHiveMQ.builder()
                .withConfigurationFolder(folder.resolve("conf"))
                .withDataFolder(folder.resolve("data"))
                .withExtensionsFolder(folder.resolve("extensions"))
                .withoutLoggingBootstrap();
        if (extension != null) {
            builder = builder.withEmbeddedExtension(extension);
        }
        hivemq = builder.build();
        hivemq.start().join();
    }

    @Override
    public void stop() throws Exception {
        if (hivemq != null) {
            hivemq.stop().join();
            hivemq.close();
            hivemq = null;
        }
    }

    @Override
    public void close() throws Exception {
        stop();
    }

    @Override
    public String toString() {
        return "HiveMQ CE " + url();
    }
}
