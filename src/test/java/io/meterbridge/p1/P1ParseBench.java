package io.meterbridge.p1;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;

/**
 * Throughput of framing + CRC + parsing + reading every typed value, on the real telegrams of
 * src/test/resources/p1 fed as one stream. Not a unit test; run with
 * {@code java -cp target/classes:target/test-classes io.meterbridge.p1.P1ParseBench [seconds] [encrypted]}.
 * Prints telegrams per second (wall clock) and CPU time per telegram of the measuring thread. With
 * {@code encrypted} every telegram is first encrypted as a Smarty meter sends it, and the measure
 * includes finding, authenticating and decrypting each frame.
 */
public final class P1ParseBench {

    private static final String[] FILES = {"dsmr22-iskra-mt382.txt", "dsmr3-iskra-mt382.txt", "dsmr3-kamstrup-162.txt",
        "dsmr40-kaifa.txt", "dsmr42-kaifa.txt", "dsmr5-iskra-mt382.txt", "dsmr5-iskra-am550-two-mbus.txt",
        "belgium-emucs-fluvius.txt", "belgium-emucs-fluvius-empty-month.txt", "sagemcom-t210-d-r.txt", "iskra-ie5.txt",
        "sagemcom-eon-hungary.txt", "sweden-sagemcom-s211.txt"};

    private P1ParseBench() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        P1Cipher cipher = args.length > 1 && args[1].equals("encrypted")
                ? P1Cipher.smarty("000102030405060708090A0B0C0D0E0F") : null;
        ByteArrayOutputStream s = new ByteArrayOutputStream();
        long counter = 1;
        for (String f : FILES) {
            byte[] t = Telegrams.bytes(f);
            s.writeBytes(cipher == null ? t : cipher.encrypt("SAG12345".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                    counter++, t).encode());
        }
        byte[] stream = s.toByteArray();
        System.out.printf("stream: %d telegrams, %d bytes (%.0f bytes/telegram)%n", FILES.length, stream.length,
                (double) stream.length / FILES.length);
        java.util.function.Supplier<TelegramFramer> framers = cipher == null ? P1Framer::new
                : () -> new EncryptedP1Framer(cipher, P1Framer.DEFAULT_MAX_TELEGRAM_BYTES);
        run(stream, 3, framers.get()); // warm-up
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long cpu0 = cpu.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        long telegrams = run(stream, seconds, framers.get());
        long wall = System.nanoTime() - t0;
        long cpuNs = cpu.getCurrentThreadCpuTime() - cpu0;
        System.out.printf((cipher != null ? "decrypted+" : "") + "framed+parsed+read %d telegrams in %.2f s: %.0f telegrams/s, %.1f µs CPU per telegram%n",
                telegrams, wall / 1e9, telegrams / (wall / 1e9), cpuNs / 1e3 / telegrams);
        System.out.printf("CPU share at 1 telegram/s: %.4f %% of one core%n", cpuNs / 1e9 / telegrams * 100);
    }

    private static long run(byte[] stream, int seconds, TelegramFramer framer) throws P1FormatException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        long count = 0;
        long sink = 0;
        while (System.nanoTime() < deadline) {
            for (int i = 0; i < 100; i++) {
                List<P1FramerEvent> events = framer.feed(stream);
                for (P1FramerEvent e : events) {
                    if (e instanceof P1Frame f) {
                        P1Telegram t = P1Parser.parse(f);
                        sink += t.energyImportTotal().map(q -> q.value().scale()).orElse(0);
                        sink += t.powerImport().isPresent() ? 1 : 0;
                        for (Phase p : Phase.values()) {
                            sink += t.voltage(p).isPresent() ? 1 : 0;
                        }
                        sink += t.mbusChannels().size();
                        count++;
                    }
                }
            }
        }
        if (sink == 42) {
            System.out.println();
        }
        return count;
    }
}
