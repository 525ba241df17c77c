package io.meterbridge.camel.status;

import java.time.Instant;

/**
 * A failure the page lists under "last errors": when, which meter (its key when known, else where
 * it is read), and the message, as the log said it.
 */
public record BridgeError(Instant at, String meter, String message) {
}
