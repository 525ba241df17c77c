package io.meterbridge.camel.journal;

import org.apache.camel.spi.Metadata;

/** Headers the {@code journal:} consumer sets on each message it delivers. */
public final class JournalConstants {

    /** The message's sequence number in its journal (increasing, never reused). */
    @Metadata(label = "consumer", description = "The message's sequence number in its journal: strictly increasing, never reused.",
            javaType = "long")
    public static final String SEQUENCE = "MeterbridgeJournalSequence";

    /** The journal's id; with the sequence number it names the message uniquely. */
    @Metadata(label = "consumer", description = "The journal's id; with the sequence number it names the message uniquely, for receivers that drop duplicates.",
            javaType = "String")
    public static final String JOURNAL_ID = "MeterbridgeJournalId";

    /** How many delivery attempts failed before this one. */
    @Metadata(label = "consumer", description = "How many delivery attempts of this message failed before this one.", javaType = "int")
    public static final String FAILED_ATTEMPTS = "MeterbridgeJournalFailedAttempts";

    /** The cursor that delivers the message (an output's name, such as {@code mqtt}). */
    @Metadata(label = "consumer", description = "The name of the cursor that delivers the message (the consumer's cursor option).",
            javaType = "String")
    public static final String CURSOR = "MeterbridgeJournalCursor";

    private JournalConstants() {
    }
}
