package io.meterbridge.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import io.meterbridge.camel.service.MeterbridgeService;
import picocli.CommandLine.Option;

/** The options of the service and of {@code check}: where it lives and what it overrides. */
final class ServiceOptions {

    @Option(names = "--home", paramLabel = "DIR",
            description = "Directory with application.properties and routes/ (default: the current directory).")
    Path home = Path.of(".");

    @Option(names = {"-D", "--property"}, paramLabel = "KEY=VALUE",
            description = "Set a property (wins over application.properties and the environment), e.g. -D mqtt.url=tcp://localhost:1883")
    Map<String, String> properties = new LinkedHashMap<>();

    /**
     * The service for {@link #home}; a home without {@code application.properties} is refused,
     * as it is almost always the wrong directory (the service would read the simulator into
     * {@code ./data} and nothing else).
     */
    MeterbridgeService service(boolean reload) {
        Path file = home.resolve("application.properties");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no application.properties in " + home.toAbsolutePath().normalize()
                    + ": run meterbridge in the directory that has it and routes/, or give that directory with --home DIR");
        }
        return new MeterbridgeService(home, properties, reload);
    }
}
