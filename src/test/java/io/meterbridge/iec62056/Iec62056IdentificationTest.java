package io.meterbridge.iec62056;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Identification lines, baud rate characters and the messages the master sends. Real identifications
 * from the sources of src/test/resources/iec62056/README.md: {@code /LUGCUH50} (Landis+Gyr UH50,
 * ultraheat-api and Home Assistant's logs), {@code /ISk5MT171-0133} and {@code /ISk5\2MT382-1000}
 * (Iskra, lvzon/dsmr-p1-parser's IEC 62056-21 notes), {@code /Els6\2EK280} (Elster EK280,
 * pwitab/iec62056-21's tests).
 */
class Iec62056IdentificationTest {

    private static Iec62056FormatException malformed(String line) {
        return assertThrows(Iec62056FormatException.class, () -> Identification.parse(line));
    }

    @Test
    void landisGyrUh50IsModeBAt2400() throws Exception {
        Identification id = Identification.parse("/LUGCUH50\r\n");
        assertEquals("LUG", id.manufacturer());
        assertEquals('C', id.baudCharacter());
        assertEquals(ProtocolMode.B, id.mode());
        assertEquals(2400, id.baudRate());
        assertEquals("UH50", id.ident());
        assertEquals(Optional.empty(), id.enhanced());
        assertFalse(id.shortReactionTime());
        assertFalse(id.binaryModeAvailable());
        assertEquals("/LUGCUH50", id.text());
        assertArrayEquals(Readouts.ascii("/LUGCUH50\r\n"), id.bytes());
    }

    @Test
    void iskraMt171IsModeCAt9600WithShortReactionTime() throws Exception {
        Identification id = Identification.parse("/ISk5MT171-0133\r\n");
        assertEquals("ISk", id.manufacturer());
        assertEquals(ProtocolMode.C, id.mode());
        assertEquals(9600, id.baudRate());
        assertEquals("MT171-0133", id.ident());
        assertTrue(id.shortReactionTime(), "lower-case third letter: 20 ms minimum reaction time");
    }

    @Test
    void enhancedIdentificationAnnouncesTheBinaryMode() throws Exception {
        Identification iskra = Identification.parse("/ISk5\\2MT382-1000\r\n");
        assertEquals(Optional.of('2'), iskra.enhanced());
        assertTrue(iskra.binaryModeAvailable());
        assertEquals("MT382-1000", iskra.ident());
        assertEquals(ProtocolMode.C, iskra.mode(), "mode E is read out in mode C");
        assertEquals("/ISk5\\2MT382-1000", iskra.text());

        Identification elster = Identification.parse("/Els6\\2EK280\r\n");
        assertEquals("Els", elster.manufacturer());
        assertEquals(19200, elster.baudRate());
        assertEquals("EK280", elster.ident());
        assertTrue(elster.binaryModeAvailable());
    }

    @Test
    void anEnhancedCharacterOtherThanTwoIsKeptButIsNoBinaryMode() throws Exception {
        Identification id = Identification.parse("/ABC3\\0X\r\n");
        assertEquals(Optional.of('0'), id.enhanced());
        assertFalse(id.binaryModeAvailable());
        assertEquals("X", id.ident());
    }

    @ParameterizedTest
    @CsvSource({"0,300", "1,600", "2,1200", "3,2400", "4,4800", "5,9600", "6,19200"})
    void modeCDigits(char z, int rate) throws Exception {
        Identification id = Identification.parse("/ABC" + z + "METER\r\n");
        assertEquals(ProtocolMode.C, id.mode());
        assertEquals(rate, id.baudRate());
        assertEquals(z, ProtocolMode.C.character(rate));
    }

    @ParameterizedTest
    @CsvSource({"A,600", "B,1200", "C,2400", "D,4800", "E,9600", "F,19200"})
    void modeBLetters(char z, int rate) throws Exception {
        Identification id = Identification.parse("/ABC" + z + "METER\r\n");
        assertEquals(ProtocolMode.B, id.mode());
        assertEquals(rate, id.baudRate());
        assertEquals(z, ProtocolMode.B.character(rate));
    }

    @ParameterizedTest
    @ValueSource(chars = {'7', '8', '9', 'G', 'H', 'I'})
    void reservedBaudCharacters(char z) {
        Iec62056FormatException e = malformed("/ABC" + z + "METER\r\n");
        assertEquals("expected a baud rate character of mode " + (Character.isDigit(z) ? "C" : "B") + ", found '" + z
                + "', which is reserved", e.reason());
        assertEquals(4, e.offset());
        assertEquals(1, e.lineNumber());
    }

    @ParameterizedTest
    @ValueSource(chars = {'J', 'Z', 'a', '@', '?', ':'})
    void anyOtherCharacterIsModeAAt300(char z) throws Exception {
        Identification id = Identification.parse("/ABC" + z + "METER\r\n");
        assertEquals(ProtocolMode.A, id.mode());
        assertEquals(300, id.baudRate());
    }

    @Test
    void modesWithoutACharacterForARate() {
        assertEquals("mode B has no baud rate character for 300 Bd",
                assertThrows(IllegalArgumentException.class, () -> ProtocolMode.B.character(300)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> ProtocolMode.A.character(300));
        assertThrows(IllegalArgumentException.class, () -> ProtocolMode.C.character(115200));
        assertThrows(IllegalArgumentException.class, () -> ProtocolMode.of('/'));
        assertEquals("'7' is not a baud rate character of mode C (reserved)",
                assertThrows(IllegalArgumentException.class, () -> ProtocolMode.C.baudRate('7')).getMessage());
        assertEquals('3', ProtocolMode.modeCCharacterAtMost(3000));
        assertEquals('0', ProtocolMode.modeCCharacterAtMost(300));
    }

    @Test
    void malformedIdentifications() {
        // ultraheat-api's non-UTF-8 file shows the UH50 identification without its '/'
        Iec62056FormatException e = malformed("LUGCUH50\r\n");
        assertEquals("expected '/' starting the identification, found 'L'", e.reason());
        assertEquals(0, e.offset());

        e = malformed("/LUG\r\n");
        assertEquals("expected an identification '/XXXZ<ident>' CR LF of at least 7 bytes, found 6 bytes '/LUG<0D><0A>'",
                e.reason());

        e = malformed("/L1GCUH50\r\n");
        assertEquals("expected a letter of the manufacturer's three, found '1'", e.reason());
        assertEquals(2, e.offset());

        e = malformed("/LUG!UH50\r\n");
        assertEquals("expected the baud rate character after the manufacturer, found '!'", e.reason());
        assertEquals(4, e.offset());

        e = malformed("/LUGCUH50\n\n");
        assertEquals("expected CR LF ending the identification, found LF LF", e.reason());
        assertEquals(9, e.offset());

        e = malformed("/LUGCUH5!\r\n");
        assertEquals("expected a printable identification character other than '/' and '!', found '!'", e.reason());
        assertEquals(8, e.offset());

        e = malformed("/LUGC12345678901234567\r\n");
        assertEquals("expected at most 16 identification characters after '/XXXZ', found 17", e.reason());
        assertEquals(21, e.offset());

        e = malformed("/LUG5\\xMETER\r\n");
        assertEquals("expected the enhanced identification character (a digit) after '\\', found 'x'", e.reason());
        assertEquals(6, e.offset());

        assertEquals("expected '/' starting the identification, found nothing (line 1, byte 0)", malformed("").getMessage());
    }

    @Test
    void requestMessages() {
        assertArrayEquals(Readouts.ascii("/?!\r\n"), RequestMessage.ANY.bytes());
        // pwitab/iec62056-21 tests: the request with a device address
        assertArrayEquals(Readouts.ascii("/?45678903!\r\n"), new RequestMessage("45678903").bytes());
        assertThrows(IllegalArgumentException.class, () -> new RequestMessage("12!3"));
        assertThrows(IllegalArgumentException.class, () -> new RequestMessage("1".repeat(33)));
    }

    @Test
    void optionSelectMessages() {
        assertArrayEquals(new byte[] {0x06, '0', '3', '0', '\r', '\n'}, OptionSelectMessage.dataReadout('3').bytes());
        assertEquals(2400, OptionSelectMessage.dataReadout('3').baudRate());
        // pwitab/iec62056-21 tests: "\x06051\r\n", programming mode at 9600 Bd
        assertArrayEquals(Readouts.ascii("\u0006051\r\n"), new OptionSelectMessage('0', '5', '1').bytes());
        assertThrows(IllegalArgumentException.class, () -> OptionSelectMessage.dataReadout('C'));
        assertThrows(IllegalArgumentException.class, () -> OptionSelectMessage.dataReadout('7'));
        assertThrows(IllegalArgumentException.class, () -> new OptionSelectMessage('3', '5', '0'));
    }

    @Test
    void wakeUps() {
        WakeUp uh50 = WakeUp.landisGyrUltraheat();
        assertEquals(40, uh50.nulCount());
        assertEquals(Duration.ZERO, uh50.pauseAfter());
        assertEquals(Duration.ofMillis(1333), uh50.duration(300));
        assertArrayEquals(new byte[40], uh50.bytes());

        WakeUp battery = WakeUp.battery();
        assertEquals(66, battery.nulCount());
        assertEquals(Duration.ofMillis(2200), battery.duration(300));
        assertEquals(Duration.ofMillis(1600), battery.pauseAfter());

        assertEquals(63, WakeUp.ofDuration(Duration.ofMillis(2100), 300, Duration.ZERO).nulCount());
        assertEquals(0, WakeUp.NONE.bytes().length);
        assertThrows(IllegalArgumentException.class, () -> new WakeUp(-1, Duration.ZERO));
    }
}
