package io.meterbridge.p1;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Combinators;

import java.nio.charset.StandardCharsets;

/**
 * Damaged telegrams (bytes replaced, as line noise does) never make the parser or any typed accessor
 * throw anything but {@link P1FormatException}: bad lines become {@link P1Telegram#problems()}.
 */
class P1ParserRobustnessTest {

    private static final String[] FILES = {"dsmr22-iskra-mt382.txt", "dsmr3-kamstrup-162.txt", "dsmr42-kaifa.txt",
        "dsmr5-iskra-am550-two-mbus.txt", "belgium-emucs-fluvius.txt", "sagemcom-eon-hungary.txt", "sweden-sagemcom-s211.txt"};

    record Damage(int file, int position, byte replacement) {
    }

    @Provide
    Arbitrary<Damage> damage() {
        return Combinators.combine(Arbitraries.integers().between(0, FILES.length - 1),
                Arbitraries.integers().between(1, 4000),
                Arbitraries.of((byte) '(', (byte) ')', (byte) '*', (byte) '\n', (byte) ':', (byte) '-', (byte) '.',
                        (byte) 'S', (byte) 'W', (byte) '9', (byte) 'x', (byte) 0, (byte) 0xFF))
                .as(Damage::new);
    }

    @Property(tries = 500)
    void damagedTelegramsNeverThrowUnexpectedly(@ForAll("damage") Damage d1, @ForAll("damage") Damage d2) {
        byte[] t = Telegrams.bytes(FILES[d1.file()]).clone();
        for (Damage d : new Damage[] {d1, d2}) {
            int p = d.position() % (t.length - 1);
            if (p > 0) {
                t[p] = d.replacement();
            }
        }
        String text = new String(t, StandardCharsets.ISO_8859_1);
        // Bypass the CRC: the frame contents are what is being tested.
        int bang = text.lastIndexOf('!');
        String body = bang > 0 ? text.substring(0, bang + 1) : text;
        try {
            P1Telegram tel = P1Parser.parse(new P1Frame(body.getBytes(StandardCharsets.ISO_8859_1), 0,
                    java.util.OptionalInt.empty()));
            exercise(tel);
        } catch (P1FormatException expected) {
            // a clear, located error is fine
        }
    }

    static void exercise(P1Telegram t) {
        t.timestamp().ifPresent(ts -> ts.toInstant(P1Timestamp.CENTRAL_EUROPE));
        t.versionInformation();
        t.equipmentId();
        for (int tariff = 1; tariff <= 4; tariff++) {
            t.energyImport(tariff);
            t.energyExport(tariff);
        }
        t.energyImportTotal();
        t.energyExportTotal();
        t.tariffIndicator();
        t.powerImport();
        t.powerExport();
        for (Phase p : Phase.values()) {
            t.voltage(p);
            t.current(p);
            t.powerImport(p);
            t.powerExport(p);
            t.voltageSags(p);
            t.voltageSwells(p);
        }
        t.powerFailures();
        t.longPowerFailures();
        t.powerFailureLog();
        t.textMessage();
        t.textMessageCode();
        t.averageDemand();
        t.maximumDemandMonth();
        t.peakDemandHistory();
        t.mbusChannels().forEach(c -> c.reading());
        t.unknownLines();
        t.version();
    }
}
