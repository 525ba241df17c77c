package io.meterbridge.camel.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.packets.connect.ConnackReasonCode;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;
import io.meterbridge.camel.mqtt.MqttConnectException.Problem;
import io.meterbridge.camel.testing.HiveMqBroker;
import io.meterbridge.camel.testing.MosquittoBroker;
import io.meterbridge.camel.testing.ServiceHome;
import io.meterbridge.camel.testing.TcpProxy;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * What the log says when the bridge cannot connect to its broker, as a user meets it: a
 * Mosquitto that wants a password (given wrong, or not at all), an {@code ssl://} URL on a plain
 * listener, nothing listening, and — through a HiveMQ extension that refuses with the reason code
 * a real broker would send — a rejected client id, a broker that is unavailable, a ban.
 */
class BrokerConnectionFailuresTest {

    private static final AtomicInteger IDS = new AtomicInteger();

    @TempDir
    static Path dir;

    /** Only its executor service manager: the connection's thread comes from Camel, as in the service. */
    static final CamelContext camel = new DefaultCamelContext();
    static MosquittoBroker mosquitto;
    static HiveMqBroker hivemq;

    @BeforeAll
    static void brokers() throws Exception {
        hivemq = new HiveMqBroker(dir.resolve("hivemq"), refusingByClientId());
        hivemq.start();
        if (MosquittoBroker.available()) {
            mosquitto = MosquittoBroker.withPassword(dir.resolve("mosquitto"), "alice", "secret");
            mosquitto.start();
        }
    }

    @AfterAll
    static void stop() throws Exception {
        camel.close();
        if (mosquitto != null) {
            mosquitto.close();
        }
        if (hivemq != null) {
            hivemq.close();
        }
    }

    /**
     * An authenticator as a broker's auth plugin would be: a client id {@code refuse-<REASON>} is
     * refused with that CONNACK reason code, every other client let in.
     */
    static EmbeddedExtension refusingByClientId() {
        ExtensionMain main = new ExtensionMain() {
            @Override
            public void extensionStart(ExtensionStartInput in, ExtensionStartOutput out) {
                SimpleAuthenticator refuse = (input, output) -> {
                    String id = input.getClientInformation().getClientId();
                    if (id.startsWith("refuse-")) {
                        output.failAuthentication(ConnackReasonCode.valueOf(id.substring("refuse-".length())),
                                "refused by test");
                    } else {
                        output.authenticateSuccessfully();
                    }
                };
                Services.securityRegistry().setAuthenticatorProvider(provider -> refuse);
            }

            @Override
            public void extensionStop(ExtensionStopInput in, ExtensionStopOutput out) {
            }
        };
        return EmbeddedExtension.builder().withId("refuse").withName("refuse").withVersion("1").withAuthor("test")
                .withPriority(0).withStartPriority(0).withExtensionMain(main).build();
    }

    private static void requireMosquitto() {
        Assumptions.assumeTrue(mosquitto != null, "mosquitto is not installed (.ci/run installs it)");
    }

    static MqttSettings settings(String url, String clientId, String user, String password) {
        return new MqttSettings(url, clientId, user, password, clientId + "/status", "", 1, 1, 3);
    }

    /**
     * Starts a connection as the service does, waits for its first failed attempt, and returns
     * why — after checking that the warning in the log is that very message.
     */
    static MqttConnectException failure(MqttSettings settings) throws Exception {
        Logger log = (Logger) LoggerFactory.getLogger(BrokerConnection.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        log.addAppender(logged);
        BrokerConnection connection = new BrokerConnection(settings, camel.getExecutorServiceManager());
        try {
            connection.start();
            ServiceHome.await(Duration.ofSeconds(15), "a failed connection attempt to " + settings.url(),
                    () -> connection.lastConnectFailure() != null);
            MqttConnectException failure = connection.lastConnectFailure();
            ServiceHome.await(Duration.ofSeconds(5), "the warning", () -> !warnings(logged).isEmpty());
            String warning = warnings(logged).get(0);
            assertTrue(warning.startsWith(failure.getMessage()), warning);
            assertTrue(warning.contains("readings wait in the journal, retrying"), warning);
            assertTrue(!warning.contains("Untranslated") && !warning.contains("not reachable"), warning);
            return failure;
        } finally {
            connection.stop();
            log.detachAppender(logged);
        }
    }

    private static List<String> warnings(ListAppender<ILoggingEvent> logged) {
        return List.copyOf(logged.list).stream().filter(e -> e.getLevel() == Level.WARN)
                .map(ILoggingEvent::getFormattedMessage).toList();
    }

    static String id() {
        return "bridge" + IDS.incrementAndGet();
    }

    @Test
    void aWrongPasswordSaysTheBrokerRefusedTheCredentialsAndWhichSettingsToCheck() throws Exception {
        requireMosquitto();
        MqttConnectException e = failure(settings(mosquitto.url(), id(), "alice", "wrong"));
        assertEquals(Problem.CREDENTIALS_REFUSED, e.problem());
        assertEquals(0x87, e.reasonCode(), "Mosquitto answers a wrong password with Not authorized");
        assertEquals("MQTT broker " + mosquitto.url() + " refused the credentials of user 'alice' (MQTT reason 0x87 "
                + "Not authorized); check mqtt.username and mqtt.password (and that the broker's access rules let "
                + "this user connect)", e.getMessage());
    }

    @Test
    void theRightPasswordConnects() throws Exception {
        requireMosquitto();
        BrokerConnection connection = new BrokerConnection(settings(mosquitto.url(), id(), "alice", "secret"), camel.getExecutorServiceManager());
        try {
            connection.start();
            ServiceHome.await(Duration.ofSeconds(15), "connected", connection::isConnected);
            assertNull(connection.lastConnectFailure());
        } finally {
            connection.stop();
        }
    }

    @Test
    void noCredentialsForABrokerThatWantsThemSaysToSetThem() throws Exception {
        requireMosquitto();
        MqttConnectException e = failure(settings(mosquitto.url(), id(), null, null));
        assertEquals(Problem.CREDENTIALS_MISSING, e.problem());
        assertTrue(e.getMessage().endsWith("wants a user name and password (MQTT reason 0x87 Not authorized); "
                + "set mqtt.username and mqtt.password"), e.getMessage());
    }

    @Test
    void sslOnAPlainListenerSaysTheTlsHandshakeFailedAndWhatToUseInstead() throws Exception {
        requireMosquitto();
        assertTlsOnPlainListener(mosquitto.port());
    }

    @Test
    void sslOnAPlainHiveMqListenerSaysTheSame() throws Exception {
        assertTlsOnPlainListener(hivemq.port());
    }

    private static void assertTlsOnPlainListener(int port) throws Exception {
        String hostPort = "127.0.0.1:" + port;
        MqttConnectException e = failure(settings("ssl://" + hostPort, id(), "alice", "secret"));
        assertEquals(Problem.TLS_NOT_SPOKEN, e.problem(), e.getMessage());
        assertTrue(e.getMessage().startsWith("MQTT broker ssl://" + hostPort + ": the TLS handshake with " + hostPort
                + " failed ("), e.getMessage());
        assertTrue(e.getMessage().endsWith("; the broker at " + hostPort + " probably does not speak TLS there: use tcp://"
                + hostPort + " for its plain listener, or the port of its TLS listener (usually 8883)"), e.getMessage());
    }

    @Test
    void nothingListeningSaysSo() throws Exception {
        int port = ServiceHome.freePort();
        MqttConnectException e = failure(settings("tcp://127.0.0.1:" + port, id(), null, null));
        assertEquals(Problem.CONNECTION_REFUSED, e.problem());
        assertEquals("MQTT broker tcp://127.0.0.1:" + port + ": nothing accepts connections at 127.0.0.1:" + port
                + " (Connection refused); is the broker running, and are the host and port in mqtt.url right?",
                e.getMessage());
    }

    /**
     * A broker that accepts the connection and never answers CONNECT: the attempt times out,
     * and the next one, to a broker that answers, connects. Paho keeps a timed-out attempt open
     * and refuses every later connect with "connect already in progress" (32110) unless it is
     * dropped, so without that the bridge would never connect again.
     */
    @Test
    void aBrokerThatNeverAnswersDoesNotKeepTheBridgeFromConnectingOnceItDoes() throws Exception {
        try (TcpProxy network = new TcpProxy(hivemq.port())) {
            network.silent(true);
            BrokerConnection connection = new BrokerConnection(settings(network.url(), id(), null, null),
                    camel.getExecutorServiceManager());
            try {
                connection.start();
                ServiceHome.await(Duration.ofSeconds(20), "the attempt to time out", () -> connection.lastConnectFailure() != null);
                assertEquals(Problem.NO_ANSWER, connection.lastConnectFailure().problem(),
                        connection.lastConnectFailure().getMessage());
                network.silent(false);
                ServiceHome.await(Duration.ofSeconds(30), "connected once the broker answers", connection::isConnected);
                assertEquals(1, connection.connectCount());
            } finally {
                connection.stop();
            }
        }
    }

    @Test
    void badUserNameOrPasswordFromAnotherBrokerSaysTheSameAsMosquittosNotAuthorized() throws Exception {
        MqttConnectException e = failure(settings(hivemq.url(), "refuse-BAD_USER_NAME_OR_PASSWORD", "bob", "x"));
        assertEquals(Problem.CREDENTIALS_REFUSED, e.problem());
        assertEquals("MQTT broker " + hivemq.url() + " refused the credentials of user 'bob' (MQTT reason 0x86 Bad User "
                + "Name or Password); check mqtt.username and mqtt.password", e.getMessage());
    }

    @Test
    void aRejectedClientIdNamesTheIdAndTheSetting() throws Exception {
        MqttConnectException e = failure(settings(hivemq.url(), "refuse-CLIENT_IDENTIFIER_NOT_VALID", null, null));
        assertEquals(Problem.CLIENT_ID_REJECTED, e.problem());
        assertTrue(e.getMessage().startsWith("MQTT broker " + hivemq.url() + " rejected the client id "
                + "'refuse-CLIENT_IDENTIFIER_NOT_VALID' (MQTT reason 0x85 Client Identifier not valid)"), e.getMessage());
        assertTrue(e.getMessage().contains("; set mqtt.clientId to one the broker accepts"), e.getMessage());
    }

    @Test
    void anUnavailableBrokerSaysItIsRunningButNotTakingClients() throws Exception {
        MqttConnectException e = failure(settings(hivemq.url(), "refuse-SERVER_UNAVAILABLE", null, null));
        assertEquals(Problem.SERVER_UNAVAILABLE, e.problem());
        assertTrue(e.getMessage().startsWith("MQTT broker " + hivemq.url() + " is running but does not take clients now "
                + "(MQTT reason 0x88 Server unavailable)"), e.getMessage());
    }

    @Test
    void aBanSaysWhoIsBannedAndWhomToAsk() throws Exception {
        MqttConnectException e = failure(settings(hivemq.url(), "refuse-BANNED", "carol", "pw"));
        assertEquals(Problem.BANNED, e.problem());
        assertTrue(e.getMessage().startsWith("MQTT broker " + hivemq.url() + " has banned this client (client id "
                + "'refuse-BANNED', user 'carol') (MQTT reason 0x8A Banned)"), e.getMessage());
        assertTrue(e.getMessage().endsWith("; ask whoever runs the broker to lift the ban"), e.getMessage());
    }

    @Test
    void notAuthorizedWithoutAPasswordSaysToSetOne() throws Exception {
        MqttConnectException e = failure(settings(hivemq.url(), "refuse-NOT_AUTHORIZED", null, null));
        assertEquals(Problem.CREDENTIALS_MISSING, e.problem());
        assertEquals(0x87, e.reasonCode());
    }
}
