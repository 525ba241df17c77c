package io.meterbridge.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every corpus frame (libmbus test, error and unsupported frames; the Kamstrup telegrams) decodes
 * to exactly the records, values and errors it decoded to before the decoder was tuned for speed:
 * {@link TelegramDump} of each frame against {@code golden/telegram-dump.txt}. The file was
 * written by the decoder as of commit 18fb0e3, whose values the conformance tests check; to
 * regenerate it after an intended change, run with {@code -Dgolden.write=true} and review the diff.
 */
class DecoderGoldenTest {

    static final String[] FOLDERS = {"libmbus/test-frames", "libmbus/error-frames", "libmbus/unsupported-frames"};
    static final String[] KAMSTRUP = {"multical303-heat", "multical303-heat-cooling", "multical403-heat"};

    /** Corpus frames as (name, bytes), in a fixed order. */
    static List<Object[]> frames() {
        List<Object[]> out = new ArrayList<>();
        for (String folder : FOLDERS) {
            for (String name : Corpus.names(folder)) {
                String text = Corpus.text(folder + "/" + name + ".hex").strip();
                if (text.replaceAll("\\s", "").length() % 2 != 0) {
                    text = text.substring(0, text.length() - 1); // a deliberately cut error frame: whole bytes only
                }
                out.add(new Object[] {folder + "/" + name, Hex.parse(text)});
            }
        }
        for (String k : KAMSTRUP) {
            String json = Corpus.text("kamstrup/" + k + ".json");
            int start = json.indexOf("\"hex\": \"") + 8;
            out.add(new Object[] {"kamstrup/" + k, Hex.parse(json.substring(start, json.indexOf('"', start)))});
        }
        return out;
    }

    @Test
    void everyCorpusFrameDecodesAsBefore() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (Object[] f : frames()) {
            sb.append("# ").append(f[0]).append(' ').append(Hex.format((byte[]) f[1])).append('\n').append(TelegramDump.decodeAndDump((byte[]) f[1]));
        }
        String actual = sb.toString();
        if (Boolean.getBoolean("golden.write")) {
            Path p = Path.of("src/test/resources/golden/telegram-dump.txt");
            Files.writeString(p, actual, StandardCharsets.UTF_8);
        }
        String expected = Corpus.text("golden/telegram-dump.txt");
        List<String> e = expected.lines().toList();
        List<String> a = actual.lines().toList();
        for (int i = 0; i < Math.min(e.size(), a.size()); i++) {
            assertEquals(e.get(i), a.get(i), "line " + (i + 1) + " of golden/telegram-dump.txt");
        }
        assertEquals(e.size(), a.size(), "lines in golden/telegram-dump.txt");
    }
}
