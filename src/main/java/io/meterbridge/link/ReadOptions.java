package io.meterbridge.link;

import java.time.Duration;
import java.util.Objects;

/**
 * Per-meter overrides of a bus's settings: a slow meter gets more time or retries without
 * slowing the others on its bus.
 *
 * @param retries repetitions after a missing or corrupt answer; -1 for the bus's
 * @param maxTelegrams cap on a multi-telegram readout; -1 for the bus's
 * @param extraTimeout added to the bus's reply timeout for this meter
 */
public record ReadOptions(int retries, int maxTelegrams, Duration extraTimeout) {

    /** The bus's settings unchanged. */
    public static final ReadOptions DEFAULT = new ReadOptions(-1, -1, Duration.ZERO);

    public ReadOptions {
        Objects.requireNonNull(extraTimeout, "extraTimeout");
        if (retries < -1 || retries > 10) {
            throw new IllegalArgumentException("expected 0 to 10 retries, found " + retries);
        }
        if (maxTelegrams == 0 || maxTelegrams < -1) {
            throw new IllegalArgumentException("expected a telegram cap of at least 1, found " + maxTelegrams);
        }
        if (extraTimeout.isNegative()) {
            throw new IllegalArgumentException("extra timeout must not be negative, found " + extraTimeout);
        }
    }

    public ReadOptions withRetries(int r) {
        return new ReadOptions(r, maxTelegrams, extraTimeout);
    }

    public ReadOptions withMaxTelegrams(int m) {
        return new ReadOptions(retries, m, extraTimeout);
    }

    public ReadOptions withExtraTimeout(Duration d) {
        return new ReadOptions(retries, maxTelegrams, d);
    }

    int retries(BusSettings bus) {
        return retries >= 0 ? retries : bus.retries();
    }

    int maxTelegrams(BusSettings bus) {
        return maxTelegrams > 0 ? maxTelegrams : bus.maxTelegrams();
    }
}
