package io.meterbridge.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code meterbridge check}: the settings and route files as {@code run} would load them, checked
 * without starting anything, so it can run beside the service before a restart.
 */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Checks application.properties, the environment and routes/*.yaml as 'run' would, without opening any port,",
            "broker or file: every setting's value, misspelt keys, and every route's steps, endpoints and beans.",
            "Exit status 0 when all is well, 1 with one line per problem (file:line, key, value, what is allowed)."})
public final class CheckCommand implements Callable<Integer> {

    @Mixin
    ServiceOptions options = new ServiceOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        int routes = options.service(false).check();
        spec.commandLine().getOut().println("meterbridge check: settings and route files are fine; " + routes
                + " routes would run (" + options.home.toAbsolutePath().normalize() + ")");
        return 0;
    }
}
