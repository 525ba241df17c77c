package io.meterbridge.sim;

import io.meterbridge.iec62056.Bcc;
import io.meterbridge.iec62056.Identification;
import io.meterbridge.iec62056.Iec62056FormatException;
import io.meterbridge.iec62056.ProtocolMode;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Random;
import java.util.Map;

/**
 * A Landis+Gyr ULTRAHEAT UH50/T550 behind its optical eye, as the published readouts show it: it
 * sleeps until a run of NULs at 300 Bd, answers {@code /?!} with {@code /LUGCUH50} at 300 Bd, switches
 * to 2400 Bd by itself (mode B) and sends a data block with the UH50's data sets in the UH50's order
 * and widths, energy in GJ, MWh or kWh. Its values move like a heat meter's: power wandering around
 * a load, flow from power and the temperature difference, energy and volume integrating them, maxima
 * kept, the previous-year values taken at the yearly set day (01-01 00:00). Deterministic for a seed.
 *
 * <p>Pure: it is given the bytes the master sends and the speed they were sent at
 * ({@link #receive(byte[], int)}), and returns what it sends back and at which speed. With another
 * identification it can stand for a mode C or mode A meter too ({@code /LUG4UH50} waits for
 * {@code ACK 0 Z 0} and answers at the speed {@code Z} asks for).
 *
 * <p>Thread-safe: a transport's thread feeds it while a test injects faults.
 */
public final class UltraheatMeter {

    /** How many NULs in a row wake the meter normally (the UH50 readers send 40). */
    public static final int WAKE_UP_NULS = 30;
    /** How many wake it from {@link UltraheatFault#SLEEPING}: 2.1 s at 300 Bd 7E1. */
    public static final int DEEP_SLEEP_NULS = 63;

    /** How the meter is configured to count energy. */
    public enum EnergyUnit {
        GJ, MWH, KWH;

        String text() {
            return switch (this) {
                case GJ -> "GJ";
                case MWH -> "MWh";
                case KWH -> "kWh";
            };
        }
    }

    /** Bytes the meter sends, and the speed it sends them at. */
    public static final class Reply {
        private final byte[] bytes;
        private final int baudRate;

        public Reply(byte[] bytes, int baudRate) {
            this.bytes = bytes.clone();
            this.baudRate = baudRate;
        }

        public byte[] bytes() {
            return bytes.clone();
        }

        public int baudRate() {
            return baudRate;
        }

        @Override
        public String toString() {
            return baudRate + " Bd: " + bytes.length + " bytes";
        }
    }

    private enum Phase { ASLEEP, REQUEST, AWAITING_ACK }

    private final Random random;
    private final Identification identification;
    private final String number;
    private final UltraheatRegisters registers;
    /** Faults still to strike, with how many readouts (wake-ups for SLEEPING) each has left. */
    private final Map<UltraheatFault, Integer> faults = new EnumMap<>(UltraheatFault.class);

    private Phase phase = Phase.ASLEEP;
    private int nuls;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(32);
    private int readouts;

    /**
     * @param seed           seed of the value noise and of where faults strike
     * @param start          the meter's clock at the first reading
     * @param unit           how it counts energy
     * @param number         its device/ownership number, 8 digits
     * @param identification what it answers the request with, e.g. {@code /LUGCUH50}
     */
    public UltraheatMeter(long seed, LocalDateTime start, EnergyUnit unit, String number, String identification) {
        if (!number.matches("[0-9]{8}")) {
            throw new IllegalArgumentException("expected an 8-digit number, found '" + number + "'");
        }
        try {
            this.identification = Identification.parse(identification + "\r\n");
        } catch (Iec62056FormatException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        this.random = new Random(seed);
        this.number = number;
        this.registers = new UltraheatRegisters(random, start, unit, number);
    }

    /** A UH50 counting GJ, {@code /LUGCUH50}, number 71234567. */
    public static UltraheatMeter uh50(long seed, LocalDateTime start) {
        return new UltraheatMeter(seed, start, EnergyUnit.GJ, "71234567", "/LUGCUH50");
    }

    /** Makes the next readout (or, for {@link UltraheatFault#SLEEPING}, the next wake-up) go wrong that way. */
    public synchronized void inject(UltraheatFault fault) {
        inject(fault, 1);
    }

    /**
     * Makes the next {@code times} readouts go wrong that way; for {@link UltraheatFault#SLEEPING}, the
     * meter falls back into deep sleep after each of the next {@code times - 1} deep wake-ups. Faults of
     * different kinds strike the same readout.
     */
    public synchronized void inject(UltraheatFault fault, int times) {
        if (times < 0) {
            throw new IllegalArgumentException("expected a number of readouts of 0 or more, found " + times);
        }
        if (times > 0) {
            faults.merge(fault, times, Integer::sum);
        }
    }

    /** How many readouts (wake-ups for SLEEPING) {@code fault} still strikes. */
    public synchronized int pendingFaults(UltraheatFault fault) {
        return faults.getOrDefault(fault, 0);
    }

    /** Whether {@code fault} strikes now; if so it is used up once. */
    private boolean take(UltraheatFault fault) {
        Integer left = faults.get(fault);
        if (left == null) {
            return false;
        }
        if (left == 1) {
            faults.remove(fault);
        } else {
            faults.put(fault, left - 1);
        }
        return true;
    }

    /** How many data blocks the meter has sent. */
    public synchronized int readouts() {
        return readouts;
    }

    /** The meter's clock. */
    public synchronized LocalDateTime now() {
        return registers.now();
    }

    /**
     * Lets {@code step} of heat delivery pass. Power and temperatures take one random step; energy,
     * volume and hours integrate them, split at the yearly set day (01-01 00:00) if the step crosses it.
     */
    public synchronized void advance(Duration step) {
        registers.advance(step);
    }

    /** The energy register as the next data block will show it, in the meter's unit. */
    public synchronized BigDecimal energy() {
        return registers.energy();
    }

    /** The volume register as the next data block will show it. */
    public synchronized BigDecimal volume() {
        return registers.volume();
    }

    /**
     * The meter hears {@code bytes}, sent at {@code baudRate}, and answers. Between readouts it
     * listens at 300 Bd only; bytes at another speed reach it as noise and are not understood.
     */
    public synchronized List<Reply> receive(byte[] bytes, int baudRate) {
        List<Reply> out = new ArrayList<>(2);
        if (baudRate != 300) {
            nuls = 0;
            phase = Phase.ASLEEP;
            line.reset();
            return out;
        }
        for (byte b : bytes) {
            switch (phase) {
                case ASLEEP -> {
                    if (b == 0) {
                        nuls++;
                    } else if (b == '/' && nuls >= (faults.containsKey(UltraheatFault.SLEEPING) ? DEEP_SLEEP_NULS : WAKE_UP_NULS)) {
                        take(UltraheatFault.SLEEPING);
                        phase = Phase.REQUEST;
                        line.reset();
                        line.write(b);
                    } else {
                        nuls = 0;
                    }
                }
                case REQUEST -> {
                    line.write(b);
                    if (b == '\n' || line.size() > 40) {
                        request(out);
                    }
                }
                case AWAITING_ACK -> {
                    line.write(b);
                    if (b == '\n' || line.size() > 8) {
                        acknowledgement(out);
                    }
                }
            }
        }
        return out;
    }

    private void request(List<Reply> out) {
        String text = line.toString(StandardCharsets.US_ASCII);
        line.reset();
        phase = Phase.ASLEEP;
        nuls = 0;
        if (!text.startsWith("/?") || !text.endsWith("!\r\n")) {
            return;
        }
        String address = text.substring(2, text.length() - 3);
        if (!address.isEmpty() && !number.endsWith(address)) {
            return;
        }
        if (take(UltraheatFault.NO_ANSWER)) {
            return;
        }
        out.add(new Reply(identification.bytes(), 300));
        switch (identification.mode()) {
            case A -> out.add(new Reply(dataBlock(), 300));
            case B -> out.add(new Reply(dataBlock(), identification.baudRate()));
            case C -> phase = Phase.AWAITING_ACK;
        }
    }

    private void acknowledgement(List<Reply> out) {
        byte[] ack = line.toByteArray();
        line.reset();
        phase = Phase.ASLEEP;
        nuls = 0;
        if (ack.length != 6 || ack[0] != 0x06 || ack[1] != '0' || ack[3] != '0' || ack[4] != '\r' || ack[5] != '\n') {
            return;
        }
        char z = (char) ack[2];
        if (z < '0' || z > identification.baudCharacter()) {
            return;
        }
        out.add(new Reply(dataBlock(), ProtocolMode.C.baudRate(z)));
    }

    private byte[] dataBlock() {
        readouts++;
        byte[] text = registers.dataText().getBytes(StandardCharsets.US_ASCII);
        byte[] block = new byte[text.length + 3];
        block[0] = 0x02;
        System.arraycopy(text, 0, block, 1, text.length);
        block[text.length + 1] = 0x03;
        block[text.length + 2] = (byte) Bcc.compute(block, 1, text.length + 2);
        if (take(UltraheatFault.BAD_BCC)) {
            int digit = 1 + random.nextInt(text.length);
            while (!Character.isDigit(block[digit])) {
                digit = digit % text.length + 1;
            }
            block[digit] = (byte) (block[digit] == '9' ? '8' : block[digit] + 1);
        }
        if (take(UltraheatFault.TRUNCATED)) {
            return Arrays.copyOf(block, 1 + random.nextInt(text.length));
        }
        return block;
    }
}
