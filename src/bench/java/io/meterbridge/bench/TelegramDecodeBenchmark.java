package io.meterbridge.bench;

import io.meterbridge.link.Frame;
import io.meterbridge.link.FrameFormatException;
import io.meterbridge.link.Frames;
import io.meterbridge.link.LongFrame;
import io.meterbridge.telegram.Hex;
import io.meterbridge.telegram.Telegram;
import io.meterbridge.telegram.TelegramDecoder;
import io.meterbridge.telegram.TelegramFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import org.openmuc.jmbus.DecodingException;
import org.openmuc.jmbus.MBusMessage;

/**
 * Decode throughput of the corpus (libmbus' 76 test frames and the three Kamstrup telegrams):
 * meterbridge ({@link Frames#parse} + {@link TelegramDecoder#decode}) against OpenMUC jMBus 3.3.0
 * ({@code MBusMessage.decode} + {@code VariableDataStructure.decode}), both from the raw frame
 * bytes to decoded records with values. One benchmark operation decodes one telegram (cycling
 * through the corpus), so ops/s are telegrams per second and {@code gc.alloc.rate.norm} is the
 * allocation per telegram.
 *
 * <p>{@code *Common} benchmarks run both decoders on the same frames: those jMBus accepts (72 of
 * 79; it rejects the CI 0x73 fixed structures, CI 0x70 errors are not in the corpus, and some
 * records). {@code meterbridgeAll} runs meterbridge on the whole corpus.
 *
 * <p>Run (bench profile only; JMH and jMBus are not on the normal classpath):
 * <pre>
 * mvn -B -Pbench test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:exec
 * mvn -B -Pbench test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:exec \
 *     -Dbench.args="-f 2 -wi 5 -w 1s -i 10 -r 1s -prof gc TelegramDecodeBenchmark"
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TelegramDecodeBenchmark {

    private byte[][] all;
    private byte[][] common;
    private int i;

    @Setup(Level.Trial)
    public void load() throws IOException, URISyntaxException {
        List<byte[]> frames = new ArrayList<>();
        Path dir = Path.of(TelegramDecodeBenchmark.class.getResource("/libmbus/test-frames").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".hex")).sorted().toList()) {
                frames.add(Hex.parse(Files.readString(p, StandardCharsets.ISO_8859_1)));
            }
        }
        for (String k : new String[] {"multical303-heat", "multical303-heat-cooling", "multical403-heat"}) {
            try (InputStream in = TelegramDecodeBenchmark.class.getResourceAsStream("/kamstrup/" + k + ".json")) {
                String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                int start = json.indexOf("\"hex\": \"") + 8;
                frames.add(Hex.parse(json.substring(start, json.indexOf('"', start))));
            }
        }
        all = frames.toArray(byte[][]::new);
        List<byte[]> both = new ArrayList<>();
        for (byte[] f : all) {
            try {
                jmbus(f);
                meterbridge(f);
                both.add(f);
            } catch (Exception e) {
                // jMBus rejects CI 0x73 fixed structures, some LVARs and VIFs: not in the common set
            }
        }
        common = both.toArray(byte[][]::new);
        System.out.printf("%n# corpus: %d frames, %d decoded by both meterbridge and jMBus%n", all.length, common.length);
    }

    static Telegram meterbridge(byte[] bytes) throws FrameFormatException, TelegramFormatException {
        Frame frame = Frames.parse(bytes);
        LongFrame lf = (LongFrame) frame;
        return TelegramDecoder.decode(lf.ci(), bytes, LongFrame.DATA_OFFSET, bytes.length - 2);
    }

    static Object jmbus(byte[] bytes) throws IOException, DecodingException {
        MBusMessage m = MBusMessage.decode(bytes, bytes.length);
        m.getVariableDataResponse().decode();
        return m.getVariableDataResponse().getDataRecords();
    }

    private byte[] next(byte[][] frames) {
        byte[] f = frames[i];
        i = i + 1 == frames.length ? 0 : i + 1;
        return f;
    }

    @Benchmark
    public void meterbridgeCommon(Blackhole bh) throws Exception {
        bh.consume(meterbridge(next(common)));
    }

    @Benchmark
    public void jmbusCommon(Blackhole bh) throws Exception {
        bh.consume(jmbus(next(common)));
    }

    @Benchmark
    public void meterbridgeAll(Blackhole bh) throws Exception {
        byte[] f = next(all);
        try {
            bh.consume(meterbridge(f));
        } catch (ClassCastException e) {
            bh.consume(e);
        }
    }
}
