package io.meterbridge.camel.p1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.meterbridge.camel.testing.ServiceHome;
import io.meterbridge.meter.ElectricityReading;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.apache.camel.CamelContext;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * {@code p1:homewizard:HOST} against a real local HTTP(S) server that answers as a HomeWizard
 * Wi-Fi P1 meter does, with responses recorded from real devices (see
 * {@code src/test/resources/homewizard/SOURCES.md}): the telegram goes through the P1 framer and
 * parser into one exchange per new telegram; 403, 401, timeouts, garbage and the wrong CA each give
 * one warning naming the cause and the address, are counted as lost ports and retried with back-off,
 * and the route reads again once the device answers.
 */
class HomeWizardP1Test {

    private static final String FAST = "reconnectDelay=50&maxReconnectDelay=200&pollInterval=100&connectTimeout=500";
    private static final String TOKEN = "1A2B3C4D5E6F7A8B9C0D1E2F3A4B5C6D";

    @TempDir
    Path dir;

    private HttpServer server;
    private CamelContext camel;
    private P1Route route;
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger readerLog = (Logger) LoggerFactory.getLogger(P1StreamReader.class);

    /** What the fake device answers; the tests change it while the route runs. */
    private volatile int status = 200;
    private volatile byte[] device;
    private volatile long delayMillis;
    private final List<String> authorizations = new ArrayList<>();

    @BeforeEach
    void capture() throws IOException {
        device = resource("device-v1.json");
        logged.start();
        readerLog.addAppender(logged);
    }

    @AfterEach
    void stop() {
        if (camel != null) {
            camel.stop();
        }
        if (server != null) {
            server.stop(0);
        }
        readerLog.detachAppender(logged);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = HomeWizardP1Test.class.getResourceAsStream("/homewizard/" + name)) {
            return in.readAllBytes();
        }
    }

    private void serve(HttpServer s, String telegramPath) throws IOException {
        byte[] telegram = resource("telegram.txt");
        s.createContext("/api", x -> answer(x, x.getRequestURI().getPath().equals(telegramPath) ? telegram
                : x.getRequestURI().getPath().equals("/api") ? device : null));
        s.start();
        server = s;
    }

    private void answer(HttpExchange x, byte[] body) throws IOException {
        synchronized (authorizations) {
            authorizations.add(x.getRequestHeaders().getFirst("Authorization") + " v"
                    + x.getRequestHeaders().getFirst("X-Api-Version"));
        }
        try {
            if (delayMillis > 0) {
                TimeUnit.MILLISECONDS.sleep(delayMillis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int code = body == null ? 404 : status;
        byte[] out = code == 200 ? body : ("{\"error\":\"" + code + "\"}").getBytes();
        x.sendResponseHeaders(code, out.length);
        try (OutputStream o = x.getResponseBody()) {
            o.write(out);
        }
    }

    private String httpDevice() throws IOException {
        serve(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0), "/api/v1/telegram");
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** An HTTPS device with a self-signed test certificate for 127.0.0.1; returns the PEM to trust. */
    private Path httpsDevice() throws Exception {
        Path keystore = dir.resolve("device.p12");
        Path pem = dir.resolve("device-ca.pem");
        keytool("-genkeypair", "-alias", "device", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=appliance/p1dongle/5c2fafaabbcc", "-ext", "san=ip:127.0.0.1",
                "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", "changeit");
        keytool("-exportcert", "-rfc", "-alias", "device", "-keystore", keystore.toString(), "-storepass", "changeit",
                "-file", pem.toString());
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        HttpsServer s = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        s.setHttpsConfigurator(new HttpsConfigurator(tls));
        device = resource("device-v2.json");
        serve(s, "/api/telegram");
        return pem;
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
    }

    private P1Consumer start(String uri) throws Exception {
        P1Route route = P1Route.start(uri);
        camel = route.camel();
        this.route = route;
        return route.consumer();
    }

    private List<Message> received() {
        return route == null ? List.of() : route.received();
    }

    private List<String> warnings() {
        return logged.list.stream().filter(e -> e.getLevel() == ch.qos.logback.classic.Level.WARN)
                .map(ILoggingEvent::getFormattedMessage).toList();
    }

    private static void assertRecordedReading(Message m) {
        ElectricityReading r = assertInstanceOf(ElectricityReading.class, m.getBody());
        assertEquals(new BigDecimal("10830.511"), r.importKwhByTariff().get(1));
        assertEquals(new BigDecimal("2948.827"), r.importKwhByTariff().get(2));
        assertEquals(new BigDecimal("21.100"), r.powerImportKw());
        assertEquals(new BigDecimal("2569.646"), r.gas().value());
    }

    @Test
    void v1TelegramIsParsedIntoOneExchangePerNewTelegram() throws Exception {
        String host = httpDevice();
        P1Consumer consumer = start("p1:homewizard:" + host + "?" + FAST);
        ServiceHome.await(Duration.ofSeconds(10), "a telegram", () -> !received().isEmpty());
        Thread.sleep(600); // several more polls return the same telegram
        assertEquals(1, received().size(), "the same telegram polled again is not a new reading");
        Message m = received().get(0);
        assertRecordedReading(m);
        assertEquals("homewizard:" + host, m.getHeader(P1Constants.PORT));
        assertEquals(1, consumer.getStatistics().telegrams());
        assertEquals(0, consumer.getStatistics().dropped());
        assertTrue(authorizations.stream().allMatch(a -> a.equals("null vnull")), "v1 sends no token: " + authorizations);
    }

    @Test
    void apiDisabledIsNamedCountedAndRetriedUntilItIsSwitchedOn() throws Exception {
        status = 403;
        String host = httpDevice();
        P1Consumer consumer = start("p1:homewizard:" + host + "?" + FAST);
        ServiceHome.await(Duration.ofSeconds(10), "three failed attempts", () -> consumer.getStatistics().disconnects() >= 3);
        assertTrue(received().isEmpty());
        String warning = warnings().get(0);
        assertTrue(warning.contains("local API of the HomeWizard at " + host + " is disabled (HTTP 403"), warning);
        assertTrue(warning.contains("HomeWizard Energy app"), warning);
        assertEquals(1, warnings().size(), "one warning for the outage, not one a retry: " + warnings());
        status = 200;
        ServiceHome.await(Duration.ofSeconds(10), "a telegram once the API is on", () -> !received().isEmpty());
        assertRecordedReading(received().get(0));
        assertTrue(logged.list.stream().anyMatch(e -> e.getLevel() == ch.qos.logback.classic.Level.INFO
                && e.getFormattedMessage().contains("telegrams again after")), "the recovery is said");
    }

    @Test
    void aFailingHomeWizardStopsNoOtherRoute() throws Exception {
        status = 403;
        String host = httpDevice();
        java.util.concurrent.atomic.AtomicInteger ticks = new java.util.concurrent.atomic.AtomicInteger();
        P1Consumer consumer = start("p1:homewizard:" + host + "?" + FAST);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("timer:other?period=50").routeId("other").process(e -> ticks.incrementAndGet());
            }
        });
        ServiceHome.await(Duration.ofSeconds(10), "failures and ticks",
                () -> consumer.getStatistics().disconnects() >= 3 && ticks.get() >= 5);
        assertTrue(camel.getRouteController().getRouteStatus("p1").isStarted());
        assertTrue(camel.getRouteController().getRouteStatus("other").isStarted());
    }

    @Test
    void garbageFromTheDeviceDescriptionIsNamed() throws Exception {
        device = "<html>not json".getBytes();
        String host = httpDevice();
        P1Consumer consumer = start("p1:homewizard:" + host + "?" + FAST);
        ServiceHome.await(Duration.ofSeconds(10), "two failed attempts", () -> consumer.getStatistics().disconnects() >= 2);
        String warning = warnings().get(0);
        assertTrue(warning.contains("expected the device description as JSON from http://" + host + "/api, found"
                + " \"<html>not json\""), warning);
        assertTrue(received().isEmpty());
    }

    @Test
    void aDeviceTooSlowToAnswerIsATimeoutNamingTheAddress() throws Exception {
        delayMillis = 1500;
        String host = httpDevice();
        P1Consumer consumer = start("p1:homewizard:" + host + "?" + FAST);
        ServiceHome.await(Duration.ofSeconds(10), "a timed-out attempt", () -> consumer.getStatistics().disconnects() >= 1);
        String warning = warnings().get(0);
        assertTrue(warning.contains("no answer from the HomeWizard at " + host + " within 500 ms"), warning);
        assertTrue(received().isEmpty());
    }

    @Test
    void unreachableDeviceIsNamed() throws Exception {
        String host = httpDevice();
        server.stop(0);
        server = null;
        P1Consumer consumer = start("p1:homewizard:" + host + "?" + FAST);
        ServiceHome.await(Duration.ofSeconds(10), "a failed attempt", () -> consumer.getStatistics().disconnects() >= 1);
        String warning = warnings().get(0);
        assertTrue(warning.contains("cannot reach the HomeWizard at " + host), warning);
    }

    @Test
    void v2ReadsOverHttpsWithTheTokenAndNeverLogsIt() throws Exception {
        Path pem = httpsDevice();
        String host = "127.0.0.1:" + server.getAddress().getPort();
        start("p1:homewizard:" + host + "?" + FAST + "&token=" + TOKEN + "&trustCertificate=" + pem);
        ServiceHome.await(Duration.ofSeconds(10), "a telegram", () -> !received().isEmpty());
        assertRecordedReading(received().get(0));
        synchronized (authorizations) {
            assertTrue(authorizations.stream().allMatch(a -> a.equals("Bearer " + TOKEN + " v2")), authorizations.toString());
        }
        assertTrue(logged.list.stream().noneMatch(e -> e.getFormattedMessage().contains(TOKEN)));
        assertTrue(logged.list.stream().anyMatch(e -> e.getFormattedMessage().contains("API v2, HTTPS")));
    }

    @Test
    void v2WrongTokenIsNamed() throws Exception {
        Path pem = httpsDevice();
        status = 401;
        String host = "127.0.0.1:" + server.getAddress().getPort();
        P1Consumer consumer = start("p1:homewizard:" + host + "?" + FAST + "&token=" + TOKEN + "&trustCertificate=" + pem);
        ServiceHome.await(Duration.ofSeconds(10), "two failed attempts", () -> consumer.getStatistics().disconnects() >= 2);
        String warning = warnings().get(0);
        assertTrue(warning.contains("the HomeWizard at " + host + " rejected the token (HTTP 401"), warning);
        assertFalse(warning.contains(TOKEN), warning);
        assertTrue(received().isEmpty());
    }

    @Test
    void v2TrustsOnlyHomeWizardsCaByDefault() throws Exception {
        httpsDevice();
        String host = "127.0.0.1:" + server.getAddress().getPort();
        P1Consumer consumer = start("p1:homewizard:" + host + "?" + FAST + "&token=" + TOKEN);
        ServiceHome.await(Duration.ofSeconds(10), "a refused handshake", () -> consumer.getStatistics().disconnects() >= 1);
        String warning = warnings().get(0);
        assertTrue(warning.contains("TLS with the HomeWizard at " + host + " failed"), warning);
        assertTrue(warning.contains("is not from HomeWizard's CA"), warning);
        synchronized (authorizations) {
            assertTrue(authorizations.isEmpty(), "the token went to a device we do not trust: " + authorizations);
        }
    }
}
