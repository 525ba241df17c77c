package io.meterbridge.iec62056;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The master's side of one IEC 62056-21 data readout (modes A, B and C) as a state machine: it says
 * what to send, at which speed and what to wait for ({@link Step}s), and is told what came back.
 * It does no I/O and keeps no clock, so the serial transport, the simulator and the tests drive the
 * same sequence:
 *
 * <ol>
 *   <li>{@link #start()}: 300 Bd; the wake-up NULs and their pause; the request {@code /?!} CR LF;
 *       wait for the identification.</li>
 *   <li>Identification {@code /XXXZ<ident>} CR LF at 300 Bd, then by its mode:
 *       A, the data block follows at 300 Bd; B, the meter has switched to the speed of {@code Z}, and
 *       so does the master (a UH50: {@code C}, 2400 Bd); C, the master sends {@code ACK 0 Z 0} CR LF
 *       at 300 Bd, with {@code Z} the meter's speed or {@link ReadoutOptions#maxBaudRate()} if lower,
 *       and switches to it once the acknowledgement is out.</li>
 *   <li>Data block {@code STX … ! CR LF ETX BCC}: {@link Step.Completed} with the {@link Readout}.</li>
 * </ol>
 *
 * <p>What a real optical head adds is skipped and counted ({@link Readout#skippedBytes()}): bytes
 * before the {@code /} of the identification or the STX of the block, such as the NULs a half-duplex
 * head echoes (ultraheat-api handles the same echo in its tests), and an exact echo of the request
 * line. A Landis+Gyr T550 has been reported to send two empty lines where the identification should
 * be (ultraheat-api); they are skipped, and if no identification follows the timeout says so.
 * Anything else that is wrong ends the session with an {@link Iec62056Exception} saying what was
 * expected and what was found. Not thread-safe: one session per readout.
 */
public final class ReadoutSession {

    /** Where the session is. */
    public enum State { NEW, AWAITING_IDENTIFICATION, AWAITING_DATA, COMPLETE, FAILED }

    private final ReadoutOptions options;
    private final byte[] request;
    private final ByteArrayOutputStream message = new ByteArrayOutputStream(1024);
    private State state = State.NEW;
    private int skipped;
    private int baudRate = 300;
    private boolean etxSeen;
    private Identification identification;

    public ReadoutSession(ReadoutOptions options) {
        this.options = options;
        this.request = options.request().bytes();
    }

    public State state() {
        return state;
    }

    /** The identification once it has arrived. */
    public Identification identification() {
        return identification;
    }

    /** The first steps: speed, wake-up, request, wait for the identification. */
    public List<Step> start() {
        requireState(State.NEW);
        List<Step> steps = new ArrayList<>(5);
        steps.add(new Step.SetBaudRate(300));
        WakeUp wakeUp = options.wakeUp();
        if (wakeUp.nulCount() > 0) {
            steps.add(new Step.Transmit(wakeUp.bytes()));
        }
        if (!wakeUp.pauseAfter().isZero()) {
            steps.add(new Step.Pause(wakeUp.pauseAfter()));
        }
        steps.add(new Step.Transmit(request));
        steps.add(new Step.Receive(options.replyTimeout(), "identification /XXXZ<ident> at 300 Bd"));
        state = State.AWAITING_IDENTIFICATION;
        return steps;
    }

    /**
     * Takes bytes the meter sent. Returns the next steps, or an empty list to keep receiving as
     * before.
     *
     * @throws Iec62056FormatException when the bytes are not what the readout expects here
     */
    public List<Step> received(byte[] bytes, int off, int len) throws Iec62056FormatException {
        if (state != State.AWAITING_IDENTIFICATION && state != State.AWAITING_DATA) {
            throw new IllegalStateException("received bytes in state " + state);
        }
        try {
            List<Step> steps = List.of();
            for (int i = off; i < off + len; i++) {
                if (state == State.AWAITING_IDENTIFICATION) {
                    List<Step> next = identificationByte(bytes[i]);
                    if (!next.isEmpty()) {
                        steps = next;
                        if (identification.mode() != ProtocolMode.A) {
                            // Sent at 300 Bd after the identification but read at the new speed, or
                            // sent before the meter saw the acknowledgement: neither is data.
                            skipped += off + len - i - 1;
                            break;
                        }
                    }
                } else if (state == State.AWAITING_DATA) {
                    Step.Completed done = dataByte(bytes[i]);
                    if (done != null) {
                        return List.of(done);
                    }
                }
            }
            return steps;
        } catch (Iec62056FormatException e) {
            state = State.FAILED;
            throw e;
        }
    }

    /** Takes a whole chunk. */
    public List<Step> received(byte[] bytes) throws Iec62056FormatException {
        return received(bytes, 0, bytes.length);
    }

    /**
     * The silence of the last {@link Step.Receive} ran out.
     *
     * @throws Iec62056TimeoutException when nothing of what was awaited had arrived
     * @throws Iec62056FormatException  when it had started and was cut short
     */
    public List<Step> timedOut() throws Iec62056Exception {
        if (state != State.AWAITING_IDENTIFICATION && state != State.AWAITING_DATA) {
            throw new IllegalStateException("timed out in state " + state);
        }
        State was = state;
        state = State.FAILED;
        byte[] partial = message.toByteArray();
        String others = skipped == 0 ? "" : " (only " + skipped + " other bytes)";
        if (was == State.AWAITING_IDENTIFICATION) {
            if (partial.length > 0) {
                throw new Iec62056FormatException("expected CR LF ending the identification, found silence after '"
                        + Identification.printable(partial, 0, partial.length) + "'", partial.length, 1);
            }
            throw new Iec62056TimeoutException("expected the identification /XXXZ<ident> CR LF within "
                    + millis(options.replyTimeout()) + " of the request, found nothing" + others, was);
        }
        if (partial.length > 0) {
            DataBlockParser.parse(partial); // throws: no ETX, or no BCC after it
            throw new IllegalStateException("a complete block was not delivered"); // unreachable: dataByte completes it
        }
        throw new Iec62056TimeoutException("expected the data block STX … ETX BCC at " + baudRate + " Bd within "
                + millis(options.silenceTimeout()) + ", found nothing" + others, was);
    }

    private List<Step> identificationByte(byte b) throws Iec62056FormatException {
        if (message.size() == 0) {
            if (b != '/') {
                skip("'/' starting the identification");
                return List.of();
            }
        }
        message.write(b);
        if (b != '\n') {
            if (message.size() == Identification.MAX_LENGTH) {
                byte[] line = message.toByteArray();
                throw new Iec62056FormatException("expected CR LF ending the identification within "
                        + Identification.MAX_LENGTH + " bytes, found '" + Identification.printable(line, 0, line.length) + "'",
                        line.length - 1, 1);
            }
            return List.of();
        }
        byte[] line = message.toByteArray();
        message.reset();
        if (Arrays.equals(line, request)) {
            skipped += line.length; // the head's echo of our own request
            return List.of();
        }
        identification = Identification.parse(line, 0, line.length);
        state = State.AWAITING_DATA;
        List<Step> steps = new ArrayList<>(3);
        switch (identification.mode()) {
            case A -> {
                // data follows at 300 Bd
            }
            case B -> {
                baudRate = identification.baudRate();
                steps.add(new Step.SetBaudRate(baudRate));
            }
            case C -> {
                char z = ProtocolMode.modeCCharacterAtMost(Math.min(identification.baudRate(), options.maxBaudRate()));
                OptionSelectMessage ack = OptionSelectMessage.dataReadout(z);
                steps.add(new Step.Transmit(ack.bytes()));
                if (ack.baudRate() != baudRate) {
                    baudRate = ack.baudRate();
                    steps.add(new Step.SetBaudRate(baudRate));
                }
            }
        }
        steps.add(new Step.Receive(options.silenceTimeout(), "data block STX … ETX BCC at " + baudRate + " Bd"));
        return steps;
    }

    private Step.Completed dataByte(byte b) throws Iec62056FormatException {
        if (message.size() == 0) {
            if (b != DataBlockParser.STX) {
                skip("STX starting the data block");
                return null;
            }
        }
        message.write(b);
        if (etxSeen) {
            DataBlock block = DataBlockParser.parse(message.toByteArray());
            state = State.COMPLETE;
            return new Step.Completed(new Readout(identification, baudRate, block, skipped));
        }
        if (b == DataBlockParser.ETX) {
            etxSeen = true;
        } else if (message.size() == options.maxBlockBytes()) {
            byte[] block = message.toByteArray();
            int lines = 1;
            for (byte x : block) {
                lines += x == '\n' ? 1 : 0;
            }
            throw new Iec62056FormatException("expected ETX within " + options.maxBlockBytes()
                    + " bytes of STX, found more", block.length - 1, lines);
        }
        return null;
    }

    private void skip(String expected) throws Iec62056FormatException {
        skipped++;
        if (skipped > options.maxSkippedBytes()) {
            throw new Iec62056FormatException("expected " + expected + ", found " + skipped + " other bytes first",
                    skipped - 1, 1);
        }
    }

    private void requireState(State expected) {
        if (state != expected) {
            throw new IllegalStateException("expected state " + expected + ", was " + state);
        }
    }

    private static String millis(Duration d) {
        return d.toMillis() + " ms";
    }
}
