package io.meterbridge.sim;

import io.meterbridge.link.Control;
import io.meterbridge.link.Frame;
import io.meterbridge.link.LongFrame;
import io.meterbridge.link.ShortFrame;
import io.meterbridge.link.SingleCharacter;
import io.meterbridge.telegram.SecondaryAddress;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A simulated M-Bus: the slaves on one pair of wires and what the master hears back.
 *
 * <p>Every request goes to every meter it addresses (primary address, 253 if selected, 254
 * broadcast). If one answers, its answer (after its injected fault, if any) is what the master
 * hears; if several answer, their bit streams overlap with a few bits of skew and the master
 * hears the wired-AND of them — garbled bytes, as on a real bus where two slaves draw current
 * at once. Timing (pacing at the baud rate, the slave's reply delay) is applied by whoever
 * serves the bus ({@link SimTransport}, {@link SimServer}); {@link #handle} only says what and
 * how late.
 */
public final class SimBus {

    /** MULTICAL 303 ID at address 1 on the default bus. */
    public static final int ID_303 = 0x82937133;
    /** MULTICAL 403 ID at address 89 on the default bus. */
    public static final int ID_403 = 0x77447744;

    private final List<SimMeter> meters = new CopyOnWriteArrayList<>();
    private volatile int replyDelayBits = 22;

    /**
     * What the master hears after a request.
     *
     * @param bytes the bytes on the line
     * @param lateNanos extra delay beyond the normal reply delay (a late-answer fault)
     */
    public record Answer(byte[] bytes, long lateNanos) {
    }

    /**
     * The default bus: a MULTICAL 303-like meter at primary address 1 (ID 82937133, one
     * 128-byte telegram) and a MULTICAL 403-like multi-telegram meter at 89 (ID 77447744,
     * telegrams of 125 and 71 bytes).
     */
    public static SimBus standard(Clock clock) {
        SimBus bus = new SimBus();
        bus.add(new SimMeter(new Multical303(), 1, ID_303, clock));
        bus.add(new SimMeter(Multical403.twoTelegrams(), 89, ID_403, clock));
        return bus;
    }

    public SimMeter add(SimMeter meter) {
        meters.add(meter);
        return meter;
    }

    public void remove(SimMeter meter) {
        meters.remove(meter);
    }

    public List<SimMeter> meters() {
        return List.copyOf(meters);
    }

    /** The meter currently at a primary address, or null. */
    public SimMeter meterAt(int primaryAddress) {
        for (SimMeter m : meters) {
            if (m.primaryAddress() == primaryAddress) {
                return m;
            }
        }
        return null;
    }

    /** Bit times a slave waits after the master's frame before it answers (EN 13757-2: 11 to 330 + 50 ms). */
    public int replyDelayBits() {
        return replyDelayBits;
    }

    public void replyDelayBits(int bits) {
        if (bits < 11) {
            throw new IllegalArgumentException("EN 13757-2 slaves wait at least 11 bit times, found " + bits);
        }
        replyDelayBits = bits;
    }

    /** The answer to one complete request frame, or null if nobody answers. */
    public synchronized Answer handle(Frame request, int baud) {
        return handle(request, baud, 0);
    }

    /**
     * @param preamble how many 0x55 bytes came right before the request (an optical wake-up);
     *                 a meter that needs more ignores the request, as a sleeping eye would
     */
    public synchronized Answer handle(Frame request, int baud, int preamble) {
        byte[] raw = request.toBytes();
        List<Answer> answers = new ArrayList<>();
        if (request instanceof ShortFrame s) {
            int function = s.control() & ~Control.FCB;
            for (SimMeter m : meters) {
                if (!m.addressedBy(s.address()) || !m.wokenBy(preamble)) {
                    continue;
                }
                Frame reply;
                if (function == Control.SND_NKE) {
                    m.resetLink(s.address());
                    reply = SingleCharacter.INSTANCE;
                } else if (function == Control.REQ_UD2 || function == (Control.REQ_UD2 & ~Control.FCV)) {
                    reply = m.requestData(s.control());
                } else if (function == Control.REQ_UD1 || function == (Control.REQ_UD1 & ~Control.FCV)) {
                    m.requestAlarm(s.control());
                    reply = SingleCharacter.INSTANCE;
                } else {
                    continue;
                }
                if (s.address() != Control.ADDRESS_BROADCAST_NO_REPLY) {
                    addAnswer(answers, m, reply, raw, baud);
                }
            }
        } else if (request instanceof LongFrame l && (l.control() & ~Control.FCB) == Control.SND_UD) {
            byte[] data = l.data();
            if (l.ci() == 0x52 && l.address() == Control.ADDRESS_NETWORK_LAYER
                    && data.length == SecondaryAddress.WIRE_LENGTH) {
                SecondaryAddress pattern = SecondaryAddress.fromWire(data, 0);
                for (SimMeter m : meters) {
                    if (m.wokenBy(preamble) && m.select(pattern)) {
                        addAnswer(answers, m, SingleCharacter.INSTANCE, raw, baud);
                    }
                }
            } else {
                for (SimMeter m : meters) {
                    if (m.addressedBy(l.address()) && m.wokenBy(preamble) && m.userData(l.control(), l.ci(), data)
                            && l.address() != Control.ADDRESS_BROADCAST_NO_REPLY) {
                        addAnswer(answers, m, SingleCharacter.INSTANCE, raw, baud);
                    }
                }
            }
        }
        if (answers.isEmpty()) {
            return null;
        }
        if (answers.size() == 1) {
            return answers.get(0);
        }
        return new Answer(collide(answers), 0);
    }

    private static void addAnswer(List<Answer> answers, SimMeter m, Frame reply, byte[] request, int baud) {
        byte[] bytes = reply.toBytes();
        Fault fault = m.nextFault();
        if (fault == null) {
            answers.add(new Answer(bytes, 0));
            return;
        }
        switch (fault) {
            case NO_ANSWER -> {
                // processed by the meter, lost on the line
            }
            case LATE_ANSWER -> {
                long standard = 330L * 1_000_000_000L / baud + 50_000_000L;
                answers.add(new Answer(bytes, 2 * standard + 200_000_000L));
            }
            case BAD_CHECKSUM -> {
                if (bytes.length > 1) {
                    bytes[bytes.length - 2] ^= 0x5A;
                } else {
                    bytes[0] = (byte) 0xE4;
                }
                answers.add(new Answer(bytes, 0));
            }
            case TRUNCATED -> answers.add(new Answer(java.util.Arrays.copyOf(bytes, Math.max(1, bytes.length / 2)),
                    0));
            case NOISE -> answers.add(new Answer(concat(new byte[] {0x00, (byte) 0xFF, 0x7E, 0x3C, 0x55, 0x01}, bytes),
                    0));
            case ECHO -> answers.add(new Answer(concat(request, bytes), 0));
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /**
     * Wired-AND of several answers, answer k starting 3·k bits later (slaves never answer in
     * perfect step): a dominant 0 bit from any slave wins. Bits are sent LSB first.
     */
    static byte[] collide(List<Answer> answers) {
        int maxBits = 0;
        for (int k = 0; k < answers.size(); k++) {
            maxBits = Math.max(maxBits, answers.get(k).bytes().length * 8 + 3 * k);
        }
        byte[] out = new byte[(maxBits + 7) / 8];
        for (int bit = 0; bit < out.length * 8; bit++) {
            int v = 1;
            for (int k = 0; k < answers.size(); k++) {
                byte[] b = answers.get(k).bytes();
                int i = bit - 3 * k;
                if (i >= 0 && i < b.length * 8) {
                    v &= (b[i / 8] >> (i % 8)) & 1;
                }
            }
            if (v == 1) {
                out[bit / 8] |= (byte) (1 << (bit % 8));
            }
        }
        return out;
    }
}
