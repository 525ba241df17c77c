package io.meterbridge.p1;

import java.time.Duration;

/**
 * One entry of the long power failure log {@code 1-0:99.97.0}.
 *
 * @param end      when the failure ended (meter time)
 * @param duration how long it lasted
 */
public record PowerFailureEvent(P1Timestamp end, Duration duration) {
}
