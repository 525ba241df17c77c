package io.meterbridge.camel.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.meterbridge.camel.service.MeterbridgeService;
import io.meterbridge.camel.testing.ServiceHome;
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
            assertNull(service.context().getRoute("mqtt-outbox"));
            assertNull(service.context().getRoute("http-post"));
        }
    }
}
