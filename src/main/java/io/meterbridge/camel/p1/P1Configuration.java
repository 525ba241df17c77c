package io.meterbridge.camel.p1;

import io.meterbridge.link.Parity;
import io.meterbridge.p1.P1Cipher;
import io.meterbridge.p1.P1Framer;
import java.time.DateTimeException;
import java.time.ZoneId;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The options of a {@code p1:} endpoint. The javadoc of each setter is the option's documentation
 * (the component plugin copies it into the catalog).
 *
 * <p>Serial settings by meter generation (DSMR P1 companion standards, clause 5 "physical
 * interface"): DSMR 4.x, 5.x, e-MUCS, Smarty and the Nordic ESMR 5 meters send at 115200 Bd 8N1
 * (the defaults); DSMR 2.2 and 3.0 at 9600 Bd 7E1 ({@code baudRate=9600&dataBits=7&parity=even}).
 */
@UriParams
public class P1Configuration implements Cloneable {

    /** The default baud rate: DSMR 4 and later. */
    public static final int DEFAULT_BAUD_RATE = 115200;

    @UriParam(label = "consumer", defaultValue = "115200")
    private int baudRate = DEFAULT_BAUD_RATE;
    @UriParam(label = "consumer", defaultValue = "8", enums = "7,8")
    private int dataBits = 8;
    @UriParam(label = "consumer", defaultValue = "NONE", enums = "NONE,EVEN,ODD")
    private Parity parity = Parity.NONE;
    @UriParam(label = "consumer", defaultValue = "1000")
    private long reconnectDelay = 1000;
    @UriParam(label = "consumer", defaultValue = "30000")
    private long maxReconnectDelay = 30000;
    @UriParam(label = "consumer", defaultValue = "60000")
    private long idleTimeout = 60000;
    @UriParam(label = "consumer", defaultValue = "5000")
    private long connectTimeout = 5000;
    @UriParam(label = "consumer", defaultValue = "Europe/Amsterdam")
    private String timeZone = "Europe/Amsterdam";
    @UriParam(label = "consumer,advanced", defaultValue = "16384")
    private int maxTelegramBytes = P1Framer.DEFAULT_MAX_TELEGRAM_BYTES;
    @UriParam(label = "consumer,security", secret = true)
    private String decryptionKey;
    @UriParam(label = "consumer", defaultValue = "AUTO", enums = "AUTO,DSMR,DLMS")
    private P1Protocol protocol = P1Protocol.AUTO;
    @UriParam(label = "consumer", defaultValue = "1000")
    private long pollInterval = 1000;
    @UriParam(label = "consumer,security", secret = true)
    private String token;
    @UriParam(label = "consumer,security,advanced")
    private String trustCertificate;
    @UriParam(label = "consumer,security", secret = true, defaultValue = P1Cipher.LUXMETERING_AUTHENTICATION_KEY)
    private String authenticationKey = P1Cipher.LUXMETERING_AUTHENTICATION_KEY;

    public int getBaudRate() {
        return baudRate;
    }

    /**
     * Baud rate of a serial port: 115200 for DSMR 4/5, e-MUCS, Smarty and Nordic ESMR 5 meters,
     * 9600 for DSMR 2.2/3. Ignored for tcp:host:port.
     */
    public void setBaudRate(int baudRate) {
        this.baudRate = baudRate;
    }

    public int getDataBits() {
        return dataBits;
    }

    /**
     * Data bits: 8 (8N1, DSMR 4 and later) or 7 (7E1, DSMR 2.2/3). With 7 the port is read as 8 data
     * bits without parity, which is the same 10-bit character on the wire, and the 8th bit is
     * checked as the parity bit in software, so 7E1 works on every USB adapter, pseudo-terminal
     * and raw TCP bridge; a telegram with a parity error is dropped and counted. With 8 the 8th
     * bit is cleared (P1 is 7-bit ASCII), which also accepts a 7E1 meter at 115200 Bd; its CRC
     * still guards the content.
     */
    public void setDataBits(int dataBits) {
        this.dataBits = dataBits;
    }

    public Parity getParity() {
        return parity;
    }

    /**
     * Parity: NONE (8N1), EVEN (7E1, DSMR 2.2/3) or ODD. With dataBits=7 it is checked in software
     * (see dataBits); with dataBits=8 it is set on the serial port.
     */
    public void setParity(Parity parity) {
        this.parity = parity;
    }

    public long getReconnectDelay() {
        return reconnectDelay;
    }

    /**
     * Milliseconds to wait before opening the port again after it was lost (USB adapter or P1 cable
     * pulled, TCP bridge restarted) or could not be opened; doubles after every failed attempt up to
     * maxReconnectDelay.
     */
    public void setReconnectDelay(long reconnectDelay) {
        this.reconnectDelay = reconnectDelay;
    }

    public long getMaxReconnectDelay() {
        return maxReconnectDelay;
    }

    /** The longest wait, in milliseconds, between two attempts to open the port. */
    public void setMaxReconnectDelay(long maxReconnectDelay) {
        this.maxReconnectDelay = maxReconnectDelay;
    }

    public long getIdleTimeout() {
        return idleTimeout;
    }

    /**
     * Milliseconds without a single byte after which the port is closed and opened again (a
     * half-open TCP connection to a Wi-Fi dongle, a stalled USB adapter); 0 turns it off. Meters
     * send every 1 to 10 seconds, so the default of a minute never fires on a healthy line.
     */
    public void setIdleTimeout(long idleTimeout) {
        this.idleTimeout = idleTimeout;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    /** Milliseconds to wait for a TCP connection to a bridge (tcp:host:port). */
    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public String getTimeZone() {
        return timeZone;
    }

    /**
     * The meter's time zone, to turn its local timestamps into the CamelP1Timestamp header:
     * Europe/Amsterdam (CET/CEST) fits Dutch, Belgian, Luxembourg and Swedish meters; use
     * Europe/Helsinki for Finnish ones. The S/W flag of the timestamp picks the right offset in
     * the repeated autumn hour.
     */
    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public int getMaxTelegramBytes() {
        return maxTelegramBytes;
    }

    /**
     * The longest telegram accepted, in bytes; longer ones are dropped as oversized. Real telegrams
     * are 0.5 to 2 KiB.
     */
    public void setMaxTelegramBytes(int maxTelegramBytes) {
        this.maxTelegramBytes = maxTelegramBytes;
    }

    public String getDecryptionKey() {
        return decryptionKey;
    }

    /**
     * The meter's P1 encryption key, 32 hex digits, for meters that encrypt their telegrams
     * (Luxembourg Smarty: ask your grid operator, e.g. Creos, for the "P1 key"). Empty: the port
     * carries plain telegrams. Each encrypted telegram (AES-128-GCM) is authenticated, decrypted
     * and then CRC-checked like a plain one; one that does not decrypt is dropped and counted,
     * with a log line saying whether the key or the authentication key is wrong. Needs dataBits=8.
     */
    public void setDecryptionKey(String decryptionKey) {
        this.decryptionKey = decryptionKey;
    }

    public String getAuthenticationKey() {
        return authenticationKey;
    }

    /**
     * The authentication key of an encrypted meter, 32 hex digits. The Luxmetering P1
     * specification fixes it for every Smarty meter (the default); none skips the check of the
     * authentication tag, leaving the telegram's CRC as the only integrity check.
     */
    public void setAuthenticationKey(String authenticationKey) {
        this.authenticationKey = authenticationKey;
    }

    public long getPollInterval() {
        return pollInterval;
    }

    /**
     * HomeWizard Wi-Fi P1 meter (homewizard:HOST) only: milliseconds between two requests for the
     * latest telegram. DSMR 5 meters send every second (the default); a telegram fetched twice is
     * delivered once.
     */
    public void setPollInterval(long pollInterval) {
        this.pollInterval = pollInterval;
    }

    public String getToken() {
        return token;
    }

    /**
     * HomeWizard Wi-Fi P1 meter only: the local API v2 token the device issued (POST /api/user,
     * after pressing its button). Set: HTTPS with Authorization: Bearer and X-Api-Version: 2 on
     * /api/telegram. Empty: API v1, plain HTTP on /api/v1/telegram ("Local API" switched on in the
     * HomeWizard Energy app). Never logged; use a property placeholder such as {{homewizard.token}}.
     */
    public void setToken(String token) {
        this.token = token;
    }

    public String getTrustCertificate() {
        return trustCertificate;
    }

    /**
     * HomeWizard API v2 only: a PEM file with the CA certificate to trust for the device's HTTPS.
     * Empty (the default): HomeWizard's own "Appliance Access CA", bundled, and nothing else; the
     * host name is not checked, as the certificate names the device's serial, not its address.
     */
    public void setTrustCertificate(String trustCertificate) {
        this.trustCertificate = trustCertificate;
    }

    public P1Protocol getProtocol() {
        return protocol;
    }

    /**
     * What the port carries: {@code dsmr} text telegrams (and Luxembourg Smarty's encrypted
     * ones), {@code dlms} DLMS/COSEM pushes in HDLC frames as Kamstrup Omnipower, Aidon, Kaifa and
     * Landis+Gyr HAN ports send (encrypted ones with decryptionKey and authenticationKey), or
     * {@code auto} (the default): the first DSMR header or HDLC frame in the stream decides.
     */
    public void setProtocol(P1Protocol protocol) {
        this.protocol = protocol;
    }

    /** True when a decryption key is set: the port carries encrypted telegrams. */
    public boolean encrypted() {
        return decryptionKey != null && !decryptionKey.isBlank();
    }

    /**
     * The cipher of an encrypted port.
     *
     * @throws IllegalArgumentException when a key is malformed (the message never shows the key)
     * @throws IllegalStateException    when no decryption key is set
     */
    public P1Cipher cipher() {
        if (!encrypted()) {
            throw new IllegalStateException("no decryptionKey set: the port carries plain telegrams");
        }
        return P1Cipher.of(decryptionKey, authenticationKey == null || authenticationKey.isBlank()
                ? P1Cipher.LUXMETERING_AUTHENTICATION_KEY : authenticationKey);
    }

    /**
     * Checks the combination, saying what was expected and what was found.
     *
     * @throws IllegalArgumentException on the first bad option
     */
    public void validate() {
        if (baudRate < 300 || baudRate > 921600) {
            throw new IllegalArgumentException("baudRate must be from 300 to 921600 (115200 for DSMR 4/5, 9600 for"
                    + " DSMR 2.2/3), found " + baudRate);
        }
        if (dataBits != 7 && dataBits != 8) {
            throw new IllegalArgumentException("dataBits must be 7 or 8, found " + dataBits);
        }
        if (parity == null) {
            throw new IllegalArgumentException("parity must be NONE, EVEN or ODD, found nothing");
        }
        if (reconnectDelay < 1 || maxReconnectDelay < reconnectDelay) {
            throw new IllegalArgumentException("reconnectDelay must be at least 1 ms and maxReconnectDelay at least"
                    + " reconnectDelay, found " + reconnectDelay + " and " + maxReconnectDelay);
        }
        if (idleTimeout < 0) {
            throw new IllegalArgumentException("idleTimeout must be 0 (off) or a number of milliseconds, found "
                    + idleTimeout);
        }
        if (connectTimeout < 1) {
            throw new IllegalArgumentException("connectTimeout must be at least 1 ms, found " + connectTimeout);
        }
        if (maxTelegramBytes < 64 || maxTelegramBytes > 1 << 20) {
            throw new IllegalArgumentException("maxTelegramBytes must be from 64 to 1048576, found "
                    + maxTelegramBytes);
        }
        if (pollInterval < 100) {
            throw new IllegalArgumentException("pollInterval must be at least 100 ms, found " + pollInterval);
        }
        zone();
        if (protocol == null) {
            throw new IllegalArgumentException("protocol must be auto, dsmr or dlms, found nothing");
        }
        if (protocol == P1Protocol.DLMS && dataBits != 8) {
            throw new IllegalArgumentException("protocol=dlms: HDLC frames are bytes, not 7-bit characters: dataBits must"
                    + " be 8, found " + dataBits);
        }
        if (encrypted()) {
            if (dataBits != 8) {
                throw new IllegalArgumentException("an encrypted port (decryptionKey set) sends bytes, not 7-bit"
                        + " characters: dataBits must be 8, found " + dataBits);
            }
            cipher();
        }
    }

    /** The time zone as a {@link ZoneId}. */
    public ZoneId zone() {
        try {
            return ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("timeZone must be a region such as Europe/Amsterdam, found \""
                    + timeZone + "\": " + e.getMessage(), e);
        }
    }

    /** A copy, so that each endpoint can change its own options. */
    public P1Configuration copy() {
        try {
            return (P1Configuration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }
}
