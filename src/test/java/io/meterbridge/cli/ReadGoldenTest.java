package io.meterbridge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code read --port sim} of both simulated meters, in a JVM of its own as a user runs it, against
 * golden files under {@code cli/}: every line of the table, every byte of the JSON.
 *
 * <p>The simulator's values follow its clock ({@code Multical303}/{@code Multical403} derive them
 * from the time since switch-on); {@link FrozenSimMain} stops that clock, so the meters send their
 * switch-on telegrams, which are the real Kamstrup samples. The one thing left that depends on time
 * is how long the read took ({@code in N ms} in the table's first line, {@code "millis":N} in the
 * JSON): only that is replaced, and each replacement must happen exactly where expected.
 * To regenerate after an intended change: {@code -Dgolden.write=true}, then review the diff.
 */
class ReadGoldenTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void tableOfTheOneTelegramMeterHasEveryRecord() throws Exception {
        check("read-1.txt", read("--address", "1"), Pattern.compile("(?m)^(meter 1 on .*, 1 telegram in )\\d+( ms)"), 1);
    }

    @Test
    void tableOfTheTwoTelegramMeterHasEveryRecordOfBoth() throws Exception {
        check("read-89.txt", read("--address", "89"), Pattern.compile("(?m)^(meter 89 on .*, 2 telegrams in )\\d+( ms)"),
                1);
    }

    @Test
    void jsonOfTheOneTelegramMeter() throws Exception {
        check("read-1.jsonl", read("--address", "1", "--json"), Pattern.compile("(\"millis\":)\\d+(,)"), 1);
    }

    @Test
    void jsonOfTheTwoTelegramMeter() throws Exception {
        check("read-89.jsonl", read("--address", "89", "--json"), Pattern.compile("(\"millis\":)\\d+(,)"), 2);
    }

    /** The --json contract: each line is what {@code decode --json} prints for that telegram's bytes, plus "link". */
    @Test
    void jsonIsDecodeJsonOfTheSameBytesPlusLink() throws Exception {
        for (String address : List.of("1", "89")) {
            List<String> lines = read("--address", address, "--json").lines().toList();
            assertEquals(address.equals("1") ? 1 : 2, lines.size());
            for (String line : lines) {
                // compared as text: parsing would turn 0.00 into 0.0 and hide a change of the number format
                Matcher link = Pattern.compile(",\"link\":(\\{[^{}]*\\})}$").matcher(line);
                assertTrue(link.find(), "link is the last member: " + line);
                String hex = JSON.readTree(link.group(1)).get("hex").asText();
                DecodeCommandTest.Run decoded = DecodeCommandTest.run("decode", "--json", hex);
                assertEquals(0, decoded.exit(), decoded.out());
                assertEquals(decoded.out().strip(), line.substring(0, link.start()) + "}", "address " + address);
            }
        }
    }

    /** stdout of {@code meterbridge read --port sim ARGS} on the stopped clock; exit 0 and nothing on stderr. */
    private static String read(String... args) throws Exception {
        String[] all = new String[args.length + 3];
        all[0] = "read";
        all[1] = "--port";
        all[2] = "sim";
        System.arraycopy(args, 0, all, 3, args.length);
        CliProcess.Result r = CliProcess.run(FrozenSimMain.class, all);
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.err());
        return r.out();
    }

    /** Compares with {@code cli/NAME} after replacing {@code timing}'s number by {@code <ms>}, which must match {@code times} times. */
    private static void check(String name, String actual, Pattern timing, int times) throws IOException {
        Matcher m = timing.matcher(actual);
        StringBuilder sb = new StringBuilder();
        int found = 0;
        while (m.find()) {
            found++;
            m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + "<ms>" + m.group(2)));
        }
        m.appendTail(sb);
        assertEquals(times, found, "time of the read in " + name + ":\n" + actual);
        String normalised = sb.toString();
        if (Boolean.getBoolean("golden.write")) {
            Files.writeString(Path.of("src/test/resources/cli/" + name), normalised, StandardCharsets.UTF_8);
        }
        String expected;
        try (InputStream in = ReadGoldenTest.class.getResourceAsStream("/cli/" + name)) {
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> e = expected.lines().toList();
        List<String> a = normalised.lines().toList();
        for (int i = 0; i < Math.min(e.size(), a.size()); i++) {
            assertEquals(e.get(i), a.get(i), "line " + (i + 1) + " of cli/" + name);
        }
        assertEquals(e.size(), a.size(), "lines in cli/" + name + ":\n" + normalised);
        assertEquals(expected, normalised, "cli/" + name);
    }
}
