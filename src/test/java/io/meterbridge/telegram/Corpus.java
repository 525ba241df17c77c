package io.meterbridge.telegram;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The libmbus and Kamstrup test material under src/test/resources, read tolerantly. */
final class Corpus {

    private Corpus() {
    }

    /** Names (without .hex) of the .hex files in a resource folder, sorted. */
    static List<String> names(String folder) {
        URL url = Corpus.class.getResource("/" + folder);
        if (url == null) {
            throw new IllegalStateException("test resource folder missing: " + folder);
        }
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".hex"))
                    .map(n -> n.substring(0, n.length() - 4)).sorted().toList();
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(String resource) {
        try (InputStream in = Corpus.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("test resource missing: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean exists(String resource) {
        return Corpus.class.getResource("/" + resource) != null;
    }

    /** The bytes of a .hex file: any white space between the two-digit tokens. */
    static byte[] frame(String resource) {
        return Hex.parse(text(resource));
    }

    /**
     * The application layer of a long frame {@code 68 L L 68 C A CI data CS 16}, decoded with
     * frame offsets. The link layer is checked here only as far as needed to find the user data;
     * the link package has its own tests.
     */
    static Telegram decodeLongFrame(byte[] f) throws TelegramFormatException {
        if (f.length < 9 || (f[0] & 0xFF) != 0x68 || (f[3] & 0xFF) != 0x68 || f[1] != f[2]
                || (f[1] & 0xFF) + 6 != f.length) {
            throw new IllegalArgumentException("not a long frame: " + Hex.format(f));
        }
        return TelegramDecoder.decode(f[6] & 0xFF, f, 7, f.length - 2);
    }

    /** Builds a long frame around C, A, CI and user data (checksum and stop byte added). */
    static byte[] longFrame(int c, int a, int ci, byte[] data) {
        byte[] f = new byte[data.length + 9];
        f[0] = 0x68;
        f[1] = (byte) (data.length + 3);
        f[2] = f[1];
        f[3] = 0x68;
        f[4] = (byte) c;
        f[5] = (byte) a;
        f[6] = (byte) ci;
        System.arraycopy(data, 0, f, 7, data.length);
        int cs = 0;
        for (int i = 4; i < f.length - 2; i++) {
            cs += f[i] & 0xFF;
        }
        f[f.length - 2] = (byte) cs;
        f[f.length - 1] = 0x16;
        return f;
    }
}
