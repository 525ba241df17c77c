package io.meterbridge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code decode --json} and the readable table are byte-identical, on every corpus frame, to what
 * the decoder printed before it was tuned for speed ({@code golden/decode-json.txt},
 * {@code golden/decode-text.txt}, written as of commit 18fb0e3; since then only manual_frame1's error message
 * changed, to name the byte of the frame beside the character of the input). To regenerate after an intended
 * change: {@code -Dgolden.write=true}, then review the diff.
 */
class DecodeGoldenTest {

    private static final String[] FOLDERS = {"libmbus/test-frames", "libmbus/error-frames",
        "libmbus/unsupported-frames", "io/meterbridge/sim"};

    private static List<String> files() throws IOException, URISyntaxException {
        List<String> out = new ArrayList<>();
        for (String folder : FOLDERS) {
            Path dir = Path.of(DecodeGoldenTest.class.getResource("/" + folder).toURI());
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(p -> p.toString().endsWith(".hex")).sorted().forEach(p -> out.add(p.toString()));
            }
        }
        return out;
    }

    private static void check(String golden, String actual) throws IOException {
        if (Boolean.getBoolean("golden.write")) {
            Files.writeString(Path.of("src/test/resources/golden/" + golden), actual, StandardCharsets.UTF_8);
        }
        String expected;
        try (InputStream in = DecodeGoldenTest.class.getResourceAsStream("/golden/" + golden)) {
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> e = expected.lines().toList();
        List<String> a = actual.lines().toList();
        for (int i = 0; i < Math.min(e.size(), a.size()); i++) {
            assertEquals(e.get(i), a.get(i), "line " + (i + 1) + " of golden/" + golden);
        }
        assertEquals(e.size(), a.size(), "lines in golden/" + golden);
        assertEquals(expected, actual);
    }

    @Test
    void jsonOfEveryCorpusFrameIsUnchanged() throws Exception {
        List<String> args = new ArrayList<>(List.of("decode", "--json"));
        List<String> files = files();
        args.addAll(files);
        DecodeCommandTest.Run r = DecodeCommandTest.run(args.toArray(String[]::new));
        assertEquals(files.size(), r.out().lines().count(), "one JSON line per input");
        check("decode-json.txt", r.out());
    }

    @Test
    void tableOfEveryCorpusFrameIsUnchanged() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (String f : files()) {
            DecodeCommandTest.Run r = DecodeCommandTest.run("decode", f);
            sb.append("# ").append(Path.of(f).getFileName()).append(" exit ").append(r.exit()).append('\n')
                    .append(r.out()).append(r.err());
        }
        // error lines name the file they read: keep the golden file independent of the checkout's path
        String root = Path.of(DecodeGoldenTest.class.getResource("/").toURI()).toString() + "/";
        check("decode-text.txt", sb.toString().replace(root, "<test-classes>/"));
    }
}
