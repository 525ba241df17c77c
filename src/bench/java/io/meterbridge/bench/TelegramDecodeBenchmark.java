package io.meterbridge.bench;

import io.meterbridge.link.FrameFormatException;
import io.meterbridge.link.Frames;
import io.meterbridge.link.LongFrame;
import io.meterbridge.telegram.DataRecord;
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
 * meterbridge against OpenMUC jMBus 3.3.0, both from the raw frame bytes to every record's value.
 * One benchmark operation decodes one telegram (cycling through the corpus), so ops/s are
 * telegrams per second and {@code gc.alloc.rate.norm} is the allocation per telegram.
 *
 * <p>What each side does per telegram, so that the comparison is fair:
 * <ul>
 * <li>meterbridge: {@link Frames#checkLongFrame} (start bytes, both length fields, checksum, stop
 *     byte; jMBus checks no checksum), {@link TelegramDecoder#decode} on the frame bytes (header,
 *     every record's DIB and VIB with quantity, description, unit and combinable VIFEs), then
 *     {@link DataRecord#value()} of every record: the exact value with the VIF exponent and
 *     corrections applied ({@code BigDecimal}, date/time, text), which the decoder computes on
 *     first access from its copy of the user data. Each value goes to the blackhole.</li>
 * <li>jMBus ({@code jmbus*}): {@code MBusMessage.decode} and {@code VariableDataStructure.decode}
 *     (header and every record, each with its value decoded: {@code Long}, {@code Bcd}, date,
 *     string), then every record's value to the blackhole: {@code getDataValue()} (the raw value,
 *     its exponent not applied: the cheaper, conservative baseline) in {@code jmbusCommon};
 *     {@code getScaledDataValue()} for numbers (the exponent applied, as meterbridge does; other
 *     values raw) in {@code jmbusScaledCommon}.</li>
 * </ul>
 *
 * <p>{@code *Common} benchmarks run on the same frames: those jMBus accepts (72 of 79; it rejects
 * the CI 0x73 fixed structures, some LVARs and VIFs). {@code meterbridgeAll} runs meterbridge on
 * the whole corpus.
 *
 * <p>Run (bench profile only; JMH and jMBus are not on the normal classpath):
 * <pre>
 * mvn -B -o -Pbench test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:exec \
 *     -Dbench.args="-f 1 -wi 3 -w 1s -i 5 -r 1s -prof gc TelegramDecodeBenchmark"
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
        for (byte[] f : frames) {
            try {
                meterbridge(f);
            } catch (FrameFormatException | TelegramFormatException e) {
                throw new IllegalStateException("meterbridge rejects a corpus frame: " + Hex.format(f), e);
            }
        }
        all = frames.toArray(byte[][]::new);
        List<byte[]> both = new ArrayList<>();
        for (byte[] f : all) {
            try {
                jmbus(f);
                both.add(f);
            } catch (Exception e) {
                // jMBus rejects CI 0x73 fixed structures, some LVARs and VIFs: not in the common set
            }
        }
        common = both.toArray(byte[][]::new);
        System.out.printf("%n# corpus: %d frames, %d decoded by both meterbridge and jMBus%n", all.length, common.length);
    }

    static Telegram meterbridge(byte[] bytes) throws FrameFormatException, TelegramFormatException {
        int ci = Frames.checkLongFrame(bytes);
        return TelegramDecoder.decode(ci, bytes, LongFrame.DATA_OFFSET, bytes.length - 2);
    }

    static List<org.openmuc.jmbus.DataRecord> jmbus(byte[] bytes) throws IOException, DecodingException {
        MBusMessage m = MBusMessage.decode(bytes, bytes.length);
        m.getVariableDataResponse().decode();
        return m.getVariableDataResponse().getDataRecords();
    }

    private static void consumeValues(Telegram t, Blackhole bh) {
        List<DataRecord> records = t.records();
        for (int r = 0, n = records.size(); r < n; r++) {
            bh.consume(records.get(r).value());
        }
        bh.consume(t);
    }

    private byte[] next(byte[][] frames) {
        byte[] f = frames[i];
        i = i + 1 == frames.length ? 0 : i + 1;
        return f;
    }

    @Benchmark
    public void meterbridgeCommon(Blackhole bh) throws Exception {
        consumeValues(meterbridge(next(common)), bh);
    }

    @Benchmark
    public void jmbusCommon(Blackhole bh) throws Exception {
        List<org.openmuc.jmbus.DataRecord> records = jmbus(next(common));
        for (int r = 0, n = records.size(); r < n; r++) {
            bh.consume(records.get(r).getDataValue());
        }
        bh.consume(records);
    }

    @Benchmark
    public void jmbusScaledCommon(Blackhole bh) throws Exception {
        List<org.openmuc.jmbus.DataRecord> records = jmbus(next(common));
        for (int r = 0, n = records.size(); r < n; r++) {
            org.openmuc.jmbus.DataRecord d = records.get(r);
            Object raw = d.getDataValue();
            // getScaledDataValue() catches a ClassCastException for non-numbers: ask only for numbers
            bh.consume(raw instanceof Number ? d.getScaledDataValue() : raw);
        }
        bh.consume(records);
    }

    @Benchmark
    public void meterbridgeAll(Blackhole bh) throws Exception {
        consumeValues(meterbridge(next(all)), bh);
    }
}
