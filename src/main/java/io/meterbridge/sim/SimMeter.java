package io.meterbridge.sim;

import io.meterbridge.link.Control;
import io.meterbridge.link.LongFrame;
import io.meterbridge.telegram.SecondaryAddress;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;

/**
 * One simulated M-Bus slave: a {@link MeterModel} behind a primary address, a secondary
 * address and the link rules of EN 13757-2.
 *
 * <p>FCB (clause 5.4): after SND_NKE the meter expects FCB=1 in its next FCV=1 frame. A
 * request with the expected FCB gets a fresh answer (next telegram, access number + 1) and
 * the expectation toggles; a request that repeats the previous FCB gets the previous answer
 * again, unchanged — that is how a master's retry after a lost answer stays in step. A
 * selection (CI 0x52) makes the meter accept either FCB for its next request.
 *
 * <p>Thread-safe: the bus calls it under its own lock, tests call {@link #inject} from elsewhere.
 */
public final class SimMeter {

    private final MeterModel model;
    private final int id;
    private final Clock clock;
    private final Instant switchedOn;
    private int primaryAddress;
    private boolean present = true;
    private boolean selected;
    private Boolean expectedFcb;
    private LongFrame lastAnswer;
    private int cursor;
    private int accessNumber;
    private final Deque<Fault> faults = new ArrayDeque<>();
    private int cleanAnswersFirst;
    private final List<Integer> controls = new ArrayList<>();
    /** 0x55 bytes this meter's optical eye needs right before a request to wake; 0 for a wired meter. */
    private int wakeUpBytes;

    /**
     * @param model what it measures and how it lays out records
     * @param primaryAddress 0–250
     * @param id identification number as printed, 8 BCD digits ({@code 0x82937133})
     * @param clock for values that evolve with time
     */
    public SimMeter(MeterModel model, int primaryAddress, int id, Clock clock) {
        this.model = model;
        this.primaryAddress = primaryAddress;
        this.id = id;
        this.clock = clock;
        this.switchedOn = clock.instant();
    }

    public MeterModel model() {
        return model;
    }

    public synchronized int primaryAddress() {
        return primaryAddress;
    }

    /** Sets the primary address directly (as a service tool would); the bus also changes it on SND_UD CI 0x51. */
    public synchronized void primaryAddress(int address) {
        this.primaryAddress = address;
    }

    public SecondaryAddress secondaryAddress() {
        return new SecondaryAddress(id, model.manufacturer(), model.version(), model.medium());
    }

    /** Sets the access number its next fresh answer will follow (for byte-exact comparisons). */
    public synchronized void accessNumber(int value) {
        this.accessNumber = value & 0xFF;
    }

    /** The meter goes away (disconnected, dead battery): it answers nothing until {@link #rejoin()}. */
    public synchronized void leave() {
        present = false;
        selected = false;
    }

    /** The meter is back, in its power-on state (no FCB expectation, first telegram next). */
    public synchronized void rejoin() {
        present = true;
        expectedFcb = null;
        lastAnswer = null;
        cursor = 0;
    }

    public synchronized boolean present() {
        return present;
    }

    /** Makes its next {@code times} answers suffer {@code fault}. */
    public synchronized void inject(Fault fault, int times) {
        for (int i = 0; i < times; i++) {
            faults.add(fault);
        }
    }

    /**
     * Lets the next {@code answers} answers through unharmed, then makes the {@code times} after
     * them suffer {@code fault} (e.g. the second telegram of a multi-telegram readout).
     */
    public synchronized void injectAfter(int answers, Fault fault, int times) {
        cleanAnswersFirst = answers;
        inject(fault, times);
    }

    /** Faults still waiting to happen. */
    public synchronized int pendingFaults() {
        return faults.size();
    }

    /** C fields of every request that reached this meter, in order (to check FCB sequences). */
    public synchronized List<Integer> controlsReceived() {
        return Collections.unmodifiableList(new ArrayList<>(controls));
    }

    /** Telegram {@code index} as a fresh RSP_UD at the current time with a given access number. */
    public synchronized LongFrame telegram(int index, int access) {
        byte[] records = model.records(index, Duration.between(switchedOn, clock.instant()));
        byte[] data = new byte[12 + records.length];
        secondaryAddress().toWire(data, 0);
        data[8] = (byte) access;
        data[9] = (byte) model.status();
        System.arraycopy(records, 0, data, 12, records.length);
        return new LongFrame(Control.RSP_UD, primaryAddress, 0x72, data);
    }

    /**
     * Makes this a meter read through its optical eye, which sleeps: it takes a request only if at
     * least {@code bytes} 0x55 bytes came right before it (the wake-up preamble); 0 for a wired meter.
     */
    public synchronized void requireWakeUp(int bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("expected a preamble of 0 or more bytes, found " + bytes);
        }
        wakeUpBytes = bytes;
    }

    // ------------------------------------------------------------- link behaviour, called by SimBus

    /** True if the preamble before a request (its count of 0x55 bytes) wakes this meter. */
    synchronized boolean wokenBy(int preamble) {
        return preamble >= wakeUpBytes;
    }

    /** True if this meter takes a frame sent to {@code address}. */
    synchronized boolean addressedBy(int address) {
        if (!present) {
            return false;
        }
        return address == primaryAddress || address == Control.ADDRESS_BROADCAST_REPLY
                || address == Control.ADDRESS_BROADCAST_NO_REPLY
                || address == Control.ADDRESS_NETWORK_LAYER && selected;
    }

    /** SND_NKE: link reset; deselects if sent to 253. Returns true to acknowledge with E5. */
    synchronized boolean resetLink(int address) {
        controls.add(Control.SND_NKE);
        expectedFcb = true;
        cursor = 0;
        lastAnswer = null;
        if (address == Control.ADDRESS_NETWORK_LAYER) {
            selected = false;
        }
        return true;
    }

    /** Selection (CI 0x52): true if the pattern matches (the meter is then selected and answers E5). */
    synchronized boolean select(SecondaryAddress pattern) {
        if (!present) {
            return false;
        }
        selected = secondaryAddress().matches(pattern);
        if (selected) {
            expectedFcb = null;
        }
        return selected;
    }

    /** REQ_UD2: the next telegram, or a repeat of the last answer if the FCB did not toggle. */
    synchronized LongFrame requestData(int control) {
        controls.add(control);
        boolean fcv = (control & Control.FCV) != 0;
        boolean fcb = (control & Control.FCB) != 0;
        if (fcv && expectedFcb != null && fcb != expectedFcb && lastAnswer != null) {
            return lastAnswer; // repetition: same FCB as last time
        }
        accessNumber = (accessNumber + 1) & 0xFF;
        LongFrame answer = telegram(cursor, accessNumber);
        cursor = (cursor + 1) % model.telegramCount();
        lastAnswer = answer;
        if (fcv) {
            expectedFcb = !fcb;
        }
        return answer;
    }

    /** SND_UD: CI 0x51 with {@code 01 7A nn} sets the primary address, CI 0x50 resets the readout. */
    synchronized boolean userData(int control, int ci, byte[] data) {
        controls.add(control);
        boolean fcv = (control & Control.FCV) != 0;
        boolean fcb = (control & Control.FCB) != 0;
        boolean repeat = fcv && expectedFcb != null && fcb != expectedFcb;
        if (fcv) {
            expectedFcb = !fcb;
        }
        if (repeat) {
            return true; // already done; acknowledge again
        }
        if (ci == 0x51 && data.length == 3 && (data[0] & 0xFF) == 0x01 && (data[1] & 0xFF) == 0x7A) {
            int to = data[2] & 0xFF;
            if (to > Control.ADDRESS_MAX_PRIMARY) {
                return false;
            }
            primaryAddress = to;
            return true;
        }
        if (ci == 0x50) {
            cursor = 0;
            lastAnswer = null;
            return true;
        }
        return ci == 0x51; // other data sends: accepted and ignored
    }

    /** REQ_UD1: no alarm pending, E5. */
    synchronized void requestAlarm(int control) {
        controls.add(control);
    }

    synchronized Fault nextFault() {
        if (cleanAnswersFirst > 0 && !faults.isEmpty()) {
            cleanAnswersFirst--;
            return null;
        }
        return faults.poll();
    }
}
