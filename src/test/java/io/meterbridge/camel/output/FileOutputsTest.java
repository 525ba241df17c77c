package io.meterbridge.camel.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.meterbridge.camel.service.MeterbridgeService;
import io.meterbridge.camel.testing.ServiceHome;
import io.meterbridge.meter.ChannelValue;
import io.meterbridge.meter.ElectricityReading;
import io.meterbridge.meter.MeterIdentity;
import io.meterbridge.meter.PhaseValues;
import java.math.BigDecimal;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped routes/files.yaml and readings.yaml: readings end up as JSON Lines and CSV, line by line. */
class FileOutputsTest {

    @TempDir
    Path dir;

    /** A reading in the flat form the normalize processor produces (some keys; nested objects flatten with dots). */
    static String reading(int address, double kwh, String time) {
        return "{\"read_at\":\"" + time + "\",\"meter_key\":\"kam_" + address + "\",\"primary_address\":" + address
                + ",\"manufacturer\":\"KAM\",\"model\":\"MULTICAL 403\",\"medium\":\"heat\","
                + "\"heat_energy_kwh\":" + kwh + ",\"info_code\":\"0, \\\"ok\\\"\"}";
    }

    /**
     * The files are written from the journal (cursor "files"), after direct:reading has returned:
     * waits until {@code file} has {@code lines} lines.
     */
    static void awaitLines(Path file, int lines) throws InterruptedException {
        ServiceHome.await(Duration.ofSeconds(10), lines + " lines in " + file, () -> {
            try {
                return Files.exists(file) && Files.readAllLines(file, StandardCharsets.UTF_8).size() >= lines;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return ""; // between the rename and the first write
        }
    }

    @Test
    void readingsAreAppendedAsJsonLinesAndCsvRows() throws Exception {
        Path home = ServiceHome.shipped(dir);
        try (MeterbridgeService service = new MeterbridgeService(home, Map.of("mbus.bus", ""), false)) {
            service.start();
            ProducerTemplate template = service.context().createProducerTemplate();
            List<String> sent = List.of(
                    reading(1, 1234.5, "2026-11-21T03:00:00Z"),
                    reading(89, 42.0, "2026-11-21T03:00:01Z"),
                    reading(1, 1235.0, "2026-11-21T03:05:00Z"));
            for (String r : sent) {
                template.sendBodyAndHeader("direct:reading", r, "MeterbridgeMeterKey", "x");
            }
            awaitLines(home.resolve("data/readings.jsonl"), 3);
            awaitLines(home.resolve("data/readings.csv"), 4);
            List<String> jsonl = Files.readAllLines(home.resolve("data/readings.jsonl"), StandardCharsets.UTF_8);
            assertEquals(sent, jsonl);

            String csv = Files.readString(home.resolve("data/readings.csv"), StandardCharsets.UTF_8);
            String[] lines = csv.split("\r\n", -1);
            assertEquals(5, lines.length, csv); // header, 3 rows, empty after the last CRLF
            assertEquals(service.property("csv.columns"), lines[0]);
            assertEquals("2026-11-21T03:00:00Z,kam_1,1,,KAM,MULTICAL 403,heat,1234.5,,,,,,,,,\"0, \"\"ok\"\"\",", lines[1]);
            assertEquals("2026-11-21T03:00:01Z,kam_89,89,,KAM,MULTICAL 403,heat,42.0,,,,,,,,,\"0, \"\"ok\"\"\",", lines[2]);
            assertEquals("", lines[4]);
            // MQTT and HTTP are off when their URLs are not set
            assertNull(service.context().getRoute("mqtt-publish"));
            assertNull(service.context().getRoute("http-post"));
        }
    }

    /** A P1 meter's reading as the p1: route hands it to the hub: the ElectricityReading itself. */
    static ElectricityReading electricity(String time, String t1, String t2) {
        MeterIdentity id = new MeterIdentity("ISK", "Iskra", "AM550", "E0054007476941719", null, null, 0x02, null);
        return ElectricityReading.builder(id, Instant.parse(time))
                .meterClock(LocalDateTime.parse("2026-11-21T04:00:00"))
                .importKwh(new BigDecimal(t1).add(new BigDecimal(t2)))
                .exportKwh(new BigDecimal("16.8"))
                .importKwh(1, new BigDecimal(t1)).importKwh(2, new BigDecimal(t2))
                .exportKwh(1, new BigDecimal("12.3")).exportKwh(2, new BigDecimal("4.5"))
                .powerImportKw(new BigDecimal("0.512")).powerExportKw(BigDecimal.ZERO).tariff(2)
                .phase(new PhaseValues(1, new BigDecimal("231.2"), new BigDecimal("2"), new BigDecimal("0.512"),
                        BigDecimal.ZERO, 3L, 0L))
                .channel(new ChannelValue(1, 0x03, "4730303339303031", new BigDecimal("3456.789"), "m³",
                        LocalDateTime.of(2026, 11, 21, 3, 0)))
                .build();
    }

    /**
     * P1 rows used to land in readings.csv with every value column empty (those are heat-meter
     * columns). Electricity readings now go to their own daily file with the P1 columns, and the
     * heat meters' file keeps its columns and holds only theirs.
     */
    @Test
    void electricityReadingsGetTheirOwnCsvFileWithP1Columns() throws Exception {
        Path home = ServiceHome.shipped(dir);
        try (MeterbridgeService service = new MeterbridgeService(home, Map.of("mbus.bus", ""), false)) {
            service.start();
            ProducerTemplate template = service.context().createProducerTemplate();
            template.sendBodyAndHeader("direct:reading", electricity("2026-11-21T03:00:00Z", "1234.567", "2345.678"),
                    "MeterbridgeMeterKey", "isk_e0054007476941719");
            template.sendBodyAndHeader("direct:reading", reading(1, 1234.5, "2026-11-21T03:00:01Z"),
                    "MeterbridgeMeterKey", "kam_1");
            template.sendBodyAndHeader("direct:reading", electricity("2026-11-21T03:01:00Z", "1234.6", "2345.678"),
                    "MeterbridgeMeterKey", "isk_e0054007476941719");
            awaitLines(home.resolve("data/readings.jsonl"), 3);
            awaitLines(home.resolve("data/electricity.csv"), 3);
            awaitLines(home.resolve("data/readings.csv"), 2);

            String[] p1 = Files.readString(home.resolve("data/electricity.csv"), StandardCharsets.UTF_8)
                    .split("\r\n", -1);
            assertEquals(4, p1.length, String.join("|", p1)); // header, 2 rows, empty after the last CRLF
            assertEquals("read_at,meter_key,model,meter_clock,tariff,import_kwh,export_kwh,import_t1_kwh,"
                    + "import_t2_kwh,export_t1_kwh,export_t2_kwh,power_import_kw,power_export_kw,l1_voltage_v,"
                    + "l2_voltage_v,l3_voltage_v,l1_current_a,l2_current_a,l3_current_a,gas_m3,gas_time", p1[0]);
            assertEquals(service.property("p1.csv.columns"), p1[0]);
            assertEquals("2026-11-21T03:00:00Z,isk_e0054007476941719,AM550,2026-11-21T04:00,2,3580.245,16.8,"
                    + "1234.567,2345.678,12.3,4.5,0.512,0,231.2,,,2,,,3456.789,2026-11-21T03:00", p1[1]);
            assertTrue(p1[2].startsWith("2026-11-21T03:01:00Z,isk_e0054007476941719,AM550,2026-11-21T04:00,2,3580.278,"),
                    p1[2]);

            String[] heat = Files.readString(home.resolve("data/readings.csv"), StandardCharsets.UTF_8).split("\r\n", -1);
            assertEquals(3, heat.length, String.join("|", heat)); // header, the heat meter's row, empty
            assertEquals(service.property("csv.columns"), heat[0]);
            assertTrue(heat[1].startsWith("2026-11-21T03:00:01Z,kam_1,1,"), heat[1]);
            // the JSON Lines file still has every reading, in order
            List<String> jsonl = Files.readAllLines(home.resolve("data/readings.jsonl"), StandardCharsets.UTF_8);
            assertEquals(3, jsonl.size());
            assertTrue(jsonl.get(0).contains("\"type\":\"electricity\""), jsonl.get(0));
        }
    }

    /** The electricity file rotates like the others: yesterday's goes to electricity-<date>.csv, today's starts with its header. */
    @Test
    void theElectricityFileRotatesDaily() throws Exception {
        Path home = ServiceHome.shipped(dir);
        Path data = Files.createDirectories(home.resolve("data"));
        Path today = data.resolve("electricity.csv");
        Files.writeString(today, "read_at,meter_key\r\n2026-11-20T23:59:00Z,isk_old\r\n");
        LocalDate yesterday = LocalDate.now(ZoneId.systemDefault()).minusDays(1);
        Files.setLastModifiedTime(today, FileTime.from(yesterday.atTime(12, 0).atZone(ZoneId.systemDefault()).toInstant()));
        try (MeterbridgeService service = new MeterbridgeService(home, Map.of("mbus.bus", ""), false)) {
            service.start();
            service.context().createProducerTemplate().sendBodyAndHeader("direct:reading",
                    electricity("2026-11-21T03:00:00Z", "1", "2"), "MeterbridgeMeterKey", "isk_e0054007476941719");
            Path dated = data.resolve("electricity-" + yesterday + ".csv");
            awaitLines(home.resolve("data/readings.jsonl"), 1);
            awaitLines(dated, 2);
            ServiceHome.await(Duration.ofSeconds(10), "the new row in " + today,
                    () -> Files.exists(today) && readString(today).contains("isk_e0054007476941719"));
            assertEquals("read_at,meter_key\r\n2026-11-20T23:59:00Z,isk_old\r\n", Files.readString(dated));
            String[] lines = Files.readString(today).split("\r\n", -1);
            assertEquals(service.property("p1.csv.columns"), lines[0]);
            assertTrue(lines[1].startsWith("2026-11-21T03:00:00Z,isk_e0054007476941719,"), lines[1]);
            assertTrue(Files.notExists(data.resolve("readings.csv")), "no heat reading was sent");
        }
    }
}
