package io.meterbridge.camel.p1;

import io.meterbridge.link.BusSettings;
import io.meterbridge.link.HomeWizardTransport;
import io.meterbridge.link.Parity;
import io.meterbridge.link.PortUnavailableException;
import io.meterbridge.link.SerialTransport;
import io.meterbridge.link.TcpTransport;
import io.meterbridge.link.Transport;
import io.meterbridge.meter.ElectricityReading;
import io.meterbridge.meter.P1Normalizer;
import io.meterbridge.p1.P1Frame;
import io.meterbridge.p1.P1Telegram;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.ExecutorService;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;

/**
 * Reads the endpoint's port on a thread of its own and sends one exchange per good telegram, in
 * stream order: body the normalised {@link ElectricityReading}, headers from {@link P1Constants}.
 * Bad telegrams never reach the route; they are counted in {@link #getStatistics()}. A port that
 * is missing at start-up or lost later does not fail the route: it is opened again with back-off.
 * A failing route (exception while processing) goes to the consumer's exception handler and the
 * next telegram is read as usual.
 */
public class P1Consumer extends DefaultConsumer {

    /** The port prefix of a HomeWizard Wi-Fi P1 meter: {@code homewizard:HOST}. */
    static final String HOMEWIZARD = "homewizard:";

    private final P1Normalizer normalizer = new P1Normalizer();
    private final ZoneId zone;
    private ExecutorService executor;
    private volatile P1StreamReader reader;

    public P1Consumer(P1Endpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.zone = endpoint.getConfiguration().zone();
    }

    @Override
    public P1Endpoint getEndpoint() {
        return (P1Endpoint) super.getEndpoint();
    }

    /** What the consumer has seen since it started (zeros before). */
    public P1Statistics getStatistics() {
        P1StreamReader r = reader;
        return r == null ? new P1Statistics(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0) : r.statistics();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        P1Configuration config = getEndpoint().getConfiguration();
        String port = getEndpoint().getPort();
        Transport transport = transport(port, config);
        P1CharacterDecoder decoder = config.encrypted() ? P1CharacterDecoder.binary()
                : config.getDataBits() == 7 && config.getParity() != Parity.NONE
                ? P1CharacterDecoder.checking(config.getParity()) : P1CharacterDecoder.stripping();
        Clock clock = Clock.systemUTC();
        reader = new P1StreamReader(port, transport, decoder, config, clock, this::onTelegram);
        executor = getEndpoint().getCamelContext().getExecutorServiceManager()
                .newSingleThreadExecutor(this, "P1Consumer[" + port + "]");
        executor.execute(reader);
    }

    @Override
    protected void doStop() throws Exception {
        if (reader != null) {
            reader.stop();
        }
        if (executor != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownGraceful(executor);
            executor = null;
        }
        super.doStop();
    }

    /**
     * The port: {@code sim[:version]} the built-in simulated meter (encrypting its telegrams with the
     * endpoint's keys when a decryptionKey is set), {@code tcp:host:port} through
     * link's TCP transport, {@code homewizard:host} a HomeWizard Wi-Fi P1 meter's local API, anything else a serial device. With 7 data bits the port is opened 8N1
     * and parity is checked in software (see {@link P1Configuration#setDataBits(int)}).
     */
    static Transport transport(String port, P1Configuration config) throws PortUnavailableException {
        // the port names the same way as an M-Bus port: one place decides what kind it is
        if (BusSettings.isSimulator(port)) {
            return P1SimulatedPort.of(port, config.zone(), config.encrypted() ? config.cipher() : null);
        }
        if (port.startsWith(HOMEWIZARD)) {
            return new HomeWizardTransport(port, port.substring(HOMEWIZARD.length()), config.getToken(),
                    Duration.ofMillis(config.getPollInterval()), Duration.ofMillis(config.getConnectTimeout()),
                    config.getTrustCertificate() == null || config.getTrustCertificate().isBlank() ? null
                            : Path.of(config.getTrustCertificate()));
        }
        BusSettings settings = BusSettings.of(port);
        if (settings.isTcp()) {
            return TcpTransport.of(settings.withConnectTimeout(Duration.ofMillis(config.getConnectTimeout())));
        }
        Parity onPort = config.getDataBits() == 7 ? Parity.NONE : config.getParity();
        return SerialTransport.stream(port, config.getBaudRate(), onPort, "P1 cable");
    }

    private void onTelegram(P1Frame frame, P1Telegram telegram, Instant receivedAt) {
        Exchange exchange = createExchange(false);
        try {
            ElectricityReading reading = normalizer.normalize(telegram, receivedAt);
            Message m = exchange.getMessage();
            m.setBody(reading);
            m.setHeader(P1Constants.METER_KEY, reading.meter().stableKey());
            m.setHeader(P1Constants.EQUIPMENT_ID, reading.meter().id());
            m.setHeader(P1Constants.VERSION, telegram.version());
            telegram.versionInformation().ifPresent(v -> m.setHeader(P1Constants.DECLARED_VERSION, v));
            telegram.timestamp().ifPresent(t -> m.setHeader(P1Constants.TIMESTAMP, t.toOffsetDateTime(zone)));
            m.setHeader(P1Constants.HEADER, telegram.header().text());
            frame.crc().ifPresent(c -> m.setHeader(P1Constants.CRC, c));
            m.setHeader(P1Constants.TELEGRAM, telegram);
            m.setHeader(P1Constants.PORT, getEndpoint().getPort());
            m.setHeader(P1Constants.STREAM_OFFSET, frame.offset());
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        } finally {
            if (exchange.getException() != null) {
                getExceptionHandler().handleException("Error processing P1 telegram from " + getEndpoint().getPort(),
                        exchange, exchange.getException());
            }
            releaseExchange(exchange, false);
        }
    }
}
