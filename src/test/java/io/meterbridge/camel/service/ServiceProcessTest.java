package io.meterbridge.camel.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.meterbridge.camel.testing.ServiceHome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service as users start it — {@code meterbridge} without arguments, in a directory with
 * application.properties and routes/ — in a separate JVM, so that environment variables and the
 * exit status are real.
 */
class ServiceProcessTest {

    @TempDir
    Path home;

    private Process start(String... env) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "io.meterbridge.cli.Main")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("out.log").toFile());
        for (int i = 0; i < env.length; i += 2) {
            pb.environment().put(env[i], env[i + 1]);
        }
        return pb.start();
    }

    @Test
    void aBrokenRouteFileEndsTheServiceWithStatus1AndOneLineNamingFileAndLine() throws Exception {
        ServiceHome.shipped(home);
        Files.writeString(home.resolve("routes/mine.yaml"), """
                - route:
                    from:
                      uri: timer:x
                      steps:
                        - setBody:
                            constant: 1
                        - to direct:reading
                """);
        Process p = start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the service should exit");
        String out = Files.readString(home.resolve("out.log"));
        assertEquals(1, p.exitValue(), out);
        List<String> errors = out.lines().filter(l -> l.startsWith("meterbridge")).toList();
        assertEquals(1, errors.size(), out);
        assertTrue(errors.get(0).contains(File.separator + "routes" + File.separator + "mine.yaml:7:"), out);
    }

    @Test
    void withoutArgumentsTheServiceRunsAndEnvironmentVariablesOverrideProperties() throws Exception {
        ServiceHome.shipped(home);
        Files.writeString(home.resolve("routes/once.yaml"), """
                - route:
                    from:
                      uri: timer:once?repeatCount=1&delay=10
                      steps:
                        - setBody:
                            constant: '{"hello":"{{greeting}}"}'
                        - to: direct:reading
                """);
        Files.writeString(home.resolve("application.properties"), "greeting=from-file\njsonl.fileName=from-file.jsonl\n",
                java.nio.file.StandardOpenOption.APPEND);
        Process p = start("JSONL_FILENAME", "from-env.jsonl");
        try {
            Path expected = home.resolve("data/from-env.jsonl");
            ServiceHome.await(Duration.ofSeconds(60), "data/from-env.jsonl", () -> Files.exists(expected) && size(expected) > 0);
            // (the shipped meters.yaml also writes the simulated meters' readings there)
            assertTrue(Files.readAllLines(expected).contains("{\"hello\":\"from-file\"}"), Files.readString(expected));
            assertTrue(p.isAlive(), "the service keeps running");
        } finally {
            p.destroy(); // SIGTERM: graceful stop through the shutdown hook
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "stops on SIGTERM");
        }
        assertTrue(Files.notExists(home.resolve("data/from-file.jsonl")));
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}
