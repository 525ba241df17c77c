package io.meterbridge.cli;

import io.meterbridge.sim.SimBus;
import io.meterbridge.sim.SimTransportProvider;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * {@code meterbridge ARGS} exactly as {@link Main#main} runs it, except that the built-in simulator
 * ({@code --port sim}) runs on a stopped clock: its meters always send the values they send at
 * switch-on — byte for byte the real Kamstrup telegrams the models are built on — so the output of
 * a read can be compared with a golden file. Nothing else differs from a user's run.
 */
final class FrozenSimMain {

    private FrozenSimMain() {
    }

    public static void main(String[] args) {
        SimTransportProvider.install("sim", SimBus.standard(Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"),
                ZoneOffset.UTC)));
        Main.main(args);
    }
}
