package io.meterbridge.meter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.meterbridge.link.LongFrame;
import io.meterbridge.telegram.DataRecord;
import io.meterbridge.telegram.Function;
import io.meterbridge.telegram.Header;
import io.meterbridge.telegram.Quantity;
import io.meterbridge.telegram.SecondaryAddress;
import io.meterbridge.telegram.Value;
import io.meterbridge.telegram.Hex;
import io.meterbridge.telegram.Telegram;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Normaliser behaviour beyond the conformance sets: multi-telegram reads, configured units, profiles, errors. */
class NormalizerTest {

    static final Instant AT = Instant.parse("2026-11-21T03:00:00Z");

    /** The MULTICAL 403 telegram with its energy VIF replaced, checksum recomputed. */
    static Telegram multical403With(String energyVib) {
        String hex;
        try {
            hex = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(Frames.resource("kamstrup/multical403-heat.json")).get("hex").asText();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        byte[] frame = Hex.parse(hex);
        byte[] data = java.util.Arrays.copyOfRange(frame, LongFrame.DATA_OFFSET, frame.length - 2);
        String user = Hex.format(data).replace(" ", "");
        // header is 12 bytes (24 hex digits); the first record is 04 06 CE860000
        assertTrue(user.startsWith("0406CE860000", 24), user);
        String replaced = user.substring(0, 24) + energyVib + user.substring(28);
        LongFrame f = new LongFrame(frame[4] & 0xFF, frame[5] & 0xFF, frame[6] & 0xFF, Hex.parse(replaced));
        return Frames.decode(Hex.format(f.toBytes()));
    }

    @Test
    void multicalConfiguredForGigajoulesReportsGigajoules() {
        // VIF 0x0F = 10 MJ: 34510 × 10 MJ = 345.1 GJ
        HeatReading r = (HeatReading) new Normalizer().normalize(multical403With("040F"), 0x4A, AT);
        assertEquals(EnergyUnit.GJ, r.heatEnergy().unit());
        assertEquals(0, new BigDecimal("345.1").compareTo(r.heatEnergy().value()));
        assertEquals(0, new BigDecimal("95861.11111111111").compareTo(r.heatEnergy().kWh()), r.heatEnergy().kWh().toString());
        assertEquals("GJ", r.toMap().get("heat_energy_unit"));
    }

    @Test
    void multicalConfiguredForMegawattHoursReportsMegawattHours() {
        // FB 00 = 0.1 MWh: 34510 × 0.1 MWh = 3451 MWh
        HeatReading r = (HeatReading) new Normalizer().normalize(multical403With("04FB00"), 0x4A, AT);
        assertEquals(EnergyUnit.MWH, r.heatEnergy().unit());
        assertEquals(0, new BigDecimal("3451").compareTo(r.heatEnergy().value()));
        assertEquals(0, new BigDecimal("3451000").compareTo(r.heatEnergy().kWh()));
    }

    @Test
    void aMultiTelegramReadJoinsTheRecordsOfAllTelegrams() {
        String first = Frames.resource("libmbus/test-frames/svm_f22_telegram1.hex");
        String second = Frames.resource("libmbus/unsupported-frames/svm_f22_telegram2.hex");
        Telegram t1 = Frames.decode(first);
        Telegram t2 = Frames.decode(second);
        assertTrue(t1.moreRecordsFollow());
        Reading one = new Normalizer().normalize(t1, null, AT);
        Reading both = new Normalizer().normalize(List.of(t1, t2), null, AT);
        assertTrue(both.records().size() > one.records().size());
        assertEquals(t1.records().size() + t2.records().size() + tails(t1) + tails(t2), both.records().size());
        assertEquals(one.meter(), both.meter());
    }

    private static int tails(Telegram t) {
        return t.manufacturerData() != null && t.manufacturerData().length > 0 ? 1 : 0;
    }

    @Test
    void profilesAreChosenFromManufacturerVersionAndMedium() {
        assertEquals("MULTICAL 303", Profiles.choose("KAM", 0x40, 0x04).model());
        assertEquals("MULTICAL 403", Profiles.choose("KAM", 0x34, 0x04).model());
        assertEquals("MULTICAL 603", Profiles.choose("KAM", 0x35, 0x0D).model());
        assertEquals("MULTICAL 803", Profiles.choose("KAM", 0x39, 0x0C).model());
        assertEquals("MULTICAL 302", Profiles.choose("KAM", 0x30, 0x0A).model());
        assertEquals("MULTICAL 402", Profiles.choose("KAM", 0x19, 0x04).model());
        assertEquals("MULTICAL 602", Profiles.choose("KAM", 0x1C, 0x04).model());
        assertEquals("MULTICAL 601", Profiles.choose("KAM", 0x08, 0x04).model());
        assertEquals("kamstrup-multical", Profiles.choose("KAM", 0x34, 0x04).name());
        // an unknown Kamstrup version is a generic heat meter, a Kamstrup electricity meter is generic
        assertEquals("generic-heat", Profiles.choose("KAM", 0x7F, 0x04).name());
        assertEquals("Kamstrup heat meter, version 0x7F", Profiles.choose("KAM", 0x7F, 0x04).model());
        assertInstanceOf(GenericProfile.class, Profiles.choose("KAM", 0x01, 0x02));
        assertEquals("Landis+Gyr heat/cooling meter, version 0x07", Profiles.choose("LUG", 0x07, 0x0D).model());
        assertEquals("XYZ water meter, version 0x01", Profiles.choose("XYZ", 0x01, 0x07).model());
    }

    @Test
    void aKamstrupElectricityMeterIsKeptAsRecords() {
        String hex = Frames.resource("libmbus/test-frames/kamstrup_382_005.hex");
        Telegram t = Frames.decode(hex);
        GenericReading r = assertInstanceOf(GenericReading.class, new Normalizer().normalize(t, 0x78, AT));
        assertEquals("Kamstrup electricity meter, version 0x01", r.meter().model());
        assertTrue(r.toMap().keySet().stream().anyMatch(k -> k.startsWith("energy")), r.toMap().toString());
    }

    @Test
    void noTelegramIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Normalizer().normalize(List.of(), 1, AT));
        assertTrue(e.getMessage().contains("at least one telegram"));
        assertThrows(IllegalArgumentException.class, () -> new Normalizer(new BigDecimal("-1")));
    }

    @Test
    void aProfileThatFailsIsWarnedOnceWithTheMeterAndTheMeterIsReadGenerically() {
        // error flags declared 32-bit (data field 4) but carrying 8 bytes: unsigned they overflow
        // a long, and the heat profile's info code refuses the negative value. The decoder never
        // builds such a record; a profile bug is what this stands for.
        DataRecord flags = new DataRecord(12, "04", "FD17", 0x4, 0, 0, 0, Function.INSTANTANEOUS,
                Quantity.ERROR_FLAGS, "Error flags (binary)", "", new Value.Numeric(BigDecimal.ONE), List.of(), null,
                Hex.parse("FF FF FF FF FF FF FF FF"));
        Header header = new Header(SecondaryAddress.fromWire(Hex.parse("33 71 93 82 2D 2C 40 04"), 0), 1, 0, 0);
        Telegram t = new Telegram(0x72, Telegram.Kind.VARIABLE_DATA, header, List.of(flags), false, null, null, null,
                -1, null);
        Logger log = (Logger) LoggerFactory.getLogger(Normalizer.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        log.addAppender(logged);
        try {
            Normalizer normalizer = new Normalizer();
            GenericReading first = assertInstanceOf(GenericReading.class, normalizer.normalize(t, 1, AT));
            assertEquals("MULTICAL 303", first.meter().model());
            assertEquals(1, first.records().size(), "the record as sent");
            assertInstanceOf(GenericReading.class, normalizer.normalize(t, 1, AT));

            List<ILoggingEvent> warnings = logged.list.stream().filter(e -> e.getLevel() == Level.WARN).toList();
            assertEquals(1, warnings.size(), "once per meter, not at every poll: " + logged.list);
            String warning = warnings.get(0).getFormattedMessage();
            assertTrue(warning.startsWith("meter kam_82937133 (MULTICAL 303): the kamstrup-multical profile failed"),
                    warning);
            assertTrue(warning.contains("IllegalArgumentException: info code is unsigned"), warning);
            assertEquals(IllegalArgumentException.class.getName(), warnings.get(0).getThrowableProxy().getClassName());
        } finally {
            log.detachAppender(logged);
        }
    }
}
