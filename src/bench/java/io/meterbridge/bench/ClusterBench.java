package io.meterbridge.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meterbridge.sim.Multical303;
import io.meterbridge.sim.SimBus;
import io.meterbridge.sim.SimMeter;
import io.meterbridge.sim.SimServer;
import org.apache.curator.test.TestingServer;

/**
 * Scale bench (not a unit test): {@code GATEWAYS} simulated M-Bus TCP gateways (paced at 2400 Bd)
 * with {@code METERS} MULTICAL 303-like meters each, shared by two meterbridge instances (the fat
 * JAR, as two processes) through a real ZooKeeper (Curator's server, in this JVM). Both start at
 * once, so the elections split the buses between them; after {@code STEADY} seconds it prints
 * each instance's buses, resident memory, CPU and threads and the gateways' poll round times,
 * then kills (-9) the instance with more buses and prints how long its buses took to be polled
 * again by the other. Every figure comes from /proc and from the instances' readings.jsonl.
 *
 * <pre>
 * mvn -B -q -DskipTests package
 * mvn -B -Pbench test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:exec \
 *     -Dbench.main=io.meterbridge.bench.ClusterBench -Dbench.args=
 * </pre>
 * Environment: GATEWAYS (200), METERS (5), POLL (30s), STEADY (150 s), SESSION (15 s), JAVA_OPTS.
 */
public final class ClusterBench {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ClusterBench() {
    }

    public static void main(String[] args) throws Exception {
        int gateways = env("GATEWAYS", 200);
        int meters = env("METERS", 5);
        String poll = System.getenv().getOrDefault("POLL", "30s");
        int steady = env("STEADY", 150);
        int session = env("SESSION", 15);
        String javaOpts = System.getenv().getOrDefault("JAVA_OPTS", "-Xmx256m -XX:+UseSerialGC");
        Path jar = Path.of("target/meterbridge.jar").toAbsolutePath();
        if (!Files.exists(jar)) {
            throw new IllegalStateException("build first: mvn -B -DskipTests package");
        }
        Path work = Files.createTempDirectory("cluster-bench");
        List<SimServer> servers = new ArrayList<>();
        Map<String, Integer> gatewayOfMeter = new HashMap<>();
        for (int g = 0; g < gateways; g++) {
            SimBus bus = new SimBus();
            for (int m = 1; m <= meters; m++) {
                int bcd = Integer.parseInt(String.format(Locale.ROOT, "%08d", 10_000_000 + g * 10 + m), 16);
                bus.add(new SimMeter(new Multical303(), m, bcd, Clock.systemUTC()));
                gatewayOfMeter.put(String.format(Locale.ROOT, "kam_%08d", 10_000_000 + g * 10 + m), g);
            }
            servers.add(SimServer.tcp(0, true, bus, true, 2400));
        }
        try (TestingServer zk = new TestingServer(true)) {
            List<Instance> instances = new ArrayList<>();
            for (String name : List.of("a", "b")) {
                instances.add(new Instance(name, home(work.resolve(name), name, zk.getConnectString(), servers, meters, poll,
                        session)));
            }
            long started = System.nanoTime();
            for (Instance i : instances) {
                i.start(jar, javaOpts);
            }
            Thread.sleep(steady * 1000L);
            double window = (System.nanoTime() - started) / 1e9;
            System.out.printf(Locale.ROOT, "%d gateways x %d meters, polled every %s at 2400 Bd (paced), two instances, "
                    + "ZooKeeper session timeout %d s, JAVA_OPTS %s%n", gateways, meters, poll, session, javaOpts);
            Instance most = null;
            for (Instance i : instances) {
                Map<Integer, List<Instant>> byGateway = i.readsByGateway(gatewayOfMeter);
                System.out.printf(Locale.ROOT, "instance %s: %d buses, %d readings in %.0f s; RSS %d MiB (peak %d MiB), "
                        + "CPU %.1f s (%.1f %% of one core), %d threads; poll round per gateway: %s%n",
                        i.name, byGateway.size(), i.readings().size(), window, i.status("VmRSS") / 1024,
                        i.status("VmHWM") / 1024, i.cpuSeconds(), 100 * i.cpuSeconds() / window, i.status("Threads"),
                        rounds(byGateway, meters));
                if (most == null || byGateway.size() > most.readsByGateway(gatewayOfMeter).size()) {
                    most = i;
                }
            }
            Instance other = instances.get(0) == most ? instances.get(1) : instances.get(0);
            java.util.Set<Integer> both = new java.util.TreeSet<>(most.readsByGateway(gatewayOfMeter).keySet());
            both.retainAll(other.readsByGateway(gatewayOfMeter).keySet());
            System.out.printf(Locale.ROOT, "buses polled by both instances: %d%n", both.size());
            List<Integer> moved = new ArrayList<>(most.readsByGateway(gatewayOfMeter).keySet());
            Instant killedAt = Instant.now();
            most.kill();
            Map<Integer, Instant> again = new TreeMap<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(session * 4L + 120).toNanos();
            while (again.size() < moved.size() && System.nanoTime() < deadline) {
                Thread.sleep(1000);
                other.readsByGateway(gatewayOfMeter).forEach((g, times) -> times.stream().filter(t -> t.isAfter(killedAt))
                        .findFirst().filter(t -> moved.contains(g)).ifPresent(t -> again.putIfAbsent(g, t)));
            }
            List<Double> delays = again.values().stream().map(t -> Duration.between(killedAt, t).toMillis() / 1000.0)
                    .sorted().toList();
            System.out.printf(Locale.ROOT, "kill -9 of instance %s (%d buses): %d of them polled again by %s, after %s s "
                    + "(first bus) / %s s (median) / %s s (last)%n", most.name, moved.size(), again.size(), other.name,
                    delays.isEmpty() ? "-" : delays.get(0), delays.isEmpty() ? "-" : delays.get(delays.size() / 2),
                    delays.isEmpty() ? "-" : delays.get(delays.size() - 1));
            for (Instance i : instances) {
                i.kill();
            }
        } finally {
            servers.forEach(SimServer::close);
        }
    }

    /** Median and largest time from the first to the last meter of a gateway's round, over all rounds. */
    private static String rounds(Map<Integer, List<Instant>> byGateway, int meters) {
        List<Double> spans = new ArrayList<>();
        for (List<Instant> times : byGateway.values()) {
            for (int i = 0; i + meters <= times.size(); i += meters) {
                spans.add(Duration.between(times.get(i), times.get(i + meters - 1)).toMillis() / 1000.0);
            }
        }
        if (spans.isEmpty()) {
            return "-";
        }
        Collections.sort(spans);
        return String.format(Locale.ROOT, "median %.1f s, max %.1f s (%d rounds)", spans.get(spans.size() / 2),
                spans.get(spans.size() - 1), spans.size());
    }

    private static Path home(Path home, String name, String zk, List<SimServer> servers, int meters, String poll,
            int session) throws IOException {
        Files.createDirectories(home.resolve("routes"));
        try (var routes = Files.list(Path.of("routes"))) {
            for (Path r : routes.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                Files.copy(r, home.resolve("routes").resolve(r.getFileName()));
            }
        }
        StringBuilder buses = new StringBuilder(Files.readString(home.resolve("routes/buses.yaml")));
        String addresses = String.join(",", java.util.stream.IntStream.rangeClosed(1, meters).mapToObj(Integer::toString).toList());
        for (int g = 0; g < servers.size(); g++) {
            buses.append(String.format(Locale.ROOT, """
                    - templatedRoute:
                        routeTemplateRef: mbus-bus
                        routeId: gateway-%03d
                        parameters:
                          - name: bus
                            value: tcp:127.0.0.1:%d
                          - name: addresses
                            value: %s
                          - name: poll
                            value: %s
                    """, g, servers.get(g).tcpPort(), addresses, poll));
        }
        Files.writeString(home.resolve("routes/buses.yaml"), buses);
        Files.writeString(home.resolve("application.properties"), """
                mbus.bus=
                output.dir=data
                http.status.enabled=false
                cluster.zookeeper=%s
                cluster.instance=%s
                cluster.sessionTimeoutSeconds=%d
                """.formatted(zk, name, session));
        return home;
    }

    private static int env(String key, int fallback) {
        String v = System.getenv(key);
        return v == null || v.isBlank() ? fallback : Integer.parseInt(v.trim());
    }

    /** One instance: the fat JAR in its own home, as a process. */
    private static final class Instance {
        final String name;
        final Path home;
        Process process;

        Instance(String name, Path home) {
            this.name = name;
            this.home = home;
        }

        void start(Path jar, String javaOpts) throws IOException {
            List<String> cmd = new ArrayList<>(List.of("java"));
            cmd.addAll(List.of(javaOpts.trim().split("\\s+")));
            cmd.addAll(List.of("-jar", jar.toString()));
            process = new ProcessBuilder(cmd).directory(home.toFile()).redirectErrorStream(true)
                    .redirectOutput(home.resolve("service.log").toFile()).start();
        }

        void kill() {
            process.destroyForcibly();
        }

        List<JsonNode> readings() throws IOException {
            Path f = home.resolve("data/readings.jsonl");
            List<JsonNode> out = new ArrayList<>();
            if (!Files.exists(f)) {
                return out;
            }
            String text = Files.readString(f);
            for (String line : text.substring(0, text.lastIndexOf('\n') + 1).split("\n")) {
                if (!line.isBlank()) {
                    out.add(JSON.readTree(line));
                }
            }
            return out;
        }

        /** Read times by gateway, each in order. */
        Map<Integer, List<Instant>> readsByGateway(Map<String, Integer> gatewayOfMeter) throws IOException {
            Map<Integer, List<Instant>> out = new TreeMap<>();
            for (JsonNode r : readings()) {
                Integer g = gatewayOfMeter.get(r.path("meter_key").asText());
                if (g != null) {
                    out.computeIfAbsent(g, k -> new ArrayList<>()).add(Instant.parse(r.path("read_at").asText()));
                }
            }
            out.values().forEach(Collections::sort);
            return out;
        }

        long status(String field) throws IOException {
            for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.substring(field.length() + 1).trim().split("\\s+")[0]);
                }
            }
            return -1;
        }

        double cpuSeconds() throws IOException {
            String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0; // utime, stime in clock ticks (USER_HZ 100)
        }
    }
}
