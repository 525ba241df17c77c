package io.meterbridge.p1;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One data object of a telegram: its OBIS code, its parenthesised values, the line number in the
 * telegram (the header is line 1) and what the catalogue knows about it.
 *
 * @param obis       the identifier
 * @param values     the groups in order (at least one)
 * @param lineNumber 1-based line number within the telegram text, for error messages
 * @param text       the line as received (a DSMR 2.2/3 continuation line is joined to it)
 * @param entry      the catalogue entry, empty for OBIS codes the catalogue does not know
 */
public record P1Line(ObisCode obis, List<CosemValue> values, int lineNumber, String text,
                     Optional<ObisCatalogue.Entry> entry) {

    public P1Line {
        Objects.requireNonNull(obis, "obis");
        values = List.copyOf(values);
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(entry, "entry");
    }

    /** The first value group. */
    public CosemValue first() {
        return values.get(0);
    }

    /** The last value group (the reading on M-Bus and legacy gas lines). */
    public CosemValue last() {
        return values.get(values.size() - 1);
    }

    /** Whether the catalogue knows this OBIS code. */
    public boolean known() {
        return entry.isPresent();
    }
}
