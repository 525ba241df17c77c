package io.meterbridge.camel.status;

import java.time.Instant;

/**
 * One poll of one meter as the page shows it in the meter's strip: when, whether it gave a
 * reading, how long it took, and why not.
 *
 * @param at when the poll's exchange was created
 * @param ok whether it ended with a reading
 * @param millis how long the exchange took, from creation to completion
 * @param error the failure's message, or null when {@code ok}
 */
public record PollOutcome(Instant at, boolean ok, long millis, String error) {
}
