package io.meterbridge.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code meterbridge ARGS} in a JVM of its own, as a user runs it: real stdout and stderr (picocli's
 * own buffered writers, not a test's), real {@code System.exit}. What an in-process run cannot show —
 * output left unflushed at exit, the exit status the shell sees — shows here.
 */
final class CliProcess {

    /** Exit status and the bytes of stdout and stderr (UTF-8). */
    record Result(int exit, String out, String err) {
    }

    private CliProcess() {
    }

    /** Runs {@link Main} with {@code args}. */
    static Result run(String... args) throws IOException, InterruptedException {
        return run(Main.class, args);
    }

    /** Runs {@code main} (a {@code main(String[])} on the test class path) with {@code args}; fails after 60 s. */
    static Result run(Class<?> main, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(java(main));
        command.addAll(List.of(args));
        return start(command);
    }

    /** Runs a whole command line (e.g. {@code script …} around the JVM); fails after 60 s. */
    static Result start(List<String> command) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("meterbridge-cli");
        Path out = dir.resolve("stdout");
        Path err = dir.resolve("stderr");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("still running after 60 s: " + command.get(command.size() - 1));
        }
        Result r = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        Files.delete(dir);
        return r;
    }

    /** The java command for {@code main}, for wrapping in another command. */
    static List<String> java(Class<?> main) {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), main.getName());
    }
}
