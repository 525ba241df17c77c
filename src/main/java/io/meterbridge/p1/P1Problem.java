package io.meterbridge.p1;

/**
 * A line of an otherwise valid telegram that could not be read as its catalogue entry says (for
 * example the Fluvius peak history with timestamp {@code 632525252525W} for an empty month). The
 * telegram is still delivered; the line is kept here and left out of the typed accessors.
 *
 * @param lineNumber 1-based line number in the telegram
 * @param text       the line
 * @param cause      what was expected and what was found
 */
public record P1Problem(int lineNumber, String text, String cause) {

    @Override
    public String toString() {
        return "line " + lineNumber + " '" + text + "': " + cause;
    }
}
