package io.meterbridge.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** Random valid records, encoded by {@link RecordEncoder}, decode back to what was encoded. */
class RecordRoundTripTest {

    /** VIFs whose SI scaling {@link RecordEncoder#siValue} knows independently. */
    private static final List<Integer> VIFS;

    static {
        List<Integer> v = new ArrayList<>();
        for (int i = 0; i < 0x20; i++) {
            v.add(i);
        }
        for (int i = 0x28; i < 0x58; i++) {
            v.add(i);
        }
        for (int i = 0x58; i < 0x64; i++) {
            v.add(i);
        }
        for (int i = 0x68; i < 0x6C; i++) {
            v.add(i);
        }
        VIFS = List.copyOf(v);
    }

    /** Combinable VIFEs that change neither the value nor its type. */
    private static final List<Integer> COMBINABLES = List.of(0x20, 0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0x27, 0x28,
            0x2C, 0x2D, 0x30, 0x3A, 0x3B, 0x3C, 0x3E, 0x40, 0x41, 0x48, 0x49, 0x7E);

    private static final Map<String, BigDecimal> TO_SI = Map.ofEntries(Map.entry("kWh", BigDecimal.valueOf(1000)),
            Map.entry("MWh", BigDecimal.valueOf(1_000_000)), Map.entry("GWh", BigDecimal.valueOf(1_000_000_000)),
            Map.entry("kJ", BigDecimal.valueOf(1000)), Map.entry("MJ", BigDecimal.valueOf(1_000_000)),
            Map.entry("GJ", BigDecimal.valueOf(1_000_000_000)), Map.entry("kW", BigDecimal.valueOf(1000)),
            Map.entry("MW", BigDecimal.valueOf(1_000_000)), Map.entry("GW", BigDecimal.valueOf(1_000_000_000)),
            Map.entry("kJ/h", BigDecimal.valueOf(1000)), Map.entry("MJ/h", BigDecimal.valueOf(1_000_000)),
            Map.entry("GJ/h", BigDecimal.valueOf(1_000_000_000)), Map.entry("L", new BigDecimal("0.001")),
            Map.entry("L/h", new BigDecimal("0.001")), Map.entry("L/min", new BigDecimal("0.001")),
            Map.entry("L/s", new BigDecimal("0.001")), Map.entry("mL/s", new BigDecimal("0.000001")));

    @Provide
    Arbitrary<List<RecordEncoder.Spec>> records() {
        return record().list().ofMinSize(1).ofMaxSize(12);
    }

    Arbitrary<RecordEncoder.Spec> record() {
        Arbitrary<RecordEncoder.Coding> coding = Arbitraries.of(RecordEncoder.Coding.class);
        Arbitrary<Long> storage = Arbitraries.oneOf(Arbitraries.longs().between(0, 3),
                Arbitraries.longs().between(0, (1L << 41) - 1));
        Arbitrary<Integer> tariff = Arbitraries.integers().between(0, (1 << 20) - 1);
        Arbitrary<Integer> subunit = Arbitraries.integers().between(0, (1 << 10) - 1);
        Arbitrary<List<Integer>> combinables = Arbitraries.of(COMBINABLES).list().ofMaxSize(9);
        return Combinators.combine(Arbitraries.integers().between(0, 3), storage, tariff, subunit,
                Arbitraries.of(VIFS), combinables, coding, Arbitraries.longs())
                .as((f, s, t, u, vif, c, cod, seed) -> spec(f, s, t, u, vif, c, cod, seed));
    }

    private static RecordEncoder.Spec spec(int f, long storage, int tariff, int subunit, int vif, List<Integer> c,
            RecordEncoder.Coding coding, long seed) {
        java.util.Random r = new java.util.Random(seed);
        BigInteger raw;
        String text = null;
        switch (coding) {
            case TEXT -> {
                raw = BigInteger.ZERO;
                StringBuilder sb = new StringBuilder();
                int len = r.nextInt(30);
                for (int i = 0; i < len; i++) {
                    sb.append((char) (0x20 + r.nextInt(0x5F)));
                }
                text = sb.toString();
            }
            case REAL32 -> {
                float x;
                do {
                    x = Float.intBitsToFloat(r.nextInt());
                } while (Float.isNaN(x) || Float.isInfinite(x));
                raw = BigInteger.valueOf(Float.floatToRawIntBits(x) & 0xFFFFFFFFL);
            }
            case LVAR_BCD -> raw = BigInteger.valueOf(r.nextLong() % 1_000_000_000_000_000L);
            case LVAR_BINARY, INT64 -> raw = BigInteger.valueOf(r.nextLong());
            default -> {
                if (coding.isBcd()) {
                    // negative BCD keeps one nibble for the sign: at most 2·bytes−1 digits
                    boolean negative = r.nextBoolean();
                    int digits = 2 * coding.bytes - (negative ? 1 : 0);
                    BigInteger v = new BigInteger(60, r).mod(BigInteger.TEN.pow(digits));
                    raw = negative && v.signum() != 0 ? v.negate() : v;
                } else {
                    raw = new BigInteger(8 * coding.bytes, r).subtract(BigInteger.ONE.shiftLeft(8 * coding.bytes - 1));
                }
            }
        }
        return new RecordEncoder.Spec(f, storage, tariff, subunit, vif, c, coding, raw, text);
    }

    @Property(tries = 2000)
    void recordsRoundTrip(@ForAll("records") List<RecordEncoder.Spec> specs,
            @ForAll @Size(max = 40) byte[] manufacturerTail, @ForAll boolean fillers) throws Exception {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.writeBytes(Hex.parse("33 71 93 82 2D 2C 40 04 43 10 00 00"));
        List<Integer> offsets = new ArrayList<>();
        for (RecordEncoder.Spec s : specs) {
            if (fillers) {
                data.write(0x2F);
            }
            offsets.add(data.size());
            data.writeBytes(RecordEncoder.encode(s));
        }
        boolean tail = manufacturerTail.length > 0;
        if (tail) {
            data.write(0x0F);
            data.writeBytes(manufacturerTail);
        }
        Telegram t = TelegramDecoder.decode(0x72, data.toByteArray());
        assertEquals(specs.size(), t.records().size());
        assertEquals(tail ? Hex.format(manufacturerTail) : null,
                t.manufacturerData() == null ? null : Hex.format(t.manufacturerData()));
        for (int i = 0; i < specs.size(); i++) {
            check(specs.get(i), t.records().get(i), offsets.get(i));
        }
    }

    private static void check(RecordEncoder.Spec s, DataRecord r, int offset) {
        assertEquals(offset, r.offset());
        assertEquals(Function.values()[s.function()], r.function());
        assertEquals(s.storage(), r.storage());
        assertEquals(s.tariff(), r.tariff());
        assertEquals(s.subunit(), r.subunit());
        assertEquals(s.combinables(), r.combinables().stream().map(CombinableVife::code).toList());
        Flow flow = s.combinables().stream().filter(c -> c == 0x3B || c == 0x3C).findFirst()
                .map(c -> c == 0x3B ? Flow.FORWARD : Flow.BACKWARD).orElse(Flow.NONE);
        assertEquals(flow, r.flow());
        switch (s.coding()) {
            case TEXT -> assertEquals(new Value.Text(s.text()), r.value());
            default -> {
                BigDecimal raw = s.coding() == RecordEncoder.Coding.REAL32
                        ? new BigDecimal(Float.toString(Float.intBitsToFloat(s.raw().intValue())))
                        : new BigDecimal(s.raw());
                BigDecimal expected = RecordEncoder.siValue(s.vif(), raw);
                BigDecimal actual = r.number().multiply(TO_SI.getOrDefault(r.unit(), BigDecimal.ONE));
                assertEquals(0, expected.compareTo(actual),
                        () -> "VIF " + Integer.toHexString(s.vif()) + " " + s.coding() + " raw " + s.raw() + ": expected "
                                + expected + " SI, got " + r.value() + " " + r.unit());
            }
        }
    }
}
