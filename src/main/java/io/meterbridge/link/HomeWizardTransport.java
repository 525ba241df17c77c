package io.meterbridge.link;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;

/**
 * A HomeWizard Wi-Fi P1 meter (HWE-P1) read over its local API as if it were a P1 byte stream
 * ({@code homewizard:HOST}): each poll fetches the raw DSMR telegram the meter last sent and hands
 * its bytes to the reader, so the P1 framer, CRC check and parser see exactly what a cable would.
 *
 * <p>API v1 (plain HTTP, "Local API" switched on in the HomeWizard Energy app): {@code GET /api}
 * says the product and API version, {@code GET /api/v1/telegram} the telegram. API v2 (firmware 6
 * and later, used when a token is set): HTTPS with {@code Authorization: Bearer TOKEN} and
 * {@code X-Api-Version: 2}, {@code GET /api/telegram}.
 *
 * <p>Trust for v2: the device presents a certificate issued by HomeWizard's own "Appliance Access
 * CA" for its serial, not for its IP address. Only that CA is trusted (bundled as
 * {@code homewizard-ca.pem}, as published in HomeWizard's python-homewizard-energy client; the
 * JDK's public CAs are not), so a verified chain proves a HomeWizard device; the host name is not
 * checked because the route names the device by address. Another PEM can be given instead.
 *
 * <p>Every failure (unreachable, HTTP 403 API disabled, 401 token rejected, 404 old firmware,
 * garbage) is a {@link PortUnavailableException} whose problem names the cause and the address;
 * the reader counts it as a lost port and tries again with back-off. The token never appears in a
 * message or {@link #describe()}.
 */
public final class HomeWizardTransport implements Transport {

    /** The product type of the Wi-Fi P1 meter in {@code GET /api}. */
    public static final String P1_PRODUCT_TYPE = "HWE-P1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final String host;
    private final String token;
    private final Duration pollInterval;
    private final Duration timeout;
    private final Path trustCertificate;
    private SSLContext tls;
    private boolean open;
    private boolean checked;
    private long nextPoll;
    private byte[] pending = new byte[0];
    private byte[] last;
    private int pendingOffset;

    /**
     * @param name             the port as configured, for messages
     * @param host             address or name of the meter, optionally with {@code :port}
     * @param token            the v2 local token, or null/blank for API v1
     * @param pollInterval     time between two telegram requests
     * @param timeout          connect and read timeout of each request
     * @param trustCertificate PEM of the CA to trust for v2, or null for HomeWizard's own
     */
    public HomeWizardTransport(String name, String host, String token, Duration pollInterval, Duration timeout,
            Path trustCertificate) {
        this.name = name;
        this.host = host;
        this.token = token == null || token.isBlank() ? null : token;
        this.pollInterval = pollInterval;
        this.timeout = timeout;
        this.trustCertificate = trustCertificate;
    }

    /** True when a v2 token is set: HTTPS with bearer token, else plain HTTP v1. */
    public boolean v2() {
        return token != null;
    }

    @Override
    public synchronized void open() throws PortUnavailableException {
        // no request here: a failure while reading is counted and backed off like a lost cable
        if (v2() && tls == null) {
            tls = tlsTrusting(trustCertificate);
        }
        open = true;
        nextPoll = System.nanoTime();
    }

    @Override
    public synchronized boolean isOpen() {
        return open;
    }

    @Override
    public void write(byte[] bytes) {
        // a P1 port is one-way; the HomeWizard API is read-only here
    }

    @Override
    public int read(byte[] buffer, int offset, int length, long timeoutNanos) throws PortUnavailableException {
        if (!open) {
            throw new PortUnavailableException(name, "not open", "");
        }
        if (pendingOffset == pending.length) {
            long wait = nextPoll - System.nanoTime();
            if (wait > 0) {
                sleepNanos(Math.min(wait, timeoutNanos));
                if (nextPoll - System.nanoTime() > 0) {
                    return 0;
                }
            }
            nextPoll = System.nanoTime() + pollInterval.toNanos();
            if (!checked) {
                checkDevice();
                checked = true;
            }
            byte[] t = telegram();
            // polled faster than the meter sends (DSMR 5 every second, DSMR 4 every 10 s): the same
            // telegram again is not a new reading
            if (java.util.Arrays.equals(t, last)) {
                return 0;
            }
            last = t;
            pending = t;
            pendingOffset = 0;
        }
        int n = Math.min(length, pending.length - pendingOffset);
        System.arraycopy(pending, pendingOffset, buffer, offset, n);
        pendingOffset += n;
        return n;
    }

    /** {@code GET /api}: is this a Wi-Fi P1 meter, and does it speak the API version we are about to use? */
    private void checkDevice() throws PortUnavailableException {
        byte[] body = get("/api");
        JsonNode device;
        try {
            device = JSON.readTree(body);
        } catch (IOException e) {
            throw lost("expected the device description as JSON from " + url("/api") + ", found "
                    + sample(body), e);
        }
        if (device == null || !device.isObject() || !device.hasNonNull("product_type")) {
            throw lost("expected a JSON object with product_type from " + url("/api") + ", found " + sample(body),
                    null);
        }
        String product = device.get("product_type").asText();
        if (!P1_PRODUCT_TYPE.equals(product)) {
            throw lost("the HomeWizard at " + host + " is a " + product + ", not a Wi-Fi P1 meter ("
                    + P1_PRODUCT_TYPE + "); it has no P1 telegram", null);
        }
    }

    private byte[] telegram() throws PortUnavailableException {
        byte[] body = get(v2() ? "/api/telegram" : "/api/v1/telegram");
        int i = 0;
        while (i < body.length && (body[i] == ' ' || body[i] == '\r' || body[i] == '\n')) {
            i++;
        }
        if (i == body.length || body[i] != '/') {
            throw lost("expected a DSMR telegram starting with '/' from " + url(telegramPath()) + ", found "
                    + sample(body), null);
        }
        return body;
    }

    private String telegramPath() {
        return v2() ? "/api/telegram" : "/api/v1/telegram";
    }

    private byte[] get(String path) throws PortUnavailableException {
        String url = url(path);
        HttpURLConnection c;
        try {
            c = (HttpURLConnection) URI.create(url).toURL().openConnection();
        } catch (IOException | IllegalArgumentException e) {
            throw lost("cannot address the HomeWizard at " + host + ": " + e.getMessage(), e);
        }
        try {
            if (c instanceof HttpsURLConnection https) {
                https.setSSLSocketFactory(tls.getSocketFactory());
                // the certificate names the device's serial, not the address the route gives; the chain
                // was verified against HomeWizard's CA alone
                https.setHostnameVerifier((h, session) -> true);
                https.setRequestProperty("Authorization", "Bearer " + token);
                https.setRequestProperty("X-Api-Version", "2");
            }
            c.setConnectTimeout((int) timeout.toMillis());
            c.setReadTimeout((int) timeout.toMillis());
            c.setUseCaches(false);
            int status = c.getResponseCode();
            if (status == 403) {
                throw lost("the local API of the HomeWizard at " + host + " is disabled (HTTP 403 from " + url
                        + "); switch on \"Local API\" for the meter in the HomeWizard Energy app", null);
            }
            if (status == 401) {
                throw lost("the HomeWizard at " + host + " rejected the token (HTTP 401 from " + url
                        + "); set the token the device issued to meterbridge (POST /api/user)", null);
            }
            if (status == 404 && path.endsWith("telegram")) {
                throw lost("the HomeWizard at " + host + " has no telegram endpoint (HTTP 404 from " + url
                        + "); update its firmware", null);
            }
            if (status != 200) {
                throw lost("expected HTTP 200 from " + url + ", found " + status, null);
            }
            try (InputStream in = c.getInputStream()) {
                return in.readNBytes(1 << 20);
            }
        } catch (SocketTimeoutException e) {
            throw lost("no answer from the HomeWizard at " + host + " within " + timeout.toMillis() + " ms ("
                    + url + ")", e);
        } catch (SSLException e) {
            throw lost("TLS with the HomeWizard at " + host + " failed (" + e.getMessage() + "): its certificate"
                    + " is not from " + (trustCertificate == null ? "HomeWizard's CA" : trustCertificate), e);
        } catch (IOException e) {
            throw lost("cannot reach the HomeWizard at " + host + " (" + url + "): " + e, e);
        } finally {
            c.disconnect();
        }
    }

    private String url(String path) {
        return (v2() ? "https://" : "http://") + host + path;
    }

    private static String sample(byte[] body) {
        String s = new String(body, 0, Math.min(body.length, 40), java.nio.charset.StandardCharsets.ISO_8859_1)
                .replaceAll("[\\p{Cntrl}]", "?");
        return body.length == 0 ? "an empty body" : "\"" + s + (body.length > 40 ? "…" : "") + "\"";
    }

    /** An SSL context trusting only the given CA, or HomeWizard's bundled one. */
    static SSLContext tlsTrusting(Path pem) throws PortUnavailableException {
        try (InputStream in = pem == null ? HomeWizardTransport.class.getResourceAsStream("homewizard-ca.pem")
                : Files.newInputStream(pem)) {
            if (in == null) {
                throw new IOException("homewizard-ca.pem is missing from the class path");
            }
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            int i = 0;
            for (Certificate cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trust.setCertificateEntry("ca" + i++, cert);
            }
            if (i == 0) {
                throw new IOException("expected at least one PEM certificate, found none");
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new PortUnavailableException(String.valueOf(pem), "cannot load the CA certificate to trust: "
                    + e.getMessage(), "give a PEM file as trustCertificate, or leave it empty for HomeWizard's CA",
                    e);
        }
    }

    private PortUnavailableException lost(String problem, Exception cause) {
        pending = new byte[0];
        pendingOffset = 0;
        checked = false;
        return new PortUnavailableException(name, problem, "", cause);
    }

    private static void sleepNanos(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void discardInput() {
        pending = new byte[0];
        pendingOffset = 0;
    }

    @Override
    public String describe() {
        return "HomeWizard P1 meter at " + host + (v2() ? " (API v2, HTTPS)" : " (API v1, HTTP)") + ", polled every "
                + pollInterval.toMillis() + " ms";
    }

    @Override
    public synchronized void close() {
        open = false;
        checked = false;
        pending = new byte[0];
        pendingOffset = 0;
    }
}
