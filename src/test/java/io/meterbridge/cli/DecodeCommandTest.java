package io.meterbridge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meterbridge.telegram.Hex;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code decode} as a user runs it: arguments, files, stdin, JSON lines, exit status. */
class DecodeCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MC303 = "687A7A68088572337193822D2C40044310000004060D00000004143301000004FF077D00000004FF08720000000322AE1000332296000002594809025D170902613100022D0000122D5A00023B0000123B670502FF22000144060000000044140000000044FF070000000044FF0800000000522D0000523B0000426C0136A616";

    record Run(int exit, String out, String err) {
        List<JsonNode> json() throws IOException {
            List<JsonNode> nodes = new java.util.ArrayList<>();
            for (String line : out.split("\n")) {
                if (!line.isBlank()) {
                    nodes.add(JSON.readTree(line));
                }
            }
            return nodes;
        }
    }

    static Run run(InputStream stdin, String... args) {
        CommandLine cl = Main.commandLine();
        // Buffered writers over byte streams, as picocli's own on System.out and System.err: what a command
        // leaves unflushed is missing here too, as it would be when the JVM exits (a StringWriter hid that).
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        cl.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        cl.setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        DecodeCommand decode = cl.getSubcommands().get("decode").getCommand();
        decode.stdin = stdin;
        int exit = cl.execute(args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Run run(String... args) {
        return run(new ByteArrayInputStream(new byte[0]), args);
    }

    static String resource(String name) throws IOException {
        try (InputStream in = DecodeCommandTest.class.getResourceAsStream("/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void jsonContractOfAKamstrupFrame() throws IOException {
        Run r = run("decode", "--json", MC303);
        assertEquals(0, r.exit(), r.err());
        List<JsonNode> lines = r.json();
        assertEquals(1, lines.size());
        JsonNode j = lines.get(0);
        assertEquals(8, j.at("/frame/c").asInt());
        assertEquals(133, j.at("/frame/a").asInt());
        assertEquals(114, j.at("/frame/ci").asInt());
        JsonNode h = j.get("header");
        assertEquals("82937133", h.get("id").asText());
        assertEquals("KAM", h.get("manufacturer").asText());
        assertEquals(64, h.get("version").asInt());
        assertEquals("heat (outlet)", h.get("medium").asText());
        assertEquals(4, h.get("mediumCode").asInt());
        assertEquals(67, h.get("accessNumber").asInt());
        assertEquals(16, h.get("status").asInt());
        assertEquals(0, h.get("signature").asInt());
        JsonNode first = j.at("/records/0");
        assertEquals("04", first.get("dif").asText());
        assertEquals("06", first.get("vif").asText());
        assertEquals(0, first.get("storage").asInt());
        assertEquals("instantaneous", first.get("function").asText());
        assertEquals("energy", first.get("quantity").asText());
        assertEquals("Energy", first.get("description").asText());
        assertEquals("kWh", first.get("unit").asText());
        assertTrue(first.get("value").isIntegralNumber());
        assertEquals(13, first.get("value").asInt());
        assertTrue(j.get("moreRecordsFollow").isBoolean());
        assertTrue(j.get("manufacturerData").isNull());
        // the unset target date (42 6C 00 00 would be null); this meter's is set: 2024-06-01
        JsonNode date = j.at("/records/20");
        assertEquals("2024-06-01", date.get("value").asText());
        // volume 04 14 33 01 00 00 = 3.07 m³, written as a plain number
        assertTrue(r.out().contains("\"value\":3.07,"), r.out());
    }

    @Test
    void vifExponentIsApplied() throws IOException {
        // VIF 0x07 (10 kWh) with raw 13 is 130 kWh, written 130 (not 1.3E+2)
        byte[] data = Hex.parse("33 71 93 82 2D 2C 40 04 43 00 00 00 04 07 0D 00 00 00");
        String frame = Hex.format(frame(0x08, 1, 0x72, data));
        Run r = run("decode", "--json", frame);
        JsonNode rec = r.json().get(0).at("/records/0");
        assertEquals("kWh", rec.get("unit").asText());
        assertTrue(r.out().contains("\"value\":130,"), r.out());
    }

    @Test
    void oneLinePerInputInOrderAndExitTwoOnAnyFailure(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("frame.hex");
        Files.writeString(file, resource("libmbus/test-frames/EMU_EMU-Professional-375-M-Bus.hex"));
        String corrupt = MC303.substring(0, MC303.length() - 4) + "0016"; // wrong checksum
        Run r = run("decode", "--json", MC303, file.toString(), corrupt, "E5");
        assertEquals(2, r.exit());
        List<JsonNode> lines = r.json();
        assertEquals(4, lines.size());
        assertEquals("KAM", lines.get(0).at("/header/manufacturer").asText());
        assertEquals("EMU", lines.get(1).at("/header/manufacturer").asText());
        JsonNode error = lines.get(2).get("error");
        assertEquals(lines.get(2).size(), 1);
        assertTrue(error.get("message").asText().startsWith("expected checksum 0x"), error.toString());
        assertEquals(MC303.length() / 2 - 2, error.get("offset").asInt());
        assertEquals("ack", lines.get(3).at("/frame/type").asText());
    }

    @Test
    void applicationErrorIsNotAFailure() throws IOException {
        Run r = run("decode", "--json", resource("libmbus/error-frames/application_busy.hex"));
        assertEquals(0, r.exit());
        JsonNode e = r.json().get(0).get("applicationError");
        assertEquals(8, e.get("code").asInt());
        assertEquals("application busy", e.get("text").asText());
    }

    @Test
    void malformedRecordGivesMessageAndFrameOffset() throws IOException {
        Run r = run("decode", "--json", resource("libmbus/error-frames/too_many_vife.hex"));
        assertEquals(2, r.exit());
        JsonNode e = r.json().get(0).get("error");
        assertEquals("expected at most 10 VIFEs, found an 11th", e.get("message").asText());
        assertEquals(42, e.get("offset").asInt());
    }

    @Test
    void stdinOneFramePerLine() throws IOException {
        String lines = MC303 + "\n\n" + "68 04 04 68 08 01 70 08 81 16\r\n" + "10 5B 01 5C 16\n";
        Run r = run(new ByteArrayInputStream(lines.getBytes(StandardCharsets.US_ASCII)), "decode", "--json", "-");
        assertEquals(0, r.exit(), r.out());
        List<JsonNode> out = r.json();
        assertEquals(3, out.size());
        assertEquals("REQ_UD2", out.get(2).at("/frame/function").asText());
        assertEquals(1, out.get(2).at("/frame/a").asInt());
    }

    @Test
    void everyUnsupportedFrameIsHandledSensibly() throws IOException {
        String dir = "libmbus/unsupported-frames/";
        record Case(String name, String path, String expected) {
        }
        List<Case> cases = List.of(
                new Case("invalid_length", "/error/message", "expected a length field of at least 3 (C, A, CI), found 0"),
                new Case("invalid_length2", "/error/message", "expected 16 bytes of fixed data structure after CI 0x73, found 15"),
                new Case("manual_frame1", "/error/message",
                        "expected two hex digits per byte, found an odd number of digits (1) in 'D' (character 1 of "
                                + "the input, byte 0 of the frame)"),
                new Case("manual_frame4", "/records/0/quantity", "bus_address"),
                new Case("manual_frame5", "/records/0/value", "0102030424400104"),
                new Case("manual_frame6", "/masterRequest/type", "data_send"),
                new Case("svm_f22_telegram2", "/moreRecordsFollow", "true"));
        for (Case c : cases) {
            Run r = run("decode", "--json", resource(dir + c.name() + ".hex"));
            JsonNode j = r.json().get(0);
            assertEquals(c.expected(), j.at(c.path()).asText(), c.name() + ": " + r.out());
            assertEquals(j.has("error") ? 2 : 0, r.exit(), c.name());
        }
        JsonNode setAddress = run("decode", "--json", resource(dir + "manual_frame4.hex")).json().get(0);
        assertEquals("master_request", setAddress.get("kind").asText());
        assertEquals(8, setAddress.at("/records/0/value").asInt());
    }

    @Test
    void readableTableWithoutJson() {
        Run r = run("decode", MC303);
        assertEquals(0, r.exit());
        assertTrue(r.out().contains("id 82937133  manufacturer KAM  version 0x40  medium heat (outlet) (0x04)"), r.out());
        assertTrue(r.out().contains("status 0x10 (temporary error)"), r.out());
        assertTrue(r.out().contains("Energy"), r.out());
        assertTrue(r.out().contains("13 kWh"), r.out());
        assertTrue(r.out().contains("3.07 m³"), r.out());
    }

    @Test
    void garbageIsAClearError() throws IOException {
        Run r = run("decode", "--json", "68 1F zz");
        assertEquals(2, r.exit());
        JsonNode e = r.json().get(0).get("error");
        assertEquals("expected a hex digit, found 'z' (character 7 of the input, byte 2 of the frame)",
                e.get("message").asText());
        assertEquals(2, e.get("offset").asInt());
    }

    @Test
    void anOddTokenIsReportedAtItsStartAsCharacterAndAsByte() throws IOException {
        // "040" begins at character 4, in byte 1 (after 68): the stray digit may be any of its three
        Run r = run("decode", "--json", "68 040 4");
        assertEquals(2, r.exit());
        JsonNode e = r.json().get(0).get("error");
        assertEquals("expected two hex digits per byte, found an odd number of digits (3) in '040' (character 4 of the "
                + "input, byte 1 of the frame)", e.get("message").asText());
        assertEquals(1, e.get("offset").asInt());
        // without white space the whole line is one token, and it starts at byte 0
        JsonNode whole = run("decode", "--json", "680404686").json().get(0).get("error");
        assertEquals(0, whole.get("offset").asInt(), whole.toString());
        assertTrue(whole.get("message").asText().endsWith("(9) in '680404686' (character 1 of the input, byte 0 of "
                + "the frame)"), whole.toString());
        Run table = run("decode", "68 040 4");
        assertEquals(2, table.exit());
        assertEquals("argument: error at byte 1: expected two hex digits per byte, found an odd number of digits (3) "
                + "in '040' (character 4 of the input, byte 1 of the frame)\n", table.out());
    }

    @Test
    void aHugeLineIsQuotedShortInTheError() throws IOException {
        String line = "68 " + "AB".repeat(5_000_000) + "C"; // 10 MB of hex with one digit too many
        byte[] stdin = (line + "\n").getBytes(StandardCharsets.US_ASCII);
        Run json = run(new ByteArrayInputStream(stdin), "decode", "--json", "-");
        assertEquals(2, json.exit());
        JsonNode e = json.json().get(0).get("error");
        assertEquals("expected two hex digits per byte, found an odd number of digits (10000001) in '"
                + "AB".repeat(20) + "…' (character 4 of the input, byte 1 of the frame)", e.get("message").asText());
        assertEquals(1, e.get("offset").asInt());
        assertEquals(1, json.out().lines().count());
        Run table = run(new ByteArrayInputStream(stdin), "decode", "-");
        assertEquals(2, table.exit());
        assertTrue(table.out().length() < 300, "the table's error line quotes 40 characters: " + table.out().length());
        assertTrue(table.out().startsWith("stdin:1: error at byte 1: expected two hex digits"), table.out());
    }

    @Test
    void helpWorks() {
        Run r = run("decode", "--help");
        assertEquals(0, r.exit());
        assertTrue(r.out().contains("HEX-OR-FILE"));
    }

    static byte[] frame(int c, int a, int ci, byte[] data) {
        return new io.meterbridge.link.LongFrame(c, a, ci, data).toBytes();
    }
}
