package io.meterbridge.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import io.meterbridge.camel.service.MeterbridgeService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code meterbridge run} (also what {@code java -jar meterbridge.jar} does without a command):
 * the service, until SIGTERM/SIGINT. A setting that is not allowed or a route file that does not
 * load ends it with exit status 1 and one line per problem naming the place.
 */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Runs the service: ./application.properties and the routes in ./routes/*.yaml (the default without a command).",
            "Route files reload when saved; settings are read at start (check them first with 'meterbridge check')."})
public final class ServiceCommand implements Callable<Integer> {

    @Mixin
    ServiceOptions options = new ServiceOptions();

    @Option(names = "--no-reload", description = "Do not reload route files when they are edited.")
    boolean noReload;

    @Override
    public Integer call() throws Exception {
        MeterbridgeService service = options.service(!noReload);
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
