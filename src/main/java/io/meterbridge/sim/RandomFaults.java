package io.meterbridge.sim;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Faults that strike a random share of a simulated meter's answers ({@code simulate --fault crc:10%}),
 * on top of the counted ones the meters keep themselves. Seeded, so a run can be repeated.
 * Thread-safe.
 *
 * @param <F> the meter's kind of fault
 */
public final class RandomFaults<F extends Enum<F>> {

    private final Random random;
    private final Map<F, Double> shares = new LinkedHashMap<>();

    public RandomFaults(long seed) {
        this.random = new Random(seed);
    }

    /** Makes {@code fault} strike a share {@code share} (0 to 1) of the answers. */
    public synchronized void add(F fault, double share) {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("expected a share of answers from 0 to 1, found " + share);
        }
        shares.put(fault, share);
    }

    /** The fault that strikes the next answer, if any: the first, in the order added, whose dice say so. */
    public synchronized Optional<F> roll() {
        for (Map.Entry<F, Double> e : shares.entrySet()) {
            if (random.nextDouble() < e.getValue()) {
                return Optional.of(e.getKey());
            }
        }
        return Optional.empty();
    }
}
