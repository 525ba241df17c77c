package io.meterbridge.consumption;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileLinesTest {

    @TempDir
    Path dir;

    final List<String> seen = new ArrayList<>();

    FileLines.End read(String content) throws Exception {
        Path f = dir.resolve("f.jsonl");
        Files.writeString(f, content);
        return FileLines.read(f, new FileLines.Sink() {
            @Override
            public void line(long number, byte[] bytes, int offset, int length) {
                seen.add(number + ":" + new String(bytes, offset, length, StandardCharsets.UTF_8));
            }

            @Override
            public void tooLong(long number) {
                seen.add(number + ": too long");
            }
        });
    }

    @Test
    void linesEndInLfOrCrLfAndTheBytesAfterTheLastAreUnfinished() throws Exception {
        FileLines.End end = read("a\r\n\nb\n{\"c\":");
        assertEquals(List.of("1:a", "2:", "3:b"), seen);
        assertEquals(new FileLines.End(3, 5), end);
    }

    @Test
    void aFileThatEndsInALineEndHasNoUnfinishedLine() throws Exception {
        assertEquals(new FileLines.End(1, 0), read("é\n"));
        assertEquals(List.of("1:é"), seen);
        assertEquals(new FileLines.End(0, 0), read(""));
    }

    @Test
    void linesLongerThanTheBufferAndAcrossItsEnd() throws Exception {
        String a = "a".repeat(65_535);
        String b = "b".repeat(200_000);
        read(a + "\n" + b + "\nc\n");
        assertEquals(List.of("1:" + a, "2:" + b, "3:c"), seen);
    }

    @Test
    void aLineOfMoreThanAMebibyteIsReportedNotHeld() throws Exception {
        FileLines.End end = read("a\n" + "x".repeat(3 * FileLines.MAX_LINE) + "\nb\n" + "y".repeat(FileLines.MAX_LINE + 1));
        assertEquals(List.of("1:a", "2: too long", "3:b"), seen);
        assertEquals(new FileLines.End(3, FileLines.MAX_LINE + 1), end);
    }
}
