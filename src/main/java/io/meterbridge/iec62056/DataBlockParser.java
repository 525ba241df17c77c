package io.meterbridge.iec62056;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the data message of a readout, {@code STX Data-block ! CR LF ETX BCC} (IEC 62056-21), into a
 * {@link DataBlock}.
 *
 * <p>A data block is lines ending in CR LF, each of one or more data sets
 * {@code Address(Value[*Unit])} written one after the other ({@code 6.8(0328.871*GJ)6.26(03329.67*m3)9.21(66153690)}),
 * then a line holding only {@code !}. The BCC is checked first, over the whole block, so that a byte
 * changed on the line is reported as the BCC mismatch it is and not as whatever the changed byte
 * happens to break; only a block whose BCC matches is read line by line. Every data set is kept,
 * known or not. What fails, fails with its line and its offset from STX, and nothing is guessed:
 * <ul>
 *   <li>no STX, no ETX (a block cut short), no BCC after ETX, bytes after the BCC;</li>
 *   <li>a byte with the eighth bit set: the characters are 7-bit, so the port is not set to 7E1;</li>
 *   <li>an address that is empty, longer than 16 characters, holds {@code ( ) / !} or a control
 *       character, or whose {@code *} is not followed by one to three digits;</li>
 *   <li>a value that is not closed by {@code )} on its line, holds {@code ( / !} or a control
 *       character, or is longer than 128 characters (the limit the standard sets for mode C; the
 *       standard's 32 for the other modes is exceeded by the UH50's own 53-character {@code 9.1}
 *       value, though the UH50 is read in mode B);</li>
 *   <li>CR without LF, a line without CR LF before ETX, no {@code !} line, anything but CR LF ETX after {@code !}.</li>
 * </ul>
 * An empty line (CR LF alone) holds no data set and is accepted.
 */
public final class DataBlockParser {

    public static final byte STX = 0x02;
    public static final byte ETX = 0x03;
    public static final int MAX_ADDRESS_LENGTH = 16;
    public static final int MAX_VALUE_LENGTH = 128;

    private DataBlockParser() {
    }

    /** Parses a whole block, STX through BCC. */
    public static DataBlock parse(byte[] block) throws Iec62056FormatException {
        return parse(block, 0, block.length);
    }

    /**
     * Parses {@code bytes[from]} (the STX) up to, not including, {@code bytes[to]} (one past the BCC).
     * Offsets in exceptions count from {@code from}.
     */
    public static DataBlock parse(byte[] bytes, int from, int to) throws Iec62056FormatException {
        return new Reader(bytes, from, to).read();
    }

    private static final class Reader {
        private final byte[] b;
        private final int from;
        private final int n;

        Reader(byte[] b, int from, int to) {
            this.b = b;
            this.from = from;
            this.n = to - from;
        }

        private int at(int i) {
            return b[from + i] & 0xFF;
        }

        private int lineAt(int offset) {
            int line = 1;
            for (int i = 1; i < offset && i < n; i++) {
                if (at(i) == '\n') {
                    line++;
                }
            }
            return line;
        }

        private Iec62056FormatException fail(String reason, int offset) {
            return new Iec62056FormatException(reason, offset, lineAt(offset));
        }

        private String found(int offset) {
            return Identification.describe(b[from + offset]);
        }

        DataBlock read() throws Iec62056FormatException {
            if (n <= 0) {
                throw fail("expected STX (0x02) starting the data block, found nothing", 0);
            }
            if (at(0) != STX) {
                throw fail("expected STX (0x02) starting the data block, found " + found(0), 0);
            }
            int etx = -1;
            for (int i = 1; i < n; i++) {
                if (at(i) >= 0x80) {
                    throw fail("expected 7-bit characters (is the port set to 7E1?), found " + found(i), i);
                }
                if (at(i) == ETX) {
                    etx = i;
                    break;
                }
            }
            if (etx < 0) {
                throw fail("expected ETX (0x03) ending the data block, found the end of the data after " + n + " bytes", n);
            }
            if (etx == n - 1) {
                throw fail("expected the BCC after ETX, found the end of the data", n);
            }
            if (n > etx + 2) {
                throw fail("expected nothing after the BCC, found " + (n - etx - 2) + " more bytes", etx + 2);
            }
            int expected = Bcc.compute(b, from + 1, from + etx + 1);
            int bcc = at(etx + 1);
            if (expected != bcc) {
                throw new Iec62056BccException(expected, bcc, etx + 1, lineAt(etx));
            }
            return lines(etx, bcc);
        }

        private DataBlock lines(int etx, int bcc) throws Iec62056FormatException {
            List<DataSet> dataSets = new ArrayList<>();
            int pos = 1;
            int line = 1;
            while (true) {
                int c = at(pos);
                if (c == '!') {
                    if (at(pos + 1) != '\r') {
                        throw fail("expected CR LF after '!', found " + found(pos + 1), pos + 1);
                    }
                    if (at(pos + 2) != '\n') {
                        throw fail("expected LF after CR, found " + found(pos + 2), pos + 2);
                    }
                    if (pos + 3 != etx) {
                        throw fail("expected ETX after '!' CR LF, found " + found(pos + 3), pos + 3);
                    }
                    return new DataBlock(dataSets, line - 1, bcc);
                }
                if (c == ETX) {
                    throw fail("expected the line '!' CR LF ending the data, found ETX", pos);
                }
                if (c == '\r') {
                    pos = endOfLine(pos);
                    line++;
                    continue;
                }
                if (!isAddressCharacter(c)) {
                    throw fail("expected a data set or '!' at the start of the line, found " + found(pos), pos);
                }
                while (true) {
                    pos = dataSet(pos, line, dataSets);
                    c = at(pos);
                    if (c == '\r') {
                        pos = endOfLine(pos);
                        line++;
                        break;
                    }
                    if (!isAddressCharacter(c)) {
                        throw fail("expected another data set or CR LF after '" + dataSets.get(dataSets.size() - 1).text()
                                + "', found " + found(pos), pos);
                    }
                }
            }
        }

        /** CR at {@code pos}: checks the LF, returns the offset after it. */
        private int endOfLine(int pos) throws Iec62056FormatException {
            if (at(pos + 1) != '\n') {
                throw fail("expected LF after CR, found " + found(pos + 1), pos + 1);
            }
            return pos + 2;
        }

        /** Reads one data set from {@code start}, returns the offset after its ')'. */
        private int dataSet(int start, int line, List<DataSet> out) throws Iec62056FormatException {
            int pos = start;
            while (at(pos) != '(') {
                if (!isAddressCharacter(at(pos))) {
                    throw fail("expected '(' after the address '" + text(start, pos) + "', found " + found(pos), pos);
                }
                if (pos - start == MAX_ADDRESS_LENGTH) {
                    throw fail("expected an address of at most " + MAX_ADDRESS_LENGTH + " characters, found '"
                            + text(start, pos + 1) + "…'", pos);
                }
                pos++;
            }
            String addressText = text(start, pos);
            DataSetAddress address = DataSetAddress.tryParse(addressText);
            if (address == null) {
                int star = addressText.indexOf('*');
                throw fail(star == 0
                        ? "expected an address before '*', found '" + addressText + "'"
                        : "expected one to three digits of the storage index after '*' in the address, found '" + addressText + "'",
                        start + star);
            }
            int open = pos++;
            while (at(pos) != ')') {
                int c = at(pos);
                if (c < 0x20 || c > 0x7E || c == '(' || c == '/' || c == '!') {
                    throw fail("expected ')' closing the data set '" + text(start, pos) + "', found " + found(pos), pos);
                }
                if (pos - open - 1 == MAX_VALUE_LENGTH) {
                    throw fail("expected a value of at most " + MAX_VALUE_LENGTH + " characters in the data set '"
                            + addressText + "(…', found more", pos);
                }
                pos++;
            }
            out.add(new DataSet(address, text(open + 1, pos), line, start));
            return pos + 1;
        }

        private String text(int start, int end) {
            return new String(b, from + start, end - start, StandardCharsets.US_ASCII);
        }

        private static boolean isAddressCharacter(int c) {
            return c >= 0x21 && c <= 0x7E && c != '(' && c != ')' && c != '/' && c != '!';
        }
    }
}
