package io.meterbridge.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** A command left running in a background thread, as a user leaves {@code simulate} running in another terminal. */
final class Background {

    private final StringWriter out = new StringWriter();
    private final Thread thread;

    private Background(String... args) {
        thread = new Thread(() -> {
            CommandLine cl = Main.commandLine();
            cl.setOut(new PrintWriter(out, true));
            cl.execute(args);
        }, "background " + String.join(" ", args));
        thread.start();
    }

    /** Starts {@code meterbridge ARGS} in a thread. */
    static Background start(String... args) {
        return new Background(args);
    }

    /** Waits up to 3 s until its output contains {@code text}; returns the output so far either way. */
    String awaitOutput(String text) throws InterruptedException {
        long until = System.nanoTime() + 3_000_000_000L;
        while (!out.toString().contains(text) && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        return out.toString();
    }

    /** The output so far. */
    String output() {
        return out.toString();
    }

    /** Waits up to 5 s for it to end (its hidden {@code --for} limit), and fails if it does not. */
    void awaitEnd() throws InterruptedException {
        thread.join(5000);
        assertFalse(thread.isAlive(), "still running: " + String.join(" ", thread.getName()));
    }
}
