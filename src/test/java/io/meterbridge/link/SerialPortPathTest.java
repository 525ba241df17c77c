package io.meterbridge.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import io.meterbridge.sim.PtyLink;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A port setting that names something other than a serial device — a directory, a regular file, a
 * named pipe — is said to be that, for M-Bus and P1 lines alike, instead of "port is busy or
 * locked" from the errno that jSerialComm gets; and a real pseudo-terminal still opens and carries bytes.
 */
class SerialPortPathTest {

    private static final String MBUS_HINT = "; give the M-Bus adapter's device: /dev/ttyUSB0, /dev/ttyACM0, "
            + "/dev/serial/by-id/… (list them with: ls -l /dev/serial/by-id/ /dev/ttyUSB* /dev/ttyACM*)";

    @TempDir
    Path dir;

    private static PortUnavailableException mbusOpen(Path port) {
        SerialTransport t = new SerialTransport(BusSettings.of(port.toString()));
        return assertThrows(PortUnavailableException.class, t::open);
    }

    @Test
    void aDirectoryIsSaidToBeADirectory() {
        PortUnavailableException e = mbusOpen(dir);
        assertEquals(dir + ": is a directory, not a serial device" + MBUS_HINT, e.getMessage());
        assertEquals(dir.toString(), e.port());
        assertEquals("is a directory, not a serial device", e.problem());
    }

    @Test
    void aRegularFileIsSaidToBeARegularFile() throws Exception {
        Path file = Files.writeString(dir.resolve("hostname"), "meterbridge\n");
        assertEquals(file + ": is a regular file, not a serial device" + MBUS_HINT, mbusOpen(file).getMessage());
    }

    @Test
    void aLinkToADirectoryNamesBothTheLinkAndWhereItLeads() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("ttyMBUS"), Files.createDirectory(dir.resolve("sub")));
        assertEquals(link + ": is a directory (" + dir.resolve("sub").toRealPath() + "), not a serial device" + MBUS_HINT,
                mbusOpen(link).getMessage());
    }

    @Test
    void aNamedPipeIsSaidToBeOne() throws Exception {
        Path fifo = dir.resolve("fifo");
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        } catch (java.io.IOException noMkfifo) {
            Assumptions.abort("no mkfifo here");
            return;
        }
        Assumptions.assumeTrue(mkfifo.waitFor() == 0 && Files.exists(fifo), "mkfifo failed");
        assertEquals(fifo + ": is a named pipe (FIFO), not a serial device" + MBUS_HINT, mbusOpen(fifo).getMessage());
    }

    @Test
    void aP1LineGetsTheSameWordsWithItsOwnDevice() throws Exception {
        Path file = Files.writeString(dir.resolve("p1.log"), "/ISK5\\2M550T-1012\r\n");
        SerialTransport p1 = SerialTransport.stream(file.toString(), 115200, Parity.NONE, "P1 cable");
        PortUnavailableException e = assertThrows(PortUnavailableException.class, p1::open);
        assertEquals(file + ": is a regular file, not a serial device; give the P1 cable's device: /dev/ttyUSB0, "
                + "/dev/ttyACM0, /dev/serial/by-id/… (list them with: ls -l /dev/serial/by-id/ /dev/ttyUSB* /dev/ttyACM*)",
                e.getMessage());
        assertFalse(p1.isOpen());
    }

    @Test
    void aRealPseudoTerminalStillOpensAndCarriesBytes() throws Exception {
        Assumptions.assumeTrue(PtyLink.socatAvailable(), "socat is not installed (.ci/run installs it)");
        try (PtyLink pty = PtyLink.open(dir.resolve("master"), dir.resolve("slave"))) {
            assertNull(SerialPorts.notACharacterDevice(pty.masterSide().toRealPath()), "a pty is a character device");
            SerialTransport master = new SerialTransport(BusSettings.of(pty.masterSide().toString()));
            SerialTransport slave = SerialTransport.stream(pty.slaveSide().toString(), 2400, Parity.NONE, "test");
            try {
                master.open();
                slave.open();
                assertTrue(master.isOpen() && slave.isOpen());
                byte[] sent = {0x10, 0x5B, 0x01, 0x5C, 0x16}; // REQ_UD2 to meter 1
                master.write(sent);
                byte[] got = new byte[sent.length];
                int n = 0;
                long end = System.nanoTime() + 5_000_000_000L;
                while (n < got.length && System.nanoTime() < end) {
                    n += slave.read(got, n, got.length - n, 500_000_000L);
                }
                assertArrayEquals(sent, Arrays.copyOf(got, n));
            } finally {
                master.close();
                slave.close();
            }
        }
    }
}
