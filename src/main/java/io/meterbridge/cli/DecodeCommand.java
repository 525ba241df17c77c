package io.meterbridge.cli;

import io.meterbridge.link.Frame;
import io.meterbridge.link.FrameFormatException;
import io.meterbridge.link.Frames;
import io.meterbridge.link.LongFrame;
import io.meterbridge.link.ShortFrame;
import io.meterbridge.telegram.DataRecord;
import io.meterbridge.telegram.FixedData;
import io.meterbridge.telegram.Header;
import io.meterbridge.telegram.Medium;
import io.meterbridge.telegram.Telegram;
import io.meterbridge.telegram.TelegramDecoder;
import io.meterbridge.telegram.TelegramFormatException;
import io.meterbridge.telegram.Value;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code meterbridge decode [--json] HEX-OR-FILE...|-}: decodes M-Bus frames given as hex text,
 * files of hex text, or lines on stdin. Exit status 0, or 2 if any input is not a decodable frame.
 */
@Command(name = "decode", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Decodes wired M-Bus frames (EN 13757-2 link layer, EN 13757-3 application layer).",
            "Each argument is a frame in hex (any white space and case), a file holding one frame in hex, "
                    + "or '-' to read one frame per line from standard input.",
            "Exit status: 0 if every frame decoded, 2 if any did not (its line says why and at which byte)."})
public final class DecodeCommand implements Callable<Integer> {

    /** Exit status when an input is not a decodable frame. */
    public static final int EXIT_UNDECODABLE = 2;

    @Option(names = "--json", description = "One JSON object per input, one per line (the stable contract).")
    boolean json;

    @Parameters(arity = "1..*", paramLabel = "HEX-OR-FILE", description = "Hex frame, file of hex, or '-' for stdin.")
    List<String> inputs = new ArrayList<>();

    @Spec
    CommandSpec spec;

    /** Standard input; replaceable for tests. */
    InputStream stdin = System.in;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        boolean allDecoded = true;
        for (String input : inputs) {
            if (input.equals("-")) {
                BufferedReader reader = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.ISO_8859_1));
                String line;
                int lineNo = 0;
                while ((line = reader.readLine()) != null) {
                    lineNo++;
                    if (line.isBlank()) {
                        continue;
                    }
                    allDecoded &= decodeOne("stdin:" + lineNo, line, out);
                }
            } else {
                Path path = looksLikeFile(input);
                String text = path != null ? Files.readString(path, StandardCharsets.ISO_8859_1) : input;
                allDecoded &= decodeOne(path != null ? input : "argument", text, out);
            }
        }
        out.flush();
        return allDecoded ? 0 : EXIT_UNDECODABLE;
    }

    private static Path looksLikeFile(String input) {
        try {
            Path p = Path.of(input);
            return Files.isRegularFile(p) ? p : null;
        } catch (RuntimeException e) {
            return null; // not a valid path on this system: treat as hex
        }
    }

    private boolean decodeOne(String source, String text, PrintWriter out) {
        Decoded d = decode(text);
        if (json) {
            out.println(TelegramJson.write(d.json()));
        } else {
            out.print(d.table(source));
        }
        return d.ok();
    }

    /** One input's outcome: its JSON and its readable table. */
    record Decoded(boolean ok, com.fasterxml.jackson.databind.node.ObjectNode json, Frame frame, Telegram telegram,
            String error, int offset) {

        String table(String source) {
            StringBuilder sb = new StringBuilder();
            if (!ok) {
                sb.append(source).append(": error at byte ").append(offset).append(": ").append(error).append('\n');
                return sb.toString();
            }
            if (!(frame instanceof LongFrame lf)) {
                if (frame instanceof ShortFrame s) {
                    sb.append(String.format("short frame  %s  C=0x%02X  A=%d%n", TelegramJson.shortFunction(s.control()),
                            s.control(), s.address()));
                } else {
                    sb.append("single character E5 (acknowledgement)\n");
                }
                return sb.toString();
            }
            sb.append(String.format("%s frame  C=0x%02X  A=%d  CI=0x%02X  (%s)%n",
                    lf.isControlFrame() ? "control" : "long", lf.control(), lf.address(), lf.ci(),
                    telegram.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ')));
            Header h = telegram.header();
            if (h != null) {
                if (h.address() != null) {
                    sb.append(String.format("  id %s  manufacturer %s  version 0x%02X  medium %s (0x%02X)%n",
                            h.address().idText(), h.address().manufacturerText(), h.address().version(),
                            Medium.name(h.address().medium()), h.address().medium()));
                }
                sb.append(String.format("  access number %d  status 0x%02X%s  signature 0x%04X%n", h.accessNumber(),
                        h.status(), statusText(h), h.signature()));
            }
            FixedData fd = telegram.fixedData();
            if (fd != null) {
                sb.append(String.format("  id %s  medium %s  access number %d  status 0x%02X%n", fd.idText(),
                        fd.mediumName(), fd.accessNumber(), fd.status()));
            }
            if (telegram.applicationError() != null) {
                sb.append(String.format("  application error %d: %s%n", telegram.applicationError().code(),
                        telegram.applicationError().text()));
            }
            if (telegram.kind() == Telegram.Kind.ALARM) {
                sb.append(String.format("  alarm status 0x%02X%n", telegram.alarmStatus()));
            }
            if (telegram.masterRequest() != null) {
                var m = telegram.masterRequest();
                sb.append("  master request: ").append(m.type().name().toLowerCase(Locale.ROOT).replace('_', ' '));
                if (m.selection() != null) {
                    sb.append(", select ").append(m.selection());
                }
                if (m.baudRate() != 0) {
                    sb.append(", ").append(m.baudRate()).append(" Bd");
                }
                sb.append('\n');
            }
            if (!telegram.records().isEmpty()) {
                sb.append(String.format("  %-3s %-6s %-8s %-10s %4s %3s %3s  %-13s %-48s %s%n", "#", "offset", "DIF",
                        "VIF", "stor", "tar", "sub", "function", "description", "value"));
                int i = 0;
                for (DataRecord r : telegram.records()) {
                    sb.append(String.format("  %-3d %-6d %-8s %-10s %4d %3d %3d  %-13s %-48s %s%n", i++, r.offset(),
                            r.dif(), r.vif(), r.storage(), r.tariff(), r.subunit(), r.function().jsonName(),
                            r.description(), valueText(r)));
                }
            }
            if (telegram.manufacturerData() != null) {
                sb.append("  manufacturer data: ").append(io.meterbridge.telegram.Hex.format(telegram.manufacturerData()))
                        .append('\n');
            }
            if (telegram.moreRecordsFollow()) {
                sb.append("  more records follow in the next telegram\n");
            }
            return sb.toString();
        }

        private static String statusText(Header h) {
            List<String> bits = new ArrayList<>();
            if (h.applicationStatus() != Header.ApplicationStatus.NO_ERROR) {
                bits.add(h.applicationStatus().name().toLowerCase(Locale.ROOT));
            }
            if (h.powerLow()) {
                bits.add("power low");
            }
            if (h.permanentError()) {
                bits.add("permanent error");
            }
            if (h.temporaryError()) {
                bits.add("temporary error");
            }
            if (h.manufacturerStatus() != 0) {
                bits.add("manufacturer bits " + h.manufacturerStatus());
            }
            return bits.isEmpty() ? "" : " (" + String.join(", ", bits) + ")";
        }

        private static String valueText(DataRecord r) {
            Value v = r.value();
            String unit = r.unit().isEmpty() ? "" : " " + r.unit();
            if (v instanceof Value.Numeric n) {
                return n.number().toPlainString() + unit;
            }
            if (v instanceof Value.Invalid inv) {
                return "invalid (" + inv.reason() + ")";
            }
            if (v instanceof Value.None) {
                return "(no data)";
            }
            String s = TelegramJson.record(r).get("value").asText();
            return v instanceof Value.Text ? "\"" + s + "\"" + unit : s + unit;
        }
    }

    /** Characters of the input a message quotes at most: a 10 MB line must not come back as a 10 MB message. */
    static final int QUOTED_CHARACTERS = 40;

    /**
     * Parses hex text to a frame and decodes it; never throws for bad input. Errors in the text say where in two
     * ways: the character of the input (1-based, what an editor shows) in the message, and, like every other
     * decode error, the byte of the frame (0-based) as the offset.
     */
    static Decoded decode(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length() / 2);
        int digit = -1;
        int tokenStart = 0;
        int tokenStartByte = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            if (Character.isWhitespace(c)) {
                if (digit >= 0) {
                    // Every white-space separated token must be whole bytes: "D 04 04 68" is not "D0 40 46 8…". Which
                    // digit of an odd token is the stray one nobody can tell, so the error points at the token's start.
                    return failure(String.format("expected two hex digits per byte, found an odd number of digits (%d) "
                            + "in '%s' (character %d of the input, byte %d of the frame)", i - tokenStart,
                            quote(text.substring(tokenStart, i)), tokenStart + 1, tokenStartByte), tokenStartByte);
                }
                tokenStart = i + 1;
                tokenStartByte = bytes.size();
                continue;
            }
            int v = Character.digit(c, 16);
            if (v < 0) {
                return failure(String.format("expected a hex digit, found '%s' (character %d of the input, byte %d of "
                        + "the frame)", printable(c), i + 1, bytes.size()), bytes.size());
            }
            if (digit < 0) {
                digit = v;
            } else {
                bytes.write(digit << 4 | v);
                digit = -1;
            }
        }
        byte[] b = bytes.toByteArray();
        Frame frame;
        try {
            frame = Frames.parse(b);
        } catch (FrameFormatException e) {
            return new Decoded(false, TelegramJson.error(e), null, null, strip(e.getMessage(), e.offset()), e.offset());
        }
        if (frame instanceof LongFrame lf) {
            try {
                Telegram t = TelegramDecoder.decode(lf.ci(), b, LongFrame.DATA_OFFSET, b.length - 2);
                return new Decoded(true, TelegramJson.frame(lf, t), lf, t, null, 0);
            } catch (TelegramFormatException e) {
                return new Decoded(false, TelegramJson.error(e), lf, null, e.reason(), e.offset());
            }
        }
        return new Decoded(true, TelegramJson.frame(frame), frame, null, null, 0);
    }

    private static Decoded failure(String message, int offset) {
        return new Decoded(false, TelegramJson.error(message, offset), null, null, message, offset);
    }

    private static String strip(String message, int offset) {
        String suffix = " (at byte " + offset + ")";
        return message.endsWith(suffix) ? message.substring(0, message.length() - suffix.length()) : message;
    }

    /** The first {@value #QUOTED_CHARACTERS} characters of {@code s}, and "…" if there were more. */
    private static String quote(String s) {
        return s.length() <= QUOTED_CHARACTERS ? s : s.substring(0, QUOTED_CHARACTERS) + "…";
    }

    private static String printable(char c) {
        return c < 0x20 || c > 0x7E ? String.format("\\u%04X", (int) c) : String.valueOf(c);
    }
}
