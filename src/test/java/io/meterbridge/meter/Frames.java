package io.meterbridge.meter;

import io.meterbridge.link.Frame;
import io.meterbridge.link.LongFrame;
import io.meterbridge.telegram.Hex;
import io.meterbridge.telegram.Telegram;
import io.meterbridge.telegram.TelegramDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Test frames from the classpath (the decoder's copies of the shared conformance sets), decoded. */
public final class Frames {

    private Frames() {
    }

    public static String resource(String name) {
        try (InputStream in = Frames.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new AssertionError("test resource " + name + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The names (without .hex) of the libmbus test frames. */
    public static List<String> libmbusTestFrames() {
        URL dir = Frames.class.getClassLoader().getResource("libmbus/test-frames");
        if (dir == null) {
            throw new AssertionError("test resources libmbus/test-frames are missing");
        }
        try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".hex"))
                    .map(n -> n.substring(0, n.length() - 4)).sorted().toList();
        } catch (IOException | URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    /** Link-layer parse, then application-layer decode of a whole long frame in hex. */
    public static Telegram decode(String hex) {
        try {
            Frame f = io.meterbridge.link.Frames.parse(Hex.parse(hex));
            LongFrame lf = (LongFrame) f;
            return TelegramDecoder.decode(lf.ci(), lf.data());
        } catch (Exception e) {
            throw new AssertionError("cannot decode " + hex + ": " + e, e);
        }
    }

    /** The primary address (A field) of a long frame in hex. */
    public static int address(String hex) {
        return Hex.parse(hex)[5] & 0xFF;
    }
}
