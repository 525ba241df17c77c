package io.meterbridge.camel.optical;

import java.math.BigDecimal;
import java.time.Duration;

import io.meterbridge.iec62056.ReadoutOptions;
import io.meterbridge.kmp.KmpRegisterList;
import io.meterbridge.link.OpticalSettings;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.spi.UriPath;

/**
 * The options of an {@code optical:} endpoint — {@code optical:port?protocol=kmp&options} — read
 * one heat meter through its optical eye with an IR head (a USB "volkszaehler"-style head, or an
 * ESP with an IR transceiver behind ser2net).
 *
 * <p>Consumer ({@code from: optical:…}): reads the meter on a schedule ({@code delay}, default
 * one hour; or {@code scheduler=quartz&scheduler.cron=…}) and emits one exchange per read, body
 * the meter's normalised {@code io.meterbridge.meter.Reading}, the same reading, meter key and
 * Home Assistant device as the same meter read over wired M-Bus. A meter that does not answer
 * gives a failed exchange ({@code OpticalNoAnswerException}, saying what to check), a garbled
 * answer {@code OpticalReplyException} naming the byte offset; the route's {@code onException}
 * sees it, Home Assistant counts it, and the other routes go on.
 *
 * <p>Battery: these meters run on a battery and every read costs some of it (Landis+Gyr: about
 * 30 minutes of battery life a read). The default schedule is hourly; a fixed delay under 15
 * minutes logs one warning.
 *
 * <p>Producer ({@code to: optical:…}): reads the meter on demand and replaces the body with its
 * {@code Reading}. Every endpoint on the same port shares one master, so reads are serialised.
 */
@UriParams
public class OpticalConfiguration implements Cloneable {

    /**
     * The registers read by default: the ones a wired MULTICAL's M-Bus telegram carries, so a meter
     * read either way has the same Home Assistant entities; two GetRegister requests.
     */
    public static final String DEFAULT_REGISTERS = "E1,E3,V1,T1,T2,T1_T2,POWER,FLOW1,HOURS,ERROR_HOURS,INFO,DATE,TIME";

    @UriPath(description = "The IR head: a serial device (/dev/ttyUSB0, /dev/serial/by-id/...), a TCP port of a "
            + "ser2net or ESP bridge (tcp:host:port; the bridge sets the framing), or the built-in simulators "
            + "sim:kmp and sim:iec62056.")
    @Metadata(required = true)
    private String port;

    @UriParam(enums = "KMP,IEC62056", description = "The meter's optical protocol: KMP for Kamstrup MULTICAL "
            + "302/303/402/403/602/603/803/601 (1200 Bd 8N2), IEC62056 for an IEC 62056-21 data readout (Landis+Gyr "
            + "ULTRAHEAT UH50/T550/T230 and other EN 1434 meters, 300 Bd 7E1 and then the meter's speed).")
    @Metadata(required = true)
    private OpticalProtocol protocol;

    @UriParam(label = "kmp", defaultValue = DEFAULT_REGISTERS, description = "KMP: the registers to read, by name (E1, E3, "
            + "V1, T1, T2, T1_T2, POWER, FLOW1, HOURS, ERROR_HOURS, INFO, DATE, TIME, TARGET_DATE, …) or decimal id (60, 68, 86) "
            + "or hex id (0x003C), comma-separated; eight a request. E1,V1,T1,T2,POWER,FLOW1,HOURS,INFO is one request.")
    private String registers;

    @UriParam(label = "kmp", description = "KMP: the meter's model as the wired M-Bus path names it (MULTICAL 303, "
            + "MULTICAL 403, …). KMP does not tell the model, so without it the meter is described by its KMP meter type; "
            + "with it, the reading and Home Assistant device are those of the same meter read over M-Bus.")
    private String model;

    @UriParam(label = "iec62056", defaultValue = "19200", description = "IEC 62056-21 mode C: the highest speed to ask the "
            + "meter for after its identification (300 keeps the whole readout at 300 Bd, for a TCP bridge that cannot "
            + "follow a change of speed). Modes A and B set their own speed.")
    private int maxBaudRate = 19200;

    @UriParam(defaultValue = "2000", javaType = "java.time.Duration", description = "The longest wait for the first byte of "
            + "an answer, in milliseconds or with a unit (2s).")
    private long replyTimeout = OpticalSettings.DEFAULT_REPLY_TIMEOUT.toMillis();

    @UriParam(defaultValue = "1", description = "Repetitions of a request after no answer or a garbled one (0 to 5); each "
            + "costs the meter's battery.")
    private int retries = OpticalSettings.DEFAULT_RETRIES;

    @UriParam(defaultValue = "-1", description = "Milliseconds added to every wait for buffering in USB heads, ESP bridges "
            + "and ser2net; -1 for the default (50 ms, none on the simulators).")
    private long adapterLatency = -1;

    @UriParam(description = "Calorific value of gas in MJ/m³ (e.g. 35.17): heat readings then also give the volume of gas "
            + "their heat energy stands for. Empty for none.")
    private String gasCalorificValue;

    /** The link settings these options describe. */
    public OpticalSettings opticalSettings() {
        OpticalSettings s = OpticalSettings.of(port).withReplyTimeout(Duration.ofMillis(replyTimeout)).withRetries(retries);
        return adapterLatency >= 0 ? s.withAdapterLatency(Duration.ofMillis(adapterLatency)) : s;
    }

    /** The protocol; refuses an endpoint without one, and options of the other protocol. */
    public OpticalProtocol requireProtocol() {
        if (protocol == null) {
            throw new IllegalArgumentException("optical:" + port + " needs protocol=kmp (Kamstrup MULTICAL) or protocol=iec62056 "
                    + "(Landis+Gyr ULTRAHEAT and other IEC 62056-21 meters)");
        }
        if (protocol != OpticalProtocol.KMP && (registers != null && !registers.isBlank() || model != null && !model.isBlank())) {
            throw new IllegalArgumentException("optical:" + port + ": " + (registers != null && !registers.isBlank()
                    ? "registers" : "model") + " is a KMP option; protocol is " + protocol);
        }
        return protocol;
    }

    /** The parsed {@link #getRegisters()}, or the default list. */
    public KmpRegisterList registerList() {
        try {
            return KmpRegisterList.parse(registers == null || registers.isBlank() ? DEFAULT_REGISTERS : registers);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("optical option registers=" + registers + ": " + e.getMessage(), e);
        }
    }

    /** The KMP normaliser for {@link #getModel()}; refuses a model the wired path does not know. */
    public io.meterbridge.meter.KmpNormalizer kmpNormalizer() {
        if (model == null || model.isBlank()) {
            return new io.meterbridge.meter.KmpNormalizer();
        }
        try {
            return new io.meterbridge.meter.KmpNormalizer(model);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("optical option model=" + model + ": " + e.getMessage(), e);
        }
    }

    /**
     * The IEC 62056-21 readout these options describe: the Landis+Gyr ULTRAHEAT wake-up and timing,
     * with {@link #getReplyTimeout()} as the wait for the identification.
     */
    public ReadoutOptions readoutOptions() {
        return ReadoutOptions.landisGyrUltraheat().withMaxBaudRate(maxBaudRate)
                .withReplyTimeout(Duration.ofMillis(replyTimeout));
    }

    /** The parsed {@link #getGasCalorificValue()}; null if none. */
    public BigDecimal calorificValue() {
        if (gasCalorificValue == null || gasCalorificValue.isBlank()) {
            return null;
        }
        try {
            BigDecimal v = new BigDecimal(gasCalorificValue.trim());
            if (v.signum() > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("optical option gasCalorificValue: expected a positive number of MJ/m³ such as "
                + "35.17, found " + gasCalorificValue);
    }

    public OpticalConfiguration copy() {
        try {
            return (OpticalConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    public String getPort() {
        return port;
    }

    public void setPort(String port) {
        this.port = port;
    }

    public OpticalProtocol getProtocol() {
        return protocol;
    }

    public void setProtocol(OpticalProtocol protocol) {
        this.protocol = protocol;
    }

    public String getRegisters() {
        return registers;
    }

    public void setRegisters(String registers) {
        this.registers = registers;
    }

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    public int getMaxBaudRate() {
        return maxBaudRate;
    }

    public void setMaxBaudRate(int maxBaudRate) {
        this.maxBaudRate = maxBaudRate;
    }

    public long getReplyTimeout() {
        return replyTimeout;
    }

    public void setReplyTimeout(long replyTimeout) {
        this.replyTimeout = replyTimeout;
    }

    public int getRetries() {
        return retries;
    }

    public void setRetries(int retries) {
        this.retries = retries;
    }

    public long getAdapterLatency() {
        return adapterLatency;
    }

    public void setAdapterLatency(long adapterLatency) {
        this.adapterLatency = adapterLatency;
    }

    public String getGasCalorificValue() {
        return gasCalorificValue;
    }

    public void setGasCalorificValue(String gasCalorificValue) {
        this.gasCalorificValue = gasCalorificValue;
    }
}
