package io.meterbridge.camel.mqtt;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.Locale;

import javax.net.ssl.SSLException;

import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.packet.MqttReturnCode;

/**
 * The bridge could not connect to its MQTT broker, said so that the user knows which setting to
 * change. Paho's own messages are the names of the reason codes ("Not authorized.") or, for a
 * failure below MQTT, "Untranslated MqttException - RC: 0" with the real exception as its cause;
 * neither names the setting to change.
 *
 * <p>Classified, never by message text, from what Paho throws: the reason code of the broker's
 * CONNACK (MQTT 5 §3.2.2.2, 0x80 and above), else Paho's own code and the types in the cause chain
 * (a refused TCP connection, an unknown host, a certificate Java does not trust, a TLS handshake
 * that the broker broke off).
 */
public final class MqttConnectException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What went wrong, for callers (and tests) that act on it rather than on the message. */
    public enum Problem {
        /** A user name was sent and the broker refused it or its password (0x86, or 0x87 as Mosquitto answers). */
        CREDENTIALS_REFUSED,
        /** No user name was sent and the broker wants one (0x86 or 0x87). */
        CREDENTIALS_MISSING,
        /** The broker does not accept the client id (0x85). */
        CLIENT_ID_REJECTED,
        /** The broker is there but cannot take clients now (0x88 unavailable, 0x89 busy, 0x8B shutting down). */
        SERVER_UNAVAILABLE,
        /** The broker has banned this client (0x8A). */
        BANNED,
        /** The broker does not speak MQTT 5 (0x84). */
        NOT_MQTT5,
        /** The broker points at another server (0x9C, 0x9D). */
        OTHER_SERVER,
        /** Any other CONNACK reason code. */
        REFUSED,
        /** {@code ssl://}: the TLS handshake was broken off, as a plain (non-TLS) listener does. */
        TLS_NOT_SPOKEN,
        /** {@code ssl://}: the broker speaks TLS, but Java does not trust its certificate. */
        TLS_CERTIFICATE,
        /** {@code tcp://}: the connection was closed before the broker answered CONNECT (a TLS listener does). */
        CLOSED_BEFORE_ANSWER,
        /** Nothing accepts TCP connections at the host and port. */
        CONNECTION_REFUSED,
        /** The host name does not resolve. */
        UNKNOWN_HOST,
        /** The broker accepted the connection but did not answer in time. */
        NO_ANSWER,
        /** Anything else; the message carries Paho's words and the cause. */
        OTHER
    }

    private final Problem problem;
    private final int reasonCode;

    private MqttConnectException(Problem problem, int reasonCode, String message, Throwable cause) {
        super(message, cause);
        this.problem = problem;
        this.reasonCode = reasonCode;
    }

    public Problem problem() {
        return problem;
    }

    /** The CONNACK reason code (0x80 and above), or Paho's client-side code ({@code 0}, {@code 32103} …). */
    public int reasonCode() {
        return reasonCode;
    }

    /** What a failed {@code connect} of the client for {@code settings} means, and what to do. */
    public static MqttConnectException of(MqttSettings settings, MqttException e) {
        Where where = Where.of(settings.url());
        int rc = e.getReasonCode();
        if (rc >= MqttReturnCode.RETURN_CODE_UNSPECIFIED_ERROR && rc <= 0xFF) {
            return refused(settings, where, rc, e);
        }
        String because = cause(e);
        Throwable certificate = find(e, CertificateException.class, CertPathValidatorException.class);
        if (certificate != null) {
            return new MqttConnectException(Problem.TLS_CERTIFICATE, rc, "MQTT broker " + settings.url()
                    + ": the TLS handshake with " + where.hostPort() + " failed because Java does not trust the "
                    + "broker's certificate (" + certificate.getMessage() + "); import the certificate of the CA "
                    + "that signed it into a trust store (keytool -importcert) and start the bridge with "
                    + "-Djavax.net.ssl.trustStore=<file>, or give the broker a certificate from a public CA", e);
        }
        if (find(e, UnknownHostException.class) != null) {
            return new MqttConnectException(Problem.UNKNOWN_HOST, rc, "MQTT broker " + settings.url()
                    + ": unknown host '" + where.host() + "'; check the host name in mqtt.url", e);
        }
        if (find(e, ConnectException.class) != null) {
            return new MqttConnectException(Problem.CONNECTION_REFUSED, rc, "MQTT broker " + settings.url()
                    + ": nothing accepts connections at " + where.hostPort() + because + "; is the broker running, "
                    + "and are the host and port in mqtt.url right?", e);
        }
        if (rc == MqttClientException.REASON_CODE_CLIENT_TIMEOUT || find(e, SocketTimeoutException.class) != null) {
            return new MqttConnectException(Problem.NO_ANSWER, rc, "MQTT broker " + settings.url() + ": "
                    + where.hostPort() + " accepted the connection but sent no answer within "
                    + settings.connectionTimeoutSeconds() + " s (mqtt.connectionTimeoutSeconds)" + because
                    + "; is it an MQTT broker" + (where.tls() ? " with a TLS listener on that port" : "")
                    + ", and is it overloaded?", e);
        }
        // The TCP connection was made (a refusal is a ConnectException above) and then lost: in the
        // TLS handshake for ssl://, where Paho reports the handshake's own exception with its code
        // 0; before CONNACK for tcp://. A plain listener reads a ClientHello as a malformed
        // CONNECT and closes (a reset or EOF, or an SSLException when it answers something).
        boolean broken = find(e, SSLException.class, SocketException.class, EOFException.class) != null;
        if (where.tls() && broken) {
            return new MqttConnectException(Problem.TLS_NOT_SPOKEN, rc, "MQTT broker " + settings.url()
                    + ": the TLS handshake with " + where.hostPort() + " failed" + because + "; the broker at "
                    + where.hostPort() + " probably does not speak TLS there: use tcp://" + where.hostPort()
                    + " for its plain listener, or the port of its TLS listener (usually 8883)", e);
        }
        if (!where.tls() && (broken || rc == MqttClientException.REASON_CODE_CONNECTION_LOST)) {
            return new MqttConnectException(Problem.CLOSED_BEFORE_ANSWER, rc, "MQTT broker " + settings.url()
                    + ": " + where.hostPort() + " closed the connection before answering" + because
                    + "; if that port is a TLS listener (usually 8883), use ssl://" + where.hostPort()
                    + ", else see the broker's log for why it dropped the client", e);
        }
        return new MqttConnectException(Problem.OTHER, rc, "MQTT broker " + settings.url() + ": could not connect: "
                + e.getMessage() + " (Paho code " + rc + ")" + because, e);
    }

    private static MqttConnectException refused(MqttSettings settings, Where where, int rc, MqttException e) {
        String reason = " (MQTT reason " + hex(rc) + " " + connackReasonName(rc) + ")";
        String url = "MQTT broker " + settings.url();
        String user = settings.username() == null || settings.username().isBlank() ? null : settings.username();
        return switch (rc) {
            case MqttReturnCode.RETURN_CODE_BAD_USERNAME_OR_PASSWORD, MqttReturnCode.RETURN_CODE_NOT_AUTHORIZED ->
                user != null
                    ? new MqttConnectException(Problem.CREDENTIALS_REFUSED, rc, url + " refused the credentials of user '"
                            + user + "'" + reason + "; check mqtt.username and mqtt.password"
                            + (rc == MqttReturnCode.RETURN_CODE_NOT_AUTHORIZED
                                    ? " (and that the broker's access rules let this user connect)" : ""), e)
                    : new MqttConnectException(Problem.CREDENTIALS_MISSING, rc, url
                            + " wants a user name and password" + reason + "; set mqtt.username and mqtt.password", e);
            case MqttReturnCode.RETURN_CODE_IDENTIFIER_NOT_VALID -> new MqttConnectException(Problem.CLIENT_ID_REJECTED, rc,
                    url + " rejected the client id '" + settings.clientId() + "'" + reason + "; set mqtt.clientId to one "
                            + "the broker accepts (1 to 23 letters and digits are accepted by every broker; some only "
                            + "accept ids with a configured prefix)", e);
            case MqttReturnCode.RETURN_CODE_SERVER_UNAVAILABLE, MqttReturnCode.RETURN_CODE_SERVER_BUSY,
                    MqttReturnCode.RETURN_CODE_SERVER_SHUTTING_DOWN -> new MqttConnectException(Problem.SERVER_UNAVAILABLE, rc,
                    url + " is running but does not take clients now" + reason + "; if it lasts, see the broker's log", e);
            case MqttReturnCode.RETURN_CODE_BANNED -> new MqttConnectException(Problem.BANNED, rc, url
                    + " has banned this client (client id '" + settings.clientId() + "'"
                    + (user != null ? ", user '" + user + "'" : "") + ")" + reason
                    + "; ask whoever runs the broker to lift the ban", e);
            case MqttReturnCode.RETURN_CODE_UNSUPPORTED_PROTOCOL_VERSION -> new MqttConnectException(Problem.NOT_MQTT5, rc,
                    url + " does not accept MQTT 5" + reason + "; the bridge speaks MQTT 5 only: use a broker that "
                            + "does (Mosquitto 1.6 or later, HiveMQ, EMQX, VerneMQ) or enable MQTT 5 on this one", e);
            case MqttReturnCode.RETURN_CODE_BAD_AUTHENTICATION -> new MqttConnectException(Problem.REFUSED, rc, url
                    + " wants an authentication method the bridge does not offer" + reason
                    + "; the bridge authenticates with mqtt.username and mqtt.password only", e);
            case MqttReturnCode.RETURN_CODE_USE_ANOTHER_SERVER, MqttReturnCode.RETURN_CODE_SERVER_MOVED ->
                new MqttConnectException(Problem.OTHER_SERVER, rc, url + " sends its clients to another server" + reason
                        + "; set mqtt.url to that server", e);
            default -> new MqttConnectException(Problem.REFUSED, rc, url + " refused the connection" + reason
                    + "; see the broker's log for why", e);
        };
    }

    /**
     * The name MQTT 5 gives a CONNACK reason code (table 3-1 of §3.2.2.2), in English whatever the
     * JVM's locale: Paho's own text for it comes from a translated resource bundle.
     */
    static String connackReasonName(int rc) {
        return switch (rc) {
            case 0x80 -> "Unspecified error";
            case 0x81 -> "Malformed Packet";
            case 0x82 -> "Protocol Error";
            case 0x83 -> "Implementation specific error";
            case 0x84 -> "Unsupported Protocol Version";
            case 0x85 -> "Client Identifier not valid";
            case 0x86 -> "Bad User Name or Password";
            case 0x87 -> "Not authorized";
            case 0x88 -> "Server unavailable";
            case 0x89 -> "Server busy";
            case 0x8A -> "Banned";
            case 0x8B -> "Server shutting down";
            case 0x8C -> "Bad authentication method";
            case 0x90 -> "Topic Name invalid";
            case 0x95 -> "Packet too large";
            case 0x97 -> "Quota exceeded";
            case 0x99 -> "Payload format invalid";
            case 0x9A -> "Retain not supported";
            case 0x9B -> "QoS not supported";
            case 0x9C -> "Use another server";
            case 0x9D -> "Server moved";
            case 0x9F -> "Connection rate exceeded";
            default -> "not a CONNACK reason code of MQTT 5";
        };
    }

    private static String hex(int rc) {
        return String.format(Locale.ROOT, "0x%02X", rc);
    }

    /** " (what the innermost cause says)", or nothing if Paho gave no cause. */
    private static String cause(Throwable e) {
        Throwable root = e.getCause();
        if (root == null) {
            return "";
        }
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage();
        return " (" + (m == null || m.isBlank() ? root.getClass().getSimpleName() : m) + ")";
    }

    @SafeVarargs
    private static Throwable find(Throwable e, Class<? extends Throwable>... types) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (Class<? extends Throwable> type : types) {
                if (type.isInstance(t)) {
                    return t;
                }
            }
        }
        return null;
    }

    /** Host, port and whether TLS, from {@code mqtt.url} as Paho reads it (tcp/ssl, ws/wss; 1883 and 8883 if no port). */
    private record Where(String host, int port, boolean tls) {
        static Where of(String url) {
            try {
                URI u = URI.create(url);
                String scheme = u.getScheme() == null ? "tcp" : u.getScheme().toLowerCase(Locale.ROOT);
                boolean tls = scheme.equals("ssl") || scheme.equals("wss");
                int port = u.getPort() >= 0 ? u.getPort()
                        : scheme.equals("ws") ? 80 : scheme.equals("wss") ? 443 : tls ? 8883 : 1883;
                return new Where(u.getHost() == null ? url : u.getHost(), port, tls);
            } catch (IllegalArgumentException notAUri) {
                // Paho accepted it (the client was created); name it as written
                return new Where(url, -1, false);
            }
        }

        String hostPort() {
            return port < 0 ? host : host + ":" + port;
        }
    }
}
