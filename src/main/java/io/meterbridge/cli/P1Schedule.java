package io.meterbridge.cli;

import io.meterbridge.sim.EncryptingP1Meter;
import io.meterbridge.sim.P1Fault;
import io.meterbridge.sim.P1Output;
import io.meterbridge.sim.P1Simulator;

import java.time.Duration;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * When {@code simulate --p1} sends its telegrams: every {@code intervalSeconds} on a fixed
 * schedule (no drift; 0: as fast as possible), {@code count} of them (0: until stopped), each
 * with a fault (bad CRC, truncation or noise) at {@code faultRate}, drawn from {@code seed}.
 */
record P1Schedule(double intervalSeconds, long count, double faultRate, long seed) {

    /** Sends the telegrams of {@code sim} (encrypted by {@code encrypting} if it is not null) to {@code output}. */
    void emit(P1Simulator sim, EncryptingP1Meter encrypting, P1Output output) throws Exception {
        Random faults = new Random(seed ^ 0x5DEECE66DL);
        P1Fault[] kinds = {P1Fault.BAD_CRC, P1Fault.TRUNCATED, P1Fault.NOISE};
        // the meter's clock moves a second at least per telegram, as a real meter's does
        Duration step = Duration.ofMillis(Math.max(1000, Math.round(intervalSeconds * 1000)));
        long intervalNanos = Math.round(intervalSeconds * 1e9);
        long start = System.nanoTime();
        for (long i = 0; count == 0 || i < count; i++) {
            long wait = start + i * intervalNanos - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            P1Fault fault = faults.nextDouble() < faultRate ? kinds[faults.nextInt(kinds.length)] : P1Fault.NONE;
            output.write(encrypting != null ? encrypting.next(step, fault) : sim.next(step, fault));
        }
    }
}
