package io.meterbridge.camel.output;

import java.util.Locale;

/**
 * Parts of file names that sort, as text, in the order they were made: {@code ls}, a file
 * manager and {@code sort} put {@code -10} before {@code -9}, so numbers are written with a fixed
 * width. From YAML:
 * {@code method: {beanType: io.meterbridge.camel.output.SortableNames, method: "sequence(${header.MeterbridgeJournalSequence})"}}.
 */
public final class SortableNames {

    /** The digits of the largest journal sequence number ({@link Long#MAX_VALUE}, a {@code long}). */
    public static final int SEQUENCE_DIGITS = 19;

    private SortableNames() {
    }

    /**
     * A journal sequence number zero-padded to {@value #SEQUENCE_DIGITS} digits
     * ({@code 0000000000000000042}), so that names sort as the numbers do for every value the
     * journal can give.
     *
     * @throws IllegalArgumentException for a negative number, which the journal never gives
     */
    public static String sequence(long sequence) {
        if (sequence < 0) {
            throw new IllegalArgumentException("a journal sequence number is never negative, found " + sequence);
        }
        return String.format(Locale.ROOT, "%0" + SEQUENCE_DIGITS + "d", sequence);
    }
}
