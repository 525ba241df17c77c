package io.meterbridge.camel.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;

import io.meterbridge.camel.service.MeterbridgeService;
import io.meterbridge.camel.testing.HeadlessChromium;
import io.meterbridge.camel.testing.ServiceHome;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The status page in a real headless Chromium against the running service with the shipped
 * routes, the simulated M-Bus and the simulated P1 meter: the meters' values and the P1 meter's
 * live power appear, they change without a reload, the consumption chart draws bars (seen in a
 * screenshot of its area), and the CSV download holds the hours of a history written into the
 * daily files beforehand, with the amounts that history makes by hand.
 */
class StatusPageBrowserTest {

    /** The history's meter: the simulated MULTICAL 403, whose live energy (34 510 kWh) is above the history's. */
    private static final String METER = "kam_77447744";
    private static final BigDecimal START_KWH = new BigDecimal("34000");
    /** Half a kWh every five minutes: 6 kWh in every hour of the history. */
    private static final BigDecimal STEP_KWH = new BigDecimal("0.5");

    @TempDir
    Path dir;

    @Test
    void thePageShowsTheMetersLiveDrawsTheChartAndItsCsvMatchesTheHistory() throws Exception {
        Assumptions.assumeTrue(HeadlessChromium.executable() != null, "chromium is not installed (.ci/run installs it)");
        Path home = ServiceHome.shipped(Files.createTempDirectory(dir, "home"));
        ZoneId zone = ZoneId.systemDefault();
        Instant now = Instant.now();
        Instant start = now.minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.HOURS);
        Instant end = now.minus(Duration.ofMinutes(20));
        int lines = writeHistory(home.resolve("data"), zone, start, end);

        try (MeterbridgeService service = new MeterbridgeService(home, Map.of(
                "mbus.bus", "sim:status-browser",
                "mbus.poll", "1s",
                "p1.port", "sim",
                "p1.livePeriod", "1000",
                "http.status.port", "0"), false);
                HeadlessChromium chromium = new HeadlessChromium(Files.createTempDirectory(dir, "chromium"), 1200, 1800)) {
            StatusServer server = service.start().hasService(StatusServer.class);
            String page = "http://127.0.0.1:" + server.port() + "/";
            chromium.navigate(page);

            chromium.await(Duration.ofSeconds(60), "the three meters with values", "document.querySelectorAll('.card.meter')"
                    + ".length === 3 && [...document.querySelectorAll('.card.meter')].every(c => c.querySelector('.values tr'))");
            String card303 = chromium.eval("document.querySelector('[data-key=kam_82937133]').innerText").asText();
            assertTrue(card303.contains("MULTICAL 303") && card303.contains("heat energy") && card303.contains("kWh"), card303);
            assertTrue(card303.contains("online"), card303);
            assertTrue(card303.contains("meter id 82937133") && card303.contains("secondary address 829371332D2C4004"), card303);
            assertTrue(card303.contains("Air in flow sensor"), "the simulated 303's info code in words: " + card303);
            chromium.await(Duration.ofSeconds(30), "the P1 meter's live power",
                    "!!document.querySelector('.live-power') && /kW$/.test(document.querySelector('.live-power').innerText)");
            assertEquals("live", chromium.eval("document.getElementById('live').innerText").asText());
            chromium.await(Duration.ofSeconds(30), "the bus monitor with a request and the 303's answer in words and hex",
                    "document.getElementById('monitor').innerText.includes('REQ_UD2')"
                    + " && document.getElementById('monitor').innerText.includes('RSP_UD from 1, CI 72: KAM 82937133')"
                    + " && document.getElementById('monitor').innerText.includes('10 5B 01 5C 16')");

            // live: the poll count of the 303 grows while the page stays the same document
            chromium.eval("window.sameDocument = 'yes'");
            int polled = polls(chromium);
            chromium.await(Duration.ofSeconds(30), "more polls shown without a reload",
                    "parseInt(document.querySelector('[data-key=kam_82937133]').innerText.match(/(\\d+) polls/)[1]) > " + polled);
            assertEquals("yes", chromium.eval("window.sameDocument").asText(), "the page was not reloaded");

            // the chart of the history: hourly heat energy of the 403 over the last week
            chromium.eval("(() => { const m = document.getElementById('c-meter'); m.value = '" + METER + "';"
                    + " m.dispatchEvent(new Event('change'));"
                    + " const c = document.getElementById('c-counter'); c.value = 'heat_energy_kwh';"
                    + " const d = document.getElementById('c-days'); d.value = '7'; d.dispatchEvent(new Event('change')); })()");
            chromium.await(Duration.ofSeconds(30), "the chart drawn with the history's hours",
                    "parseInt(document.getElementById('chart').dataset.intervals || '0') >= 40"
                    + " && document.getElementById('c-csv').href.includes('meter=" + METER + "')"
                    + " && !!document.querySelector('#chart canvas')");
            JsonNode box = chromium.eval("(() => { const r = document.querySelector('#chart canvas').getBoundingClientRect();"
                    + " window.scrollTo(0, 0); return {x: r.x + window.scrollX, y: r.y + window.scrollY, w: r.width, h: r.height}; })()");
            BufferedImage chart = ImageIO.read(new ByteArrayInputStream(chromium.screenshot(box.get("x").asDouble(),
                    box.get("y").asDouble(), box.get("w").asDouble(), box.get("h").asDouble())));
            int bars = bluePixels(chart);
            assertTrue(bars > chart.getWidth() * chart.getHeight() / 50,
                    "the bars fill the chart: " + bars + " blue pixels of " + chart.getWidth() * chart.getHeight());

            // the CSV download, as the browser fetches it from the link
            String csv = chromium.eval("fetch(document.getElementById('c-csv').href).then(r => r.text())").asText();
            assertEquals("start,end,meter_key,counter,unit,amount,estimated", csv.lines().findFirst().orElse(""));
            Map<Instant, BigDecimal> expected = hoursOfTheHistory(start, end);
            Map<Instant, BigDecimal> found = new TreeMap<>();
            for (String line : csv.lines().skip(1).toList()) {
                String[] f = line.split(",");
                assertEquals(METER, f[2], line);
                assertEquals("heat_energy_kwh", f[3], line);
                assertEquals("kWh", f[4], line);
                Instant hour = OffsetDateTime.parse(f[0]).toInstant();
                if (expected.containsKey(hour)) {
                    found.put(hour, new BigDecimal(f[5]));
                    assertEquals("false", f[6], "an hour with a reading every five minutes is measured: " + line);
                }
            }
            assertEquals(expected.keySet(), found.keySet(), "every whole hour of the history is in the CSV (" + lines + " lines)");
            found.forEach((hour, amount) -> assertEquals(0, amount.compareTo(expected.get(hour)), hour + ": " + amount));

            // on a phone: nothing wider than the screen, the chart included
            chromium.call("Emulation.setDeviceMetricsOverride", Map.of("width", 390, "height", 844,
                    "deviceScaleFactor", 2, "mobile", true));
            chromium.await(Duration.ofSeconds(10), "the page within a phone's width",
                    "document.documentElement.scrollWidth <= 390"
                    + " && document.querySelector('#chart canvas').getBoundingClientRect().right <= 390");
        }
    }

    private static int polls(HeadlessChromium chromium) throws Exception {
        String text = chromium.eval("document.querySelector('[data-key=kam_82937133]').innerText").asText();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+) polls").matcher(text);
        assertTrue(m.find(), text);
        return Integer.parseInt(m.group(1));
    }

    /**
     * The history: a reading of {@link #METER} every five minutes from {@code start} to {@code end},
     * in the files the service keeps (a dated file per earlier day, named by the day in {@code zone}),
     * as the shipped routes write them.
     */
    private static int writeHistory(Path data, ZoneId zone, Instant start, Instant end) throws IOException {
        Files.createDirectories(data);
        LocalDate today = LocalDate.now(zone);
        int n = 0;
        BigDecimal kwh = START_KWH;
        for (Instant t = start; !t.isAfter(end); t = t.plus(Duration.ofMinutes(5))) {
            LocalDate day = LocalDate.ofInstant(t, zone);
            Path file = data.resolve(day.equals(today) ? "readings.jsonl" : "readings-" + day + ".jsonl");
            String line = "{\"type\":\"heat\",\"meter_key\":\"" + METER + "\",\"model\":\"MULTICAL 403\",\"read_at\":\"" + t
                    + "\",\"heat_energy_kwh\":" + kwh + ",\"heat_energy_gj\":" + kwh.multiply(new BigDecimal("0.0036"))
                    + ",\"volume_m3\":" + kwh.divide(new BigDecimal("50")) + "}\n";
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            kwh = kwh.add(STEP_KWH);
            n++;
        }
        // a dated file keeps the time of its last write: its day, for the reader
        try (var files = Files.list(data)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (name.startsWith("readings-")) {
                    LocalDate day = LocalDate.parse(name.substring(9, 19));
                    Files.setLastModifiedTime(f, FileTime.from(day.atTime(23, 59).atZone(zone).toInstant()));
                }
            }
        }
        return n;
    }

    /** Every whole hour from {@code start} to {@code end}: 12 steps of half a kWh. */
    private static Map<Instant, BigDecimal> hoursOfTheHistory(Instant start, Instant end) {
        Map<Instant, BigDecimal> hours = new TreeMap<>();
        for (Instant h = start; !h.plus(Duration.ofHours(1)).isAfter(end); h = h.plus(Duration.ofHours(1))) {
            hours.put(h, STEP_KWH.multiply(BigDecimal.valueOf(12)));
        }
        return hours;
    }

    /** Pixels of the bars' blue (stroke #1565c0, its translucent fill over white). */
    private static int bluePixels(BufferedImage image) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (b > 150 && b - r > 40) {
                    n++;
                }
            }
        }
        return n;
    }
}
