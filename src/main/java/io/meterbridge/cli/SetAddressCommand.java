package io.meterbridge.cli;

import io.meterbridge.link.BusMaster;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code set-address}: changes a meter's primary address and checks it answers there. */
@Command(name = "set-address", mixinStandardHelpOptions = true,
        description = "Changes a meter's primary address (SND_UD CI 0x51, record 01 7A) and verifies it by reading "
                + "the meter at its new address. Refuses if the new address is taken.")
final class SetAddressCommand implements Callable<Integer> {

    @Mixin
    BusOptions bus;

    @Option(names = "--from", required = true, paramLabel = "0-250", description = "Current primary address.")
    int from;

    @Option(names = "--to", required = true, paramLabel = "0-250", description = "New primary address.")
    int to;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (BusMaster master = BusMaster.open(bus.settings())) {
            master.changePrimaryAddress(from, to);
        }
        spec.commandLine().getOut().printf("meter at %d now answers at %d%n", from, to);
        return 0;
    }
}
