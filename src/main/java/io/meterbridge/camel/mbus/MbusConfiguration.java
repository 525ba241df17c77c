package io.meterbridge.camel.mbus;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.meterbridge.link.BusSettings;
import io.meterbridge.link.MeterAddress;
import io.meterbridge.link.Parity;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.spi.UriPath;

/**
 * The options of an {@code mbus:} endpoint — {@code mbus:bus?options} — read wired M-Bus meters
 * (EN 13757-2 link layer, EN 13757-3 telegrams) through a USB or serial M-Bus master, a TCP
 * gateway, or the built-in simulator.
 *
 * <p>Consumer ({@code from: mbus:…}): polls every meter in {@code addresses} on a schedule
 * ({@code delay} in milliseconds or with a unit such as {@code 5m}; or
 * {@code scheduler=quartz&scheduler.cron=0 0/5 * * * ?}) and emits one exchange per meter read,
 * body the meter's normalised {@code io.meterbridge.meter.Reading} (with {@code raw=true} the
 * {@link MeterRead} as read, telegrams and frames). A meter that does not answer, answers garbage or cannot be decoded gives
 * a failed exchange for that meter alone ({@code NoReplyException},
 * {@code CorruptReplyException}, {@code TelegramFormatException}…), which the route's
 * {@code onException} or dead-letter channel sees; the other meters are read as usual.
 *
 * <p>Producer ({@code to: mbus:…}): reads one meter on demand — the address in header
 * {@code MbusAddress}, else the first of {@code addresses} — and replaces the body with the
 * meter's {@code Reading} ({@code raw=true}: the {@link MeterRead}), with the same headers as the consumer.
 *
 * <p>Every endpoint on the same bus shares one bus master (the link package's {@code Buses}):
 * requests from several routes are serialised on the wire, and each holds the bus only for its
 * own request/answer exchanges.
 */
@UriParams
public class MbusConfiguration implements Cloneable {

    /** How a no-reply message tells a route's author to raise the adapter latency (the CLI says --latency). */
    static final String LATENCY_OPTION = "adapterLatency in the mbus: URI (milliseconds, e.g. ?adapterLatency=150)";

    @UriPath(description = "The bus: a serial device (/dev/ttyUSB0, /dev/serial/by-id/..., COM3), a TCP gateway or ser2net "
            + "port (tcp:host:port), or the built-in simulator (sim; sim:paced sends its bytes at the baud rate).")
    @Metadata(required = true)
    private String bus;

    @UriParam(defaultValue = "2400", description = "Baud rate, 300 to 38400. All endpoints on one bus must agree.")
    private int baud = BusSettings.DEFAULT_BAUD;

    @UriParam(defaultValue = "EVEN", enums = "NONE,EVEN,ODD", description = "Serial parity; M-Bus uses EVEN (8E1).")
    private Parity parity = Parity.EVEN;

    @UriParam(description = "The meters: comma-separated primary addresses (1,89) and/or secondary addresses "
            + "(16 hex digits IIIIIIIIMMMMVVDD, e.g. 829371332D2C4004). Required for the consumer.")
    private String addresses;

    @UriParam(defaultValue = "0", javaType = "java.time.Duration", description = "Extra reply timeout in milliseconds (or with a unit, 500ms, 2s) added to the "
            + "standard's (EN 13757-2: 330 bit times plus 50 ms before the first byte), for slow meters or gateways.")
    private long timeout;

    @UriParam(defaultValue = "0", javaType = "java.time.Duration", description = "For a meter read through its optical eye "
            + "with an IR head: how long to send the wake-up preamble (0x55 at the baud rate 8N1, then back to 8E1) before "
            + "every request, in milliseconds or with a unit (2200ms, 2.2s is what such meters typically need); usually "
            + "with addresses=254, the address every meter answers. 0 (the default): a wired M-Bus, no preamble.")
    private long wakeUp;

    @UriParam(defaultValue = "-1", description = "Milliseconds added to every reply timeout for buffering in USB adapters, "
            + "ser2net and gateways; -1 for the bus's default (50 ms on serial and TCP ports, none on the simulator).")
    private long adapterLatency = -1;

    @UriParam(defaultValue = "2", description = "Repetitions of a request after a missing or corrupt answer (0 to 10).")
    private int retries = BusSettings.DEFAULT_RETRIES;

    @UriParam(defaultValue = "16", description = "Most telegrams read from one meter in one multi-telegram readout (1 to 1000).")
    private int maxTelegrams = BusSettings.DEFAULT_MAX_TELEGRAMS;

    @UriParam(defaultValue = "false", description = "True to emit the MeterRead as read (decoded "
            + "telegrams and frames) instead of the meter's normalised Reading in explicit units.")
    private boolean raw;

    @UriParam(description = "Calorific value of gas in MJ/m³ (e.g. 35.17): heat readings then also "
            + "give the volume of gas their heat energy stands for. Empty for none.")
    private String gasCalorificValue;

    /**
     * The parsed {@link #getGasCalorificValue()}; null if none.
     *
     * @throws IllegalArgumentException if it is not a positive number
     */
    public BigDecimal calorificValue() {
        if (gasCalorificValue == null || gasCalorificValue.isBlank()) {
            return null;
        }
        BigDecimal v;
        try {
            v = new BigDecimal(gasCalorificValue.trim());
        } catch (NumberFormatException e) {
            v = null;
        }
        if (v == null || v.signum() <= 0) {
            throw new IllegalArgumentException("mbus option gasCalorificValue: expected a positive number of MJ/m³ "
                    + "such as 35.17, found " + gasCalorificValue);
        }
        return v;
    }

    /** The bus settings these options describe. */
    public BusSettings busSettings() {
        BusSettings s = BusSettings.of(bus).withBaud(baud).withParity(parity).withRetries(retries).withMaxTelegrams(maxTelegrams)
                .withExtraTimeout(Duration.ofMillis(timeout)).withLatencyOption(LATENCY_OPTION)
                .withWakeUp(Duration.ofMillis(wakeUp));
        if (adapterLatency >= 0) {
            s = s.withAdapterLatency(Duration.ofMillis(adapterLatency));
        }
        return s;
    }

    /** The parsed {@link #getAddresses()}; empty if none. */
    public List<MeterAddress> meterAddresses() {
        List<MeterAddress> out = new ArrayList<>();
        if (addresses == null) {
            return out;
        }
        for (String a : addresses.split(",")) {
            if (!a.isBlank()) {
                try {
                    out.add(MeterAddress.parse(a));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("mbus option addresses=" + addresses + ": " + e.getMessage(), e);
                }
            }
        }
        return out;
    }

    public MbusConfiguration copy() {
        try {
            return (MbusConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    public boolean isRaw() {
        return raw;
    }

    public void setRaw(boolean raw) {
        this.raw = raw;
    }

    public String getGasCalorificValue() {
        return gasCalorificValue;
    }

    public void setGasCalorificValue(String gasCalorificValue) {
        this.gasCalorificValue = gasCalorificValue;
    }

    public String getBus() {
        return bus;
    }

    public void setBus(String bus) {
        this.bus = bus;
    }

    public int getBaud() {
        return baud;
    }

    public void setBaud(int baud) {
        this.baud = baud;
    }

    public Parity getParity() {
        return parity;
    }

    public void setParity(Parity parity) {
        this.parity = parity;
    }

    public String getAddresses() {
        return addresses;
    }

    public void setAddresses(String addresses) {
        this.addresses = addresses;
    }

    public long getWakeUp() {
        return wakeUp;
    }

    public void setWakeUp(long wakeUp) {
        this.wakeUp = wakeUp;
    }

    public long getTimeout() {
        return timeout;
    }

    public void setTimeout(long timeout) {
        this.timeout = timeout;
    }

    public long getAdapterLatency() {
        return adapterLatency;
    }

    public void setAdapterLatency(long adapterLatency) {
        this.adapterLatency = adapterLatency;
    }

    public int getRetries() {
        return retries;
    }

    public void setRetries(int retries) {
        this.retries = retries;
    }

    public int getMaxTelegrams() {
        return maxTelegrams;
    }

    public void setMaxTelegrams(int maxTelegrams) {
        this.maxTelegrams = maxTelegrams;
    }
}
