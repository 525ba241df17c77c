package io.meterbridge.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception that escapes a command into one line on stderr and exit status 1: users
 * get the cause and what to try, never a stack trace ({@code --stacktrace} is for developers,
 * through the {@code METERBRIDGE_STACKTRACE} environment variable).
 */
final class ErrorHandler implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parsed) {
        String message = ex.getMessage() != null ? ex.getMessage() : ex.getClass().getSimpleName();
        String where = cmd.getParent() == null ? "meterbridge" : "meterbridge " + cmd.getCommandName();
        cmd.getErr().println(where + ": " + message);
        if (System.getenv("METERBRIDGE_STACKTRACE") != null) {
            ex.printStackTrace(cmd.getErr());
        }
        return 1;
    }
}
