package io.meterbridge.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception that escapes a command into one line on stderr: users get the cause and what
 * to try, never a stack trace (developers set the {@code METERBRIDGE_STACKTRACE} environment
 * variable). Exit status 2 for bad input (an {@link IllegalArgumentException}: a malformed address,
 * port or option value), 1 for a failure at run time (port, meter, broker).
 */
final class ErrorHandler implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parsed) {
        String message = ex.getMessage() != null ? ex.getMessage() : ex.getClass().getSimpleName();
        String where = cmd.getParent() == null ? "meterbridge" : "meterbridge " + cmd.getCommandName();
        // several problems (settings) are several lines, each with the prefix, never a stack trace
        message.lines().forEach(line -> cmd.getErr().println(where + ": " + line));
        if (System.getenv("METERBRIDGE_STACKTRACE") != null) {
            ex.printStackTrace(cmd.getErr());
        }
        return ex instanceof IllegalArgumentException ? 2 : 1;
    }
}
