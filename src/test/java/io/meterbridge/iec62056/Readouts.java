package io.meterbridge.iec62056;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The published readouts of {@code src/test/resources/iec62056/} and data blocks made from them. */
final class Readouts {

    /** UH50 {@code /LUGCUH50} in GJ, ultraheat-api {@code tests/LUGCUH50_dummy_utf8.txt}; its BCC is published. */
    static final String UH50_GJ = "uh50-lugcuh50-gj-ultraheat-api.txt";
    /** The BCC that follows {@code !} in ultraheat-api's UH50 file (its ETX was lost in the stored copy). */
    static final int UH50_GJ_PUBLISHED_BCC = 'h';
    /** T550 in MWh, ultraheat-api {@code tests/LGUHT550_dummy_utf8.txt}: two empty lines for an identification, no BCC. */
    static final String T550_MWH = "t550-mwh-ultraheat-api.txt";
    /** UH50/T550 in MWh, psvanstrom/esphome-uh50reader {@code test/example_telegram.txt}: data lines only. */
    static final String UH50_MWH = "uh50-t550-mwh-esphome-uh50reader.txt";
    /** UH50 in GJ, berrydenhartog/ultraheat50 {@code tests/mockdata.py}: data lines only. */
    static final String UH50_GJ_2 = "uh50-gj-ultraheat50.txt";

    private Readouts() {
    }

    static byte[] resource(String name) {
        try (InputStream in = Readouts.class.getResourceAsStream("/iec62056/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource /iec62056/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The data lines of a published readout, CR LF each, with whatever stands before them in the
     * file (the identification line, empty lines) and the {@code !} line left out.
     */
    static String dataLines(String name) {
        String text = new String(resource(name), StandardCharsets.US_ASCII);
        StringBuilder lines = new StringBuilder(text.length());
        for (String line : text.split("\r\n")) {
            if (!line.isEmpty() && !line.startsWith("/") && !line.equals("!")) {
                lines.append(line).append("\r\n");
            }
        }
        return lines.toString();
    }

    /** STX, {@code dataLines}, {@code !} CR LF, ETX and the given BCC. */
    static byte[] block(String dataLines, int bcc) {
        byte[] body = (dataLines + "!\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] block = new byte[body.length + 3];
        block[0] = 0x02;
        System.arraycopy(body, 0, block, 1, body.length);
        block[body.length + 1] = 0x03;
        block[body.length + 2] = (byte) bcc;
        return block;
    }

    /** STX, {@code dataLines}, {@code !} CR LF, ETX and the BCC computed here. */
    static byte[] block(String dataLines) {
        byte[] block = block(dataLines, 0);
        block[block.length - 1] = (byte) Bcc.compute(block, 1, block.length - 1);
        return block;
    }

    /** STX, {@code body} exactly as given (no {@code !} line added), ETX and the BCC computed here. */
    static byte[] frame(String body) {
        byte[] text = body.getBytes(StandardCharsets.ISO_8859_1);
        byte[] block = new byte[text.length + 3];
        block[0] = 0x02;
        System.arraycopy(text, 0, block, 1, text.length);
        block[text.length + 1] = 0x03;
        block[text.length + 2] = (byte) Bcc.compute(block, 1, text.length + 2);
        return block;
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
