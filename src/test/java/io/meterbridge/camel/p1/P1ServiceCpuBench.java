package io.meterbridge.camel.p1;

import io.meterbridge.p1.P1Version;
import io.meterbridge.sim.P1Simulator;
import io.meterbridge.sim.PtyLink;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * CPU share of the real service (target/meterbridge.jar, shipped routes) reading a P1 meter that
 * sends one DSMR 5 telegram per second through a socat pseudo-terminal: the service runs as a child
 * process; after a warm-up, its process CPU time (user + system, from the kernel) is read at the
 * start and the end of the measuring window. For comparison the same service is measured idle,
 * without a P1 port. Not a unit test; after {@code mvn -o -B package -DskipTests} run
 * <pre>
 * java -cp target/test-classes:target/meterbridge.jar io.meterbridge.camel.p1.P1ServiceCpuBench [seconds] [jvm options…]
 * </pre>
 */
public final class P1ServiceCpuBench {

    private P1ServiceCpuBench() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        List<String> jvm = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            jvm.add(args[i]);
        }
        Path jar = Path.of("target/meterbridge.jar").toAbsolutePath();
        if (!Files.exists(jar)) {
            throw new IllegalStateException("build the JAR first: mvn -o -B package -DskipTests");
        }
        Path work = Files.createTempDirectory("p1-cpu-bench");
        System.out.printf("JVM options: %s; window %d s after 20 s warm-up; %d CPUs%n",
                jvm.isEmpty() ? "(defaults)" : String.join(" ", jvm), seconds, Runtime.getRuntime().availableProcessors());
        double idle = measure(jar, jvm, work.resolve("idle"), false, seconds);
        double p1 = measure(jar, jvm, work.resolve("p1"), true, seconds);
        System.out.printf("service idle (no P1 port):        %6.3f %% of one CPU%n", idle);
        System.out.printf("service reading 1 telegram/s:     %6.3f %% of one CPU (%.3f %% for P1)%n", p1, p1 - idle);
    }

    /** Runs the service, feeds it (or not), and returns its CPU use in the window as % of one CPU. */
    private static double measure(Path jar, List<String> jvm, Path home, boolean feed, int seconds) throws Exception {
        Files.createDirectories(home.resolve("routes"));
        Files.copy(Path.of("application.properties"), home.resolve("application.properties"));
        try (DirectoryStream<Path> routes = Files.newDirectoryStream(Path.of("routes"), "*.yaml")) {
            for (Path r : routes) {
                Files.copy(r, home.resolve("routes").resolve(r.getFileName()));
            }
        }
        Path meterSide = home.resolve("meter");
        Path serviceSide = home.resolve("ttyP1");
        PtyLink pty = feed ? PtyLink.open(serviceSide, meterSide) : null;
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvm);
        cmd.addAll(List.of("-jar", jar.toString(), "run", "--home", home.toString()));
        if (feed) {
            cmd.addAll(List.of("-D", "p1.port=" + serviceSide));
        }
        Process service = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(home.resolve("service.log").toFile()).start();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread meter = new Thread(() -> {
            P1Simulator sim = new P1Simulator(P1Version.DSMR_5, 1, ZonedDateTime.now(ZoneId.of("Europe/Amsterdam")));
            try (OutputStream out = new FileOutputStream(meterSide.toFile())) {
                long next = System.nanoTime();
                while (running.get()) {
                    out.write(sim.next(Duration.ofSeconds(1)));
                    out.flush();
                    next += 1_000_000_000L;
                    Thread.sleep(Math.max(0, (next - System.nanoTime()) / 1_000_000));
                }
            } catch (Exception e) {
                if (running.get()) {
                    e.printStackTrace();
                }
            }
        }, "meter");
        try {
            if (feed) {
                meter.start();
            }
            Thread.sleep(20_000);
            if (!service.isAlive()) {
                throw new IllegalStateException("the service exited with status " + service.exitValue() + "; see "
                        + home.resolve("service.log"));
            }
            Duration cpu0 = cpu(service);
            long t0 = System.nanoTime();
            Thread.sleep(seconds * 1000L);
            Duration cpu1 = cpu(service);
            long wall = System.nanoTime() - t0;
            if (!service.isAlive()) {
                throw new IllegalStateException("the service died; see " + home.resolve("service.log"));
            }
            long lines = feed ? Files.readAllLines(home.resolve("data/readings.jsonl")).size() : 0;
            System.out.printf("%s: CPU %d ms in %.1f s wall%s%n", feed ? "p1" : "idle", cpu1.minus(cpu0).toMillis(),
                    wall / 1e9, feed ? ", " + lines + " record lines written" : "");
            return 100.0 * cpu1.minus(cpu0).toNanos() / wall;
        } finally {
            running.set(false);
            service.destroy();
            service.waitFor();
            if (pty != null) {
                pty.close();
            }
            meter.join(2000);
        }
    }

    private static Duration cpu(Process p) {
        return p.toHandle().info().totalCpuDuration()
                .orElseThrow(() -> new IllegalStateException("this platform does not report process CPU time"));
    }
}
