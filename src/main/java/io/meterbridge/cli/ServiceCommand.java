package io.meterbridge.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import io.meterbridge.camel.service.MeterbridgeService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code meterbridge run} (also what {@code java -jar meterbridge.jar} does without a command):
 * the service, until SIGTERM/SIGINT. A route file that does not load ends it with exit status 1
 * and one line naming the file, line and problem.
 */
@Command(name = "run", description = "Runs the service: ./application.properties and the routes in ./routes/*.yaml (the default without a command).")
public final class ServiceCommand implements Callable<Integer> {

    @Option(names = "--home", description = "Directory with application.properties and routes/ (default: the current directory).")
    Path home = Path.of(".");

    @Option(names = "--no-reload", description = "Do not reload route files when they are edited.")
    boolean noReload;

    @Option(names = {"-D", "--property"}, description = "Set a property (overrides application.properties and the environment), e.g. -D mqtt.url=tcp://localhost:1883")
    Map<String, String> properties = new LinkedHashMap<>();

    @Override
    public Integer call() throws Exception {
        MeterbridgeService service = new MeterbridgeService(home, properties, !noReload);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            service.close();
            stopped.countDown();
        }, "meterbridge-shutdown");
        service.start();
        Runtime.getRuntime().addShutdownHook(hook);
        stopped.await();
        return 0;
    }
}
