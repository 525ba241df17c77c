package io.meterbridge.p1;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

/**
 * One parsed P1 telegram, immutable: header, dialect, every line in order, the CRC, and typed
 * accessors for what the standards define. Values are exact and in the meter's own units (see
 * {@link Quantity#inKiloUnits()} for meters that write Wh/W). Typed accessors skip lines listed in
 * {@link #problems()}.
 */
public final class P1Telegram {

    private final P1Header header;
    private final P1Version version;
    private final List<P1Line> lines;
    private final OptionalInt crc;
    private final List<P1Problem> problems;
    private final Map<ObisCode, P1Line> valid;

    P1Telegram(P1Header header, P1Version version, List<P1Line> lines, OptionalInt crc, List<P1Problem> problems,
               Set<Integer> invalidLines) {
        this.header = header;
        this.version = version;
        this.lines = List.copyOf(lines);
        this.crc = crc;
        this.problems = List.copyOf(problems);
        Map<ObisCode, P1Line> index = new LinkedHashMap<>();
        for (P1Line l : this.lines) {
            if (!invalidLines.contains(l.lineNumber())) {
                index.putIfAbsent(l.obis().withoutF(), l);
            }
        }
        // Second pass, so a meter's own channel-0 line always wins over a measurement-channel alias.
        for (P1Line l : this.lines) {
            if (!invalidLines.contains(l.lineNumber()) && ObisCatalogue.isMeasurementChannelAlias(l.obis())) {
                index.putIfAbsent(l.obis().withoutF().onChannel(0), l);
            }
        }
        this.valid = Collections.unmodifiableMap(index);
    }

    /**
     * A telegram built from decoded values rather than text: a DLMS/COSEM push list
     * ({@code io.meterbridge.p1.dlms}) read into the same lines a DSMR telegram has, so that
     * everything downstream treats both alike. The frame's FCS was checked by the HDLC layer, so
     * there is no CRC here; lines whose catalogue entry they do not satisfy are not rejected,
     * since their values come typed from A-XDR, not from text.
     */
    public static P1Telegram of(P1Header header, P1Version version, List<P1Line> lines) {
        return new P1Telegram(header, version, lines, OptionalInt.empty(), List.of(), Set.of());
    }

    /** The identification line. */
    public P1Header header() {
        return header;
    }

    /** The dialect, detected from the content. */
    public P1Version version() {
        return version;
    }

    /** Every OBIS line in telegram order, known or not. */
    public List<P1Line> lines() {
        return lines;
    }

    /** The CRC the telegram carried (already verified), empty for DSMR 2.2/3. */
    public OptionalInt crc() {
        return crc;
    }

    /** Lines that could not be read as their catalogue entry says, or were no OBIS lines. */
    public List<P1Problem> problems() {
        return problems;
    }

    /** Lines whose OBIS code the catalogue does not know; kept and reported, not errors. */
    public List<P1Line> unknownLines() {
        return lines.stream().filter(l -> !l.known()).toList();
    }

    /**
     * The first line with this code that passed validation (the F group is ignored). An electricity
     * code on channel 0 ({@code 1-0:1.8.1}) also finds the same quantity written on measurement
     * channel 1 ({@code 1-1:1.8.1}) when the telegram has no channel-0 line for it.
     */
    public Optional<P1Line> line(ObisCode code) {
        return Optional.ofNullable(valid.get(code.withoutF()));
    }

    /** The number and unit of a numeric line. */
    public Optional<Quantity> quantity(ObisCode code) {
        return line(code).map(l -> l.first().quantity());
    }

    private Optional<Quantity> quantity(int a, int b, int c, int d, int e) {
        return quantity(ObisCode.of(a, b, c, d, e));
    }

    private Optional<String> text(int a, int b, int c, int d, int e) {
        return line(ObisCode.of(a, b, c, d, e)).map(l -> l.first().text());
    }

    private OptionalLong count(int a, int b, int c, int d, int e) {
        Optional<Quantity> q = quantity(a, b, c, d, e);
        return q.isPresent() ? OptionalLong.of(q.get().value().longValueExact()) : OptionalLong.empty();
    }

    /** {@code 0-0:1.0.0}: when the meter produced the telegram. */
    public Optional<P1Timestamp> timestamp() {
        return line(ObisCode.of(0, 0, 1, 0, 0)).map(l -> l.first().timestamp());
    }

    /** {@code 1-3:0.2.8}, or the e-MUCS {@code 0-0:96.1.4}: the P1 version the meter declares, e.g. {@code 50}. */
    public Optional<String> versionInformation() {
        return text(1, 3, 0, 2, 8).or(() -> text(0, 0, 96, 1, 4));
    }

    /**
     * The meter's identifier: {@code 0-0:96.1.1} (hex ASCII decoded), else {@code 0-0:42.0.0},
     * {@code 0-0:96.1.0} or {@code 1-0:0.0.0}, else the GS1 meter number {@code 1-1:0.0.5} that
     * Kamstrup's DLMS HAN list carries; empty when the meter sends none (or an empty one).
     */
    public Optional<String> equipmentId() {
        for (ObisCode c : List.of(ObisCode.of(0, 0, 96, 1, 1), ObisCode.of(0, 0, 42, 0, 0),
                ObisCode.of(0, 0, 96, 1, 0), ObisCode.of(1, 0, 0, 0, 0), ObisCode.of(1, 0, 96, 1, 0),
                ObisCode.of(1, 1, 0, 0, 5))) {
            Optional<String> id = line(c).map(l -> decodeOctetString(l.first().text())).filter(s -> !s.isEmpty());
            if (id.isPresent()) {
                return id;
            }
        }
        return Optional.empty();
    }

    /** {@code 1-0:1.8.t}: active energy imported (delivered to the household) in tariff t (1..4). */
    public Optional<Quantity> energyImport(int tariff) {
        return quantity(1, 0, 1, 8, tariff);
    }

    /** {@code 1-0:2.8.t}: active energy exported (returned to the grid) in tariff t (1..4). */
    public Optional<Quantity> energyExport(int tariff) {
        return quantity(1, 0, 2, 8, tariff);
    }

    /**
     * Total active energy imported: {@code 1-0:1.8.0} when the meter sends it (Smarty, Nordic,
     * many others), else the exact sum of the tariff registers {@code 1.8.1..1.8.4} (DSMR, e-MUCS).
     */
    public Optional<Quantity> energyImportTotal() {
        return quantity(1, 0, 1, 8, 0).or(() -> sumOfTariffs(1));
    }

    /** Total active energy exported; like {@link #energyImportTotal()} for {@code 2.8.x}. */
    public Optional<Quantity> energyExportTotal() {
        return quantity(1, 0, 2, 8, 0).or(() -> sumOfTariffs(2));
    }

    private Optional<Quantity> sumOfTariffs(int c) {
        BigDecimal sum = null;
        String unit = null;
        for (int t = 1; t <= 4; t++) {
            Optional<Quantity> q = quantity(1, 0, c, 8, t);
            if (q.isPresent()) {
                Quantity k = q.get().inKiloUnits();
                if (unit != null && !unit.equals(k.unit())) {
                    return Optional.empty();
                }
                unit = k.unit();
                sum = sum == null ? k.value() : sum.add(k.value());
            }
        }
        return sum == null ? Optional.empty() : Optional.of(new Quantity(sum, unit));
    }

    /** {@code 0-0:96.14.0}: the active tariff as written, e.g. {@code 0002}. */
    public Optional<String> tariffIndicator() {
        return text(0, 0, 96, 14, 0);
    }

    /** {@code 1-0:1.7.0}: actual power imported. */
    public Optional<Quantity> powerImport() {
        return quantity(1, 0, 1, 7, 0);
    }

    /** {@code 1-0:2.7.0}: actual power exported. */
    public Optional<Quantity> powerExport() {
        return quantity(1, 0, 2, 7, 0);
    }

    /** {@code 1-0:21/41/61.7.0}: active power imported on a phase. */
    public Optional<Quantity> powerImport(Phase phase) {
        return quantity(1, 0, phase.base() + 1, 7, 0);
    }

    /** {@code 1-0:22/42/62.7.0}: active power exported on a phase. */
    public Optional<Quantity> powerExport(Phase phase) {
        return quantity(1, 0, phase.base() + 2, 7, 0);
    }

    /** {@code 1-0:32/52/72.7.0}: voltage of a phase. */
    public Optional<Quantity> voltage(Phase phase) {
        return quantity(1, 0, phase.base() + 12, 7, 0);
    }

    /** {@code 1-0:31/51/71.7.0}: current of a phase. */
    public Optional<Quantity> current(Phase phase) {
        return quantity(1, 0, phase.base() + 11, 7, 0);
    }

    /** {@code 1-0:32/52/72.32.0}: voltage sags counted on a phase. */
    public OptionalLong voltageSags(Phase phase) {
        return count(1, 0, phase.base() + 12, 32, 0);
    }

    /** {@code 1-0:32/52/72.36.0}: voltage swells counted on a phase. */
    public OptionalLong voltageSwells(Phase phase) {
        return count(1, 0, phase.base() + 12, 36, 0);
    }

    /** {@code 0-0:96.7.21}: power failures in any phase. */
    public OptionalLong powerFailures() {
        return count(0, 0, 96, 7, 21);
    }

    /** {@code 0-0:96.7.9}: long power failures in any phase. */
    public OptionalLong longPowerFailures() {
        return count(0, 0, 96, 7, 9);
    }

    /** {@code 1-0:99.97.0}: the long power failure log, oldest first as written; empty when absent. */
    public List<PowerFailureEvent> powerFailureLog() {
        Optional<P1Line> line = line(ObisCode.of(1, 0, 99, 97, 0));
        if (line.isEmpty()) {
            return List.of();
        }
        List<CosemValue> v = line.get().values();
        int count = Integer.parseInt(v.get(0).text());
        List<PowerFailureEvent> events = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            events.add(new PowerFailureEvent(v.get(2 + 2 * k).timestamp(),
                    Duration.ofSeconds(v.get(3 + 2 * k).decimal().longValueExact())));
        }
        return List.copyOf(events);
    }

    /** {@code 0-0:96.13.0}: the text message, decoded from hex ASCII; empty when none. */
    public Optional<String> textMessage() {
        return text(0, 0, 96, 13, 0).map(P1Telegram::decodeOctetString).filter(s -> !s.isEmpty());
    }

    /** {@code 0-0:96.13.1}: the numeric text message code (DSMR 2.2 – 4), decoded; empty when none. */
    public Optional<String> textMessageCode() {
        return text(0, 0, 96, 13, 1).map(P1Telegram::decodeOctetString).filter(s -> !s.isEmpty());
    }

    /** {@code 0-0:96.3.10}: breaker position as written ({@code 1} = connected). */
    public Optional<String> switchPosition() {
        return text(0, 0, 96, 3, 10);
    }

    /** {@code 1-0:1.4.0}: e-MUCS current average demand (15-minute). */
    public Optional<Quantity> averageDemand() {
        return quantity(1, 0, 1, 4, 0);
    }

    /** {@code 1-0:1.6.0}: e-MUCS maximum demand of the running month and when it occurred. */
    public Optional<TimestampedQuantity> maximumDemandMonth() {
        return line(ObisCode.of(1, 0, 1, 6, 0))
                .map(l -> new TimestampedQuantity(l.first().timestamp(), l.last().quantity()));
    }

    /** {@code 0-0:98.1.0} in the e-MUCS form: monthly peaks of the last 13 months; empty otherwise. */
    public List<PeakDemand> peakDemandHistory() {
        Optional<P1Line> line = line(ObisCode.of(0, 0, 98, 1, 0));
        if (line.isEmpty() || line.get().first().text().isEmpty()
                || !line.get().first().text().chars().allMatch(Character::isDigit)) {
            return List.of();
        }
        List<CosemValue> v = line.get().values();
        int count = Integer.parseInt(v.get(0).text());
        List<PeakDemand> peaks = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            peaks.add(new PeakDemand(v.get(3 + 3 * k).timestamp(), v.get(4 + 3 * k).timestamp(),
                    v.get(5 + 3 * k).quantity()));
        }
        return List.copyOf(peaks);
    }

    /** The M-Bus channels {@code 0-1} … {@code 0-4} that appear in the telegram, by channel number. */
    public List<MBusChannel> mbusChannels() {
        Map<Integer, List<P1Line>> byChannel = new TreeMap<>();
        for (P1Line l : valid.values()) {
            ObisCode c = l.obis();
            if (c.a() == 0 && c.b() >= 1 && c.b() <= 4 && l.known()) {
                byChannel.computeIfAbsent(c.b(), k -> new ArrayList<>()).add(l);
            }
        }
        List<MBusChannel> channels = new ArrayList<>(byChannel.size());
        for (Map.Entry<Integer, List<P1Line>> e : byChannel.entrySet()) {
            OptionalInt type = OptionalInt.empty();
            Optional<String> id = Optional.empty();
            Optional<String> valve = Optional.empty();
            List<MBusReading> readings = new ArrayList<>(1);
            for (P1Line l : e.getValue()) {
                ObisCode c = l.obis();
                if (c.c() == 24 && c.d() == 1 && c.e() == 0) {
                    type = OptionalInt.of(l.first().decimal().intValueExact());
                } else if (c.c() == 96 && c.d() == 1 && (c.e() == 0 || c.e() == 1)) {
                    String decoded = decodeOctetString(l.first().text());
                    if (!decoded.isEmpty() && id.isEmpty()) {
                        id = Optional.of(decoded);
                    }
                } else if (c.c() == 24 && c.d() == 2) {
                    readings.add(new MBusReading(l.first().timestamp(), l.last().quantity(), c));
                } else if (c.c() == 24 && c.d() == 3 && c.e() == 0) {
                    List<CosemValue> v = l.values();
                    readings.add(new MBusReading(v.get(0).timestamp(), new Quantity(v.get(6).decimal(), v.get(5).text()), c));
                } else if (c.c() == 24 && c.d() == 4 && c.e() == 0) {
                    valve = Optional.of(l.first().text());
                }
            }
            channels.add(new MBusChannel(e.getKey(), type, id, readings, valve));
        }
        return List.copyOf(channels);
    }

    /** The channel with this number, if the telegram has it. */
    public Optional<MBusChannel> mbusChannel(int channel) {
        return mbusChannels().stream().filter(c -> c.channel() == channel).findFirst();
    }

    /**
     * Decodes DSMR octet strings written as hex ASCII ({@code 4B3845…} → {@code K8E…}); text that is
     * not printable hex ASCII (e.g. {@code 09610}) is returned unchanged.
     */
    public static String decodeOctetString(String text) {
        int n = text.length();
        if (n == 0 || n % 2 != 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(n / 2);
        for (int i = 0; i < n; i += 2) {
            int hi = Character.digit(text.charAt(i), 16);
            int lo = Character.digit(text.charAt(i + 1), 16);
            if (hi < 0 || lo < 0) {
                return text;
            }
            int c = hi * 16 + lo;
            if (c < 0x20 || c > 0x7E) {
                return text;
            }
            out.append((char) c);
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return "P1Telegram[" + header + ", " + version + ", " + lines.size() + " lines"
                + (problems.isEmpty() ? "" : ", " + problems.size() + " problems") + "]";
    }
}
