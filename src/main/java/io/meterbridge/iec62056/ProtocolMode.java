package io.meterbridge.iec62056;

/**
 * The IEC 62056-21 protocol modes a master can drive, told apart by the baud rate character
 * {@code Z} of the meter's identification {@code /XXXZ<ident>}.
 *
 * <ul>
 *   <li>{@link #A}: everything at 300 Bd; the data block follows the identification directly.
 *       {@code Z} is any character that is not one of the others' ({@code 0}–{@code 9},
 *       {@code A}–{@code I}) and not {@code /} or {@code !}.</li>
 *   <li>{@link #B}: the meter announces its speed with a letter, {@code A} 600, {@code B} 1200,
 *       {@code C} 2400, {@code D} 4800, {@code E} 9600, {@code F} 19200 Bd ({@code G}–{@code I}
 *       reserved), switches to it by itself after the identification and sends the data block
 *       there; the master only follows. The Landis+Gyr UH50 ({@code /LUGCUH50}) is read this way:
 *       its readers switch to 2400 Bd right after the identification and send no acknowledgement
 *       (ultraheat-api, esphome-uh50reader, "EN 61107 mode B").</li>
 *   <li>{@link #C}: the meter announces its highest speed with a digit, {@code 0} 300, {@code 1} 600,
 *       {@code 2} 1200, {@code 3} 2400, {@code 4} 4800, {@code 5} 9600, {@code 6} 19200 Bd
 *       ({@code 7}–{@code 9} reserved), then waits for the acknowledgement/option select
 *       {@code ACK V Z Y CR LF}; the master picks the speed there. Mode E (an identification with
 *       {@code \2}) is read in mode C too: the data readout is the same.</li>
 * </ul>
 *
 * <p>The letter table is the one of IEC 62056-21:2002 as implemented by aquaticus/esphome-iec62056
 * and iisys-hof/libIEC62056 and borne out by the UH50 ({@code C}, data at 2400 Bd); the table in
 * lvzon/dsmr-p1-parser's notes, which starts {@code A} at 300 Bd, is one step off. Mode D (push
 * only, 2400 Bd, no request) has no master side and is not here.
 */
public enum ProtocolMode {
    A, B, C;

    private static final int[] RATES = {300, 600, 1200, 2400, 4800, 9600, 19200};

    /**
     * The mode a baud rate character announces.
     *
     * @throws IllegalArgumentException for {@code /} and {@code !}, which cannot stand there
     */
    public static ProtocolMode of(char z) {
        if (z == '/' || z == '!') {
            throw new IllegalArgumentException("'" + z + "' cannot be a baud rate character");
        }
        if (z >= '0' && z <= '9') {
            return C;
        }
        if (z >= 'A' && z <= 'I') {
            return B;
        }
        return A;
    }

    /** Whether {@code z} is a reserved character of this mode's table ({@code 7}–{@code 9}, {@code G}–{@code I}). */
    public boolean reserved(char z) {
        return switch (this) {
            case A -> false;
            case B -> z >= 'G' && z <= 'I';
            case C -> z >= '7' && z <= '9';
        };
    }

    /**
     * The baud rate {@code z} stands for in this mode: 300 in mode A, whatever {@code z} is.
     *
     * @throws IllegalArgumentException for a character outside this mode's table or reserved in it
     */
    public int baudRate(char z) {
        if (of(z) != this || reserved(z)) {
            throw new IllegalArgumentException("'" + z + "' is not a baud rate character of mode " + this
                    + (reserved(z) ? " (reserved)" : ""));
        }
        return switch (this) {
            case A -> 300;
            case B -> RATES[1 + z - 'A'];
            case C -> RATES[z - '0'];
        };
    }

    /**
     * The character that asks for {@code baudRate} in this mode (mode C: in the option select).
     *
     * @throws IllegalArgumentException when the mode has no character for that rate (mode A has
     *                                  none, mode B none for 300 Bd)
     */
    public char character(int baudRate) {
        for (int i = 0; i < RATES.length; i++) {
            if (RATES[i] == baudRate) {
                if (this == C) {
                    return (char) ('0' + i);
                }
                if (this == B && i > 0) {
                    return (char) ('A' + i - 1);
                }
            }
        }
        throw new IllegalArgumentException("mode " + this + " has no baud rate character for " + baudRate + " Bd");
    }

    /** The mode C character of the highest standard rate not above {@code baudRate} (at least 300 Bd). */
    static char modeCCharacterAtMost(int baudRate) {
        int best = 0;
        for (int i = 0; i < RATES.length; i++) {
            if (RATES[i] <= baudRate) {
                best = i;
            }
        }
        return (char) ('0' + best);
    }
}
