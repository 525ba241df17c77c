package io.meterbridge.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code java -jar meterbridge.jar [COMMAND]}: without a command, runs the service; with one,
 * runs that tool. Exit status: 0 success, 1 runtime failure (port, meter, broker) or a setting or
 * route file the service cannot run with, 2 bad input on the command line (usage, undecodable
 * frame).
 */
@Command(name = "meterbridge",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Reads heat meters (wired M-Bus, or KMP and IEC 62056-21 through the optical eye) and P1 "
                + "electricity meters and sends the readings to MQTT (with Home Assistant discovery), files, HTTP, "
                + "InfluxDB, PostgreSQL or Kafka, as Apache Camel routes declared in routes/*.yaml; while it runs, "
                + "its status page is on http://localhost:8089/.",
        subcommands = {
            CommandLine.HelpCommand.class,
            ServiceCommand.class,
            CheckCommand.class,
            DecodeCommand.class,
            ScanCommand.class,
            ReadCommand.class,
            SetAddressCommand.class,
            SimulateCommand.class,
            BenchCommand.class,
            InstallCommand.class, UninstallCommand.class,
        })
public final class Main implements java.util.concurrent.Callable<Integer> {

    /** {@code --home} and {@code -D} work without a command too: {@code meterbridge -D mqtt.url=…}. */
    @Mixin
    ServiceOptions options = new ServiceOptions();

    /** Without a command: the service ({@link ServiceCommand} with these options). */
    @Override
    public Integer call() throws Exception {
        ServiceCommand run = new ServiceCommand();
        run.options = options;
        return run.call();
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, shared by {@link #main} and the tests. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler(new ErrorHandler());
        return cl;
    }
}
