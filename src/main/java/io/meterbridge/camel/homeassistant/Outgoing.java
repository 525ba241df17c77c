package io.meterbridge.camel.homeassistant;

import io.meterbridge.homeassistant.Publication;

/**
 * One message {@link MeterStates} decided to publish, as the {@link Outbox} takes it: not before
 * {@code notBeforeNanos} ({@link System#nanoTime()}; 0: at once), and {@code removes} naming the
 * meter whose removal it completes once the broker acknowledged it, or null.
 */
record Outgoing(Publication publication, long notBeforeNanos, String removes) {
}
