package io.meterbridge.consumption;

import static io.meterbridge.consumption.Series.AMSTERDAM;
import static io.meterbridge.consumption.Series.amounts;
import static io.meterbridge.consumption.Series.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meterbridge.camel.output.DailyFiles;
import io.meterbridge.camel.reading.ReadingConverters;
import io.meterbridge.meter.ElectricityReading;
import io.meterbridge.meter.Energy;
import io.meterbridge.meter.EnergyUnit;
import io.meterbridge.meter.HeatReading;
import io.meterbridge.meter.MeterIdentity;
import io.meterbridge.meter.Reading;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Daily files as the service writes them (each reading's JSON as {@code ReadingConverters} makes
 * it, files renamed by {@code DailyFiles}), read back: a heat meter every 30 minutes from 27 to 30
 * March 2026 (over the spring clock change) and an electricity meter every 15 minutes today.
 */
class ReadingHistoryTest {

    static final MeterIdentity HEAT = new MeterIdentity("KAM", "Kamstrup", "MULTICAL 403", "82937133", 89, null, 4, 0x34);
    static final MeterIdentity P1 = new MeterIdentity("ISK", "Iskra", "AM550", "E0043007", null, null, 2, null);
    static final Instant FIRST = at("2026-03-27T00:00+01:00");
    static final Instant NOW = at("2026-03-30T12:05+02:00");

    @TempDir
    Path dir;

    Path current;

    @BeforeEach
    void writeTheDailyFiles() throws Exception {
        current = dir.resolve("readings.jsonl");
        // a file of an earlier week, of a meter read nowhere else: never opened for these ranges
        Files.writeString(dir.resolve("readings-2026-03-20.jsonl"), json(heat("11111111", at("2026-03-28T12:15+01:00"), 1)));
        List<String> lines = new ArrayList<>();
        LocalDate day = LocalDate.of(2026, 3, 27);
        int k = 0;
        for (Instant t = FIRST; !t.isAfter(at("2026-03-30T12:00+02:00")); t = t.plusSeconds(1800), k++) {
            LocalDate readOn = LocalDate.ofInstant(t, AMSTERDAM);
            if (!readOn.equals(day)) {
                if (day.getDayOfMonth() == 29) {
                    // the 29th in two files: the clock was set back and the day's file written twice
                    write(lines.subList(0, 20), at("2026-03-29T12:00+02:00"));
                    assertEquals(dir.resolve("readings-2026-03-29.jsonl"), rotate(day));
                    lines = new ArrayList<>(lines.subList(20, lines.size()));
                }
                write(lines, t.minusSeconds(1700)); // last written just after the day's last reading
                Path dated = rotate(day);
                assertEquals(day.getDayOfMonth() == 29 ? "readings-2026-03-29.2.jsonl" : "readings-" + day + ".jsonl",
                        dated.getFileName().toString());
                lines = new ArrayList<>();
                day = readOn;
            }
            lines.add(json(heat("82937133", t, k)));
        }
        for (int q = 0; q <= 48; q++) { // today, the electricity meter
            Instant t = at("2026-03-30T00:00+02:00").plusSeconds(900L * q);
            lines.add(json(ElectricityReading.builder(P1, t).importKwh(new BigDecimal("1000").add(BigDecimal.valueOf(q, 2)
                    .multiply(BigDecimal.valueOf(25)))).exportKwh(new BigDecimal("50.125")).build()));
        }
        write(lines, NOW);
        // a crash while the next reading was being written
        Files.writeString(current, "{\"type\":\"electricity\",\"meter_key\":\"isk_e0043007\",\"read_at\":\"2026-03-30T",
                StandardOpenOption.APPEND);
        Files.setLastModifiedTime(current, FileTime.from(NOW));
    }

    @Test
    void daysOverTheSpringClockChangeFromThreeDaysOfFiles() throws Exception {
        History h = history().read(at("2026-03-28T00:00+01:00"), at("2026-03-30T12:00+02:00"));
        List<IntervalUse> days = h.intervals(Resolution.DAY, AMSTERDAM, at("2026-03-28T00:00+01:00"),
                at("2026-03-30T12:00+02:00"));
        // 1 kWh, 0.0036 GJ and 10 l every half hour: 48 of them on the 28th, 46 on the 29th
        amounts(days.stream().filter(i -> i.counter() == Counter.HEAT_ENERGY_KWH).toList(), "48", "46");
        amounts(days.stream().filter(i -> i.counter() == Counter.HEAT_ENERGY_GJ).toList(), "0.1728", "0.1656");
        amounts(days.stream().filter(i -> i.counter() == Counter.VOLUME_M3).toList(), "0.48", "0.46");
        assertTrue(days.stream().noneMatch(IntervalUse::estimated));
        assertEquals(List.of("readings-2026-03-27.jsonl", "readings-2026-03-28.jsonl", "readings-2026-03-29.jsonl",
                "readings-2026-03-29.2.jsonl", "readings.jsonl"), h.files().stream().map(f -> f.getFileName().toString())
                .toList());
        assertFalse(h.series().stream().anyMatch(s -> s.meterKey().equals("kam_11111111")));
    }

    @Test
    void aCorruptLineIsSkippedAndNamedAnUnfinishedLastLineOnlySkipped() throws Exception {
        Path d28 = dir.resolve("readings-2026-03-28.jsonl");
        List<String> lines = new ArrayList<>(Files.readAllLines(d28));
        lines.set(4, lines.get(4).substring(0, 40)); // 02:00: cut short by a crash, the next line written after it
        lines.set(8, lines.get(8).replace("\"volume_m3\":", "\"volume_m3\":\"")
                .replace(",\"flow_temperature_c\"", "\",\"flow_temperature_c\""));
        Files.write(d28, lines, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(d28, FileTime.from(at("2026-03-28T23:31+01:00")));

        History h = history().read(at("2026-03-28T00:00+01:00"), at("2026-03-30T12:00+02:00"));
        assertEquals(2, h.skipped().size(), h.skipped().toString());
        String fragment = h.skipped().get(0).toString();
        assertTrue(fragment.startsWith(d28 + ":5: expected a JSON object, found invalid JSON (Unexpected end-of-input"),
                fragment);
        assertTrue(fragment.endsWith(" at column 41): " + lines.get(4)), fragment);
        assertEquals(5, h.skipped().get(0).line());
        assertEquals(d28 + ":9: expected volume_m3 as a number, found \"2233.05\"", h.skipped().get(1).toString());
        // what the skipped lines held is interpolated from their neighbours: the days are the same
        amounts(h.intervals(Resolution.DAY, AMSTERDAM, at("2026-03-28T00:00+01:00"), at("2026-03-30T00:00+02:00"))
                .stream().filter(i -> i.counter() == Counter.VOLUME_M3).toList(), "0.48", "0.46");
    }

    @Test
    void theCsvDownloadIsTheIntervalsOfTheFiles() throws Exception {
        Instant from = at("2026-03-30T09:00+02:00");
        Instant to = at("2026-03-30T12:00+02:00");
        History h = history().read(from, to);
        String csv = IntervalCsv.toCsv(h.intervals(Resolution.HOUR, AMSTERDAM, from, to));
        StringBuilder expected = new StringBuilder("start,end,meter_key,counter,unit,amount,estimated\r\n");
        String[][] counters = {{"isk_e0043007", "import_kwh", "kWh", "1.000"}, {"isk_e0043007", "export_kwh", "kWh", "0.000"},
            {"kam_82937133", "heat_energy_kwh", "kWh", "2.000"}, {"kam_82937133", "heat_energy_gj", "GJ", "0.007200"},
            {"kam_82937133", "volume_m3", "m³", "0.020"}};
        for (String[] c : counters) {
            for (int hour = 9; hour < 12; hour++) {
                expected.append(String.format("2026-03-30T%02d:00:00+02:00,2026-03-30T%02d:00:00+02:00,%s,%s,%s,%s,false\r\n",
                        hour, hour + 1, c[0], c[1], c[2], c[3]));
            }
        }
        assertEquals(expected.toString(), csv);
    }

    @Test
    void ofTheReadingsOutsideTheRangeOnlyTheNearestOnEachSideAreKept() throws Exception {
        History h = history().read(at("2026-03-28T10:10+01:00"), at("2026-03-28T10:50+01:00"));
        CounterSeries s = h.series("kam_82937133", Counter.HEAT_ENERGY_KWH).orElseThrow();
        assertEquals(3, s.size());
        assertEquals(at("2026-03-28T10:00+01:00"), s.time(0));
        assertEquals(at("2026-03-28T10:30+01:00"), s.time(1));
        assertEquals(at("2026-03-28T11:00+01:00"), s.time(2));
        Series.eq("34578", s.value(0)); // the 68th half hour since the 27th
        assertTrue(h.series("isk_e0043007", Counter.IMPORT_KWH).isEmpty(), "read only today");
    }

    @Test
    void aDirectoryWithoutFilesHasNoHistory() throws Exception {
        History h = new ReadingHistory(dir.resolve("none"), "readings.jsonl", AMSTERDAM).read(FIRST, NOW);
        assertTrue(h.series().isEmpty());
        assertTrue(h.files().isEmpty());
    }

    private ReadingHistory history() {
        return new ReadingHistory(dir, "readings.jsonl", AMSTERDAM);
    }

    /** 34510 kWh + k, 10 l per k: k half hours since {@link #FIRST}. */
    private static HeatReading heat(String id, Instant t, int k) {
        MeterIdentity meter = new MeterIdentity(HEAT.manufacturer(), HEAT.manufacturerName(), HEAT.model(), id,
                HEAT.primaryAddress(), null, HEAT.medium(), HEAT.version());
        return HeatReading.builder(meter, t).status(0).heatEnergy(new Energy(BigDecimal.valueOf(34510 + k), EnergyUnit.KWH))
                .volumeM3(new BigDecimal("2232.49").add(BigDecimal.valueOf(k, 2)))
                .flowTemperatureC(new BigDecimal("64.6")).returnTemperatureC(new BigDecimal("45.16")).build();
    }

    private static String json(Reading r) throws Exception {
        return ReadingConverters.toJson(r) + "\n";
    }

    private void write(List<String> lines, Instant lastWritten) throws Exception {
        Files.writeString(current, String.join("", lines), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        Files.setLastModifiedTime(current, FileTime.from(lastWritten));
    }

    /** Renames today's file as the writer does at the first reading of the next day. */
    private Path rotate(LocalDate day) throws Exception {
        return new DailyFiles(Clock.fixed(day.plusDays(1).atTime(0, 0, 30).atZone(AMSTERDAM).toInstant(), AMSTERDAM))
                .rotated(current.toString());
    }
}
