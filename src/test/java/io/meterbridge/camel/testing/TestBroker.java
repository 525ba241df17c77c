package io.meterbridge.camel.testing;

/** A real MQTT 5 broker on a loopback port that a test can take away and bring back. */
public interface TestBroker extends AutoCloseable {

    /** {@code tcp://127.0.0.1:port}. */
    String url();

    /** The loopback port it listens on. */
    int port();

    /** Starts it (again, with the sessions and retained messages it had). */
    void start() throws Exception;

    /** Stops it cleanly, keeping its persistent state for the next {@link #start}. */
    void stop() throws Exception;

    @Override
    void close() throws Exception;
}
