package io.meterbridge.camel.journal;

/**
 * What one output has still to deliver from one journal: the messages its cursor has not passed.
 *
 * @param journal the journal's name ({@code readings})
 * @param cursor the output's cursor ({@code mqtt})
 * @param backlog messages not yet delivered through it
 * @param capacity messages the journal holds at most before it refuses new ones
 */
public record JournalBacklog(String journal, String cursor, int backlog, int capacity) {
}
