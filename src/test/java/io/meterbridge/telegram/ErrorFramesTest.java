package io.meterbridge.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * libmbus' error frames: the ten malformed ones are rejected with an error naming what was
 * expected, what was found and where; the ten CI 0x70 replies decode as application errors.
 */
class ErrorFramesTest {

    private static final String DIR = "libmbus/error-frames/";

    @Test
    void corpusHasTwentyErrorFrames() {
        assertEquals(20, Corpus.names("libmbus/error-frames").size());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            premature_end_of_data1   | expected 3 data bytes for DIF 0x8B, found only 0             | 32
            premature_end_of_data2   | expected 3 data bytes for DIF 0x8B, found only 2             | 32
            premature_end_of_dif1    | expected a DIFE after 0x8B, found the end of the user data   | 30
            premature_end_of_dif2    | expected a DIFE after 0x8B, found the end of the user data   | 31
            premature_end_of_var_vif1| expected 19 plain-text VIF characters, found only 6          | 44
            premature_end_of_vif1    | expected a VIF after the DIB, found the end of the user data | 31
            too_long_var_vif         | expected 243 plain-text VIF characters, found only 6         | 44
            too_many_dife            | expected at most 10 DIFEs, found an 11th                     | 40
            too_many_vife            | expected at most 10 VIFEs, found an 11th                     | 42
            too_short_header         | expected a 12-byte long header after CI 0x72, found only 5 bytes | 12
            """)
    void malformedFrameIsRejected(String name, String message, int offset) {
        byte[] frame = Corpus.frame(DIR + name + ".hex");
        TelegramFormatException e = assertThrows(TelegramFormatException.class, () -> Corpus.decodeLongFrame(frame));
        assertTrue(e.getMessage().contains(message), () -> "message: " + e.getMessage());
        assertEquals(offset, e.offset(), () -> "offset of: " + e.getMessage());
        assertTrue(e.getMessage().endsWith("(at byte " + offset + ")"), e.getMessage());
        assertTrue(e.offset() <= frame.length, "the offset lies within the frame");
    }

    private static final Pattern ERROR = Pattern.compile("<Error>(.*?)</Error>");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            application_busy         | 8 | application busy
            buffer_too_long          | 2 | buffer too long, truncated
            error                    | 0 | unspecified error
            premature_end_of_record  | 4 | premature end of record
            too_many_difes           | 5 | more than 10 DIFEs
            too_many_readouts        | 9 | too many readouts (for slaves with limited readouts per time)
            too_many_records         | 3 | too many records
            too_many_vifes           | 6 | more than 10 VIFEs
            unimplemented_ci         | 1 | unimplemented CI field
            unspecified_error        | 0 | unspecified error
            """)
    void applicationErrorIsDecoded(String name, int code, String text) throws Exception {
        Telegram t = Corpus.decodeLongFrame(Corpus.frame(DIR + name + ".hex"));
        assertEquals(Telegram.Kind.APPLICATION_ERROR, t.kind());
        assertEquals(0x70, t.ci());
        assertEquals(new ApplicationError(code, text), t.applicationError());
        assertEquals(List.of(), t.records());
        // the same meaning as libmbus' <Error> text (which has "DIFE´s", "CI-Field")
        Matcher m = ERROR.matcher(Corpus.text(DIR + name + ".xml"));
        assertTrue(m.find());
        String libmbus = m.group(1).toLowerCase().replace("´", "").replace("-", " ");
        assertTrue(text.toLowerCase().startsWith(libmbus), () -> libmbus + " vs " + text);
    }

    @Test
    void applicationErrorCodesOutsideTheTableAreNamedReserved() throws Exception {
        Telegram t = TelegramDecoder.decode(0x70, new byte[] {0x42});
        assertEquals(0x42, t.applicationError().code());
        assertNotNull(t.applicationError().text());
        assertTrue(t.applicationError().text().contains("reserved"));
    }
}
