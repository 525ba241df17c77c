package io.meterbridge.sim;

import io.meterbridge.kmp.KmpDataException;
import io.meterbridge.kmp.KmpDirection;
import io.meterbridge.kmp.KmpFrame;
import io.meterbridge.kmp.KmpFrameException;
import io.meterbridge.kmp.KmpRegister;
import io.meterbridge.kmp.KmpRegisterValue;
import io.meterbridge.kmp.KmpRequest;
import io.meterbridge.kmp.KmpResponse;
import io.meterbridge.kmp.KmpStuffing;
import io.meterbridge.kmp.KmpUnit;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * A heat meter behind an optical eye, speaking KMP: given the bytes of a request it returns the
 * bytes a MULTICAL 403-like meter would send back. Pure: the time is passed in with each request,
 * nothing is read or written here; a transport (pseudo-terminal, TCP, in-process) carries the
 * bytes.
 *
 * <p>The meter draws a steady 11.92 kW: 527 l/h at T1 = 64.60 °C and T2 = 45.16 °C, the
 * operating point of the M-Bus {@link Multical403} model. Its counters advance with the time
 * since switch-on as a real meter's do, truncated to the meter's resolution: E1 in MWh with
 * three decimals, V1 in m³ with two, E8 and E9 in m³·°C, the hour counter in whole hours. Date
 * and time come from the instant of the request in the meter's time zone. Units, mantissa lengths
 * and exponents are those of the real heat meter in gemu2015/Sonoff-Tasmota issue 38 (E1
 * {@code 03 04 43}, V1 {@code 28 04 42}, temperatures {@code 25 02 42}, power {@code 16 02 41},
 * flow {@code 29 02 00}).
 *
 * <p>It answers GetType (meter type 0x0004, software revision F1: the example of the Kamstrup
 * protocol description 6.2.1 as PyKMP quotes it, not a code known to be a MULTICAL 403's),
 * GetSerialNo and GetRegister, the latter with the registers it has among those asked, in the
 * order asked, leaving out the rest as a real meter does. A request it cannot read (bad CRC,
 * malformed, another address, an unknown command) gets no answer: the protocol has no negative
 * answer for these, so the reader's timeout is what it sees.
 *
 * <p>Faults ({@link #inject}) act on its next answers: {@link Fault#NO_ANSWER},
 * {@link Fault#LATE_ANSWER} (after 2.5 s, beyond the 2 s kamstrup-402-mqtt waits, the most patient
 * of the readers consulted: bsdphk/PyKamstrup waits 1 s, ESPHome 250 ms),
 * {@link Fault#BAD_CHECKSUM} (CRC off, stuffing still valid),
 * {@link Fault#TRUNCATED} (the first half of the frame), {@link Fault#NOISE} (bytes that are no
 * start byte before the answer) and {@link Fault#ECHO} (the request read back before the answer,
 * as some IR heads do).
 *
 * <p>Thread-safe.
 */
public final class KmpMeter {

    /** Meter type and software revision of the protocol description's GetType example. */
    public static final int METER_TYPE = 0x0004;
    /** Software revision "F1". */
    public static final int SOFTWARE_REVISION = 0x0601;
    /** How late a {@link Fault#LATE_ANSWER} comes. */
    public static final Duration LATE = Duration.ofMillis(2500);

    private static final long POWER_W = 11_920;
    private static final long FLOW_L_PER_H = 527;
    private static final BigDecimal T1 = new BigDecimal("64.60");
    private static final BigDecimal T2 = new BigDecimal("45.16");
    private static final long E1_WH_AT_START = 34_510_000;
    private static final long V1_L_AT_START = 2_232_490;
    private static final long E8_AT_START = 148_532;
    private static final long E9_AT_START = 118_520;
    private static final long HOURS_AT_START = 43_489;
    private static final byte[] NOISE = {0x00, (byte) 0xFF, 0x7E, 0x3C, 0x55, 0x0D, 0x1B};

    /**
     * What the meter sends back: bytes, after a delay.
     *
     * @param bytes what goes on the line, possibly nothing
     * @param delay how long after the request the first byte comes (zero: at once)
     */
    public record Reply(byte[] bytes, Duration delay) {
        public Reply {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        /** Whether anything is sent at all. */
        public boolean isSilent() {
            return bytes.length == 0;
        }

        static Reply now(byte[] bytes) {
            return new Reply(bytes, Duration.ZERO);
        }

        @Override
        public String toString() {
            return "Reply[" + bytes.length + " bytes after " + delay.toMillis() + " ms]";
        }
    }

    private final long serialNumber;
    private final Instant switchedOn;
    private final ZoneId zone;
    private final Deque<Fault> faults = new ArrayDeque<>();

    /**
     * @param serialNumber what GetSerialNo and register 1001 answer, 0–4294967295
     * @param switchedOn   when the counters started from their initial values
     * @param zone         the time zone of the meter's clock
     */
    public KmpMeter(long serialNumber, Instant switchedOn, ZoneId zone) {
        this.serialNumber = new KmpResponse.SerialNo(serialNumber).serialNumber();
        this.switchedOn = switchedOn;
        this.zone = zone;
    }

    /** What GetSerialNo answers. */
    public long serialNumber() {
        return serialNumber;
    }

    /** Makes the next {@code times} answers suffer {@code fault}. */
    public synchronized void inject(Fault fault, int times) {
        for (int i = 0; i < times; i++) {
            faults.add(fault);
        }
    }

    /** Faults still waiting to happen. */
    public synchronized int pendingFaults() {
        return faults.size();
    }

    /** The answer to the request {@code request} (wire bytes, start through stop byte) at {@code now}. */
    public synchronized Reply answer(byte[] request, Instant now) {
        KmpFrame frame;
        KmpRequest parsed;
        try {
            frame = KmpFrame.decode(KmpDirection.TO_METER, request);
            if (frame.address() != KmpFrame.HEAT_METER) {
                return Reply.now(new byte[0]);
            }
            parsed = KmpRequest.parse(frame);
        } catch (KmpFrameException | KmpDataException e) {
            return Reply.now(new byte[0]);
        }
        KmpFrame response = respond(parsed, now).toFrame(frame.address());
        Fault fault = faults.poll();
        if (fault == null) {
            return Reply.now(response.encode());
        }
        return switch (fault) {
            case NO_ANSWER -> Reply.now(new byte[0]);
            case LATE_ANSWER -> new Reply(response.encode(), LATE);
            case BAD_CHECKSUM -> Reply.now(withWrongCrc(response));
            case TRUNCATED -> {
                byte[] wire = response.encode();
                yield Reply.now(Arrays.copyOf(wire, wire.length / 2));
            }
            case NOISE -> Reply.now(concat(NOISE, response.encode()));
            case ECHO -> Reply.now(concat(request, response.encode()));
        };
    }

    /** The response to {@code request} at {@code now}, before any fault. */
    public KmpResponse respond(KmpRequest request, Instant now) {
        if (request instanceof KmpRequest.GetType) {
            return new KmpResponse.MeterType(METER_TYPE, SOFTWARE_REVISION);
        }
        if (request instanceof KmpRequest.GetSerialNo) {
            return new KmpResponse.SerialNo(serialNumber);
        }
        KmpRequest.GetRegister get = (KmpRequest.GetRegister) request;
        List<KmpRegisterValue> values = new ArrayList<>();
        for (int id : get.registerIds()) {
            register(id, now).ifPresent(values::add);
        }
        return new KmpResponse.Registers(values);
    }

    /** Register {@code id} as the meter holds it at {@code now}; empty for a register it does not have. */
    public Optional<KmpRegisterValue> register(int id, Instant now) {
        long seconds = Math.max(0, Duration.between(switchedOn, now).getSeconds());
        long litres = FLOW_L_PER_H * seconds / 3600;
        ZonedDateTime local = now.atZone(zone);
        KmpRegister register = KmpRegister.byId(id).orElse(null);
        if (register == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(switch (register) {
            case E1 -> value(id, KmpUnit.MWH, 4,
                    BigDecimal.valueOf((E1_WH_AT_START + POWER_W * seconds / 3600) / 1000, 3));
            case E3 -> value(id, KmpUnit.MWH, 4, BigDecimal.valueOf(0, 3));
            case E8 -> value(id, KmpUnit.CUBIC_METRE_CELSIUS, 4,
                    BigDecimal.valueOf(E8_AT_START + litres * T1.unscaledValue().longValue() / 100_000));
            case E9 -> value(id, KmpUnit.CUBIC_METRE_CELSIUS, 4,
                    BigDecimal.valueOf(E9_AT_START + litres * T2.unscaledValue().longValue() / 100_000));
            case V1 -> value(id, KmpUnit.CUBIC_METRE, 4, BigDecimal.valueOf((V1_L_AT_START + litres) / 10, 2));
            case T1 -> value(id, KmpUnit.CELSIUS, 2, T1);
            case T2 -> value(id, KmpUnit.CELSIUS, 2, T2);
            case T1_T2 -> value(id, KmpUnit.KELVIN, 2, T1.subtract(T2));
            case POWER -> value(id, KmpUnit.KW, 2, BigDecimal.valueOf(POWER_W / 100, 1));
            case FLOW1 -> value(id, KmpUnit.LITRE_PER_HOUR, 2, BigDecimal.valueOf(FLOW_L_PER_H));
            case HOURS -> value(id, KmpUnit.HOUR, 4, BigDecimal.valueOf(HOURS_AT_START + seconds / 3600));
            case ERROR_HOURS, INFO, INFO_EVENTS -> value(id, KmpUnit.NONE, 4, BigDecimal.ZERO);
            case TIME -> value(id, KmpUnit.TIME_HHMMSS, 4,
                    BigDecimal.valueOf(local.getHour() * 10_000L + local.getMinute() * 100L + local.getSecond()));
            case DATE -> value(id, KmpUnit.DATE_YYMMDD, 4,
                    BigDecimal.valueOf(local.getYear() % 100 * 10_000L + local.getMonthValue() * 100L
                            + local.getDayOfMonth()));
            case SERIAL_NO -> value(id, KmpUnit.NONE, 4, BigDecimal.valueOf(serialNumber));
            default -> null;
        });
    }

    private static KmpRegisterValue value(int id, KmpUnit unit, int mantissaLength, BigDecimal value) {
        return new KmpRegisterValue(id, unit.code(), value, mantissaLength);
    }

    /** The response with its CRC off by 0x5A5A: a corrupted frame whose stuffing is still intact. */
    private static byte[] withWrongCrc(KmpFrame response) {
        byte[] data = response.data();
        byte[] body = new byte[data.length + 4];
        body[0] = (byte) response.address();
        body[1] = (byte) response.commandId();
        System.arraycopy(data, 0, body, 2, data.length);
        int crc = response.crc() ^ 0x5A5A;
        body[body.length - 2] = (byte) (crc >>> 8);
        body[body.length - 1] = (byte) crc;
        return KmpStuffing.stuff(KmpDirection.FROM_METER, body);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
