package io.meterbridge.meter;

import java.util.Objects;

/**
 * One alarm bit of an info code or error-flag record.
 *
 * @param mask the bit's value in the code (1, 2, 4, …)
 * @param key a stable snake_case name, e.g. {@code air_in_flow_sensor}; {@code bit_10} for a
 *     bit whose meaning is not known
 * @param text what it means, in words
 */
public record Alarm(long mask, String key, String text) {

    public Alarm {
        if (Long.bitCount(mask) != 1) {
            throw new IllegalArgumentException("an alarm is one bit, found mask 0x" + Long.toHexString(mask));
        }
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(text, "text");
    }

    /** The bit number (0 for mask 1). */
    public int bit() {
        return Long.numberOfTrailingZeros(mask);
    }
}
