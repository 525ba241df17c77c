package io.meterbridge.p1.dlms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meterbridge.meter.ElectricityReading;
import io.meterbridge.meter.P1Normalizer;
import io.meterbridge.meter.PhaseValues;
import io.meterbridge.p1.DstFlag;
import io.meterbridge.p1.ObisCode;
import io.meterbridge.p1.P1Telegram;
import io.meterbridge.p1.Phase;
import io.meterbridge.p1.Quantity;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Published HAN pushes decoded end to end: HDLC, data-notification, push list, and the DSMR
 * normaliser; expected values are those the publishing projects' own tests assert.
 */
class PushListTest {

    private static final Instant READ_AT = Instant.parse("2026-01-01T00:00:00Z");

    private static P1Telegram fromHdlc(byte[] frame) throws DlmsFormatException {
        List<Apdu> apdus = HdlcFramerTest.apdus(new HdlcFramer().feed(frame));
        assertEquals(1, apdus.size());
        return PushList.toTelegram(DataNotification.parse(apdus.get(0).bytes(), apdus.get(0).offset()));
    }

    private static void assertQuantity(String value, String unit, Quantity q) {
        assertEquals(0, new BigDecimal(value).compareTo(q.value()), () -> value + " != " + q);
        assertEquals(unit, q.unit());
    }

    @Test
    void kamstrupFlatListWithFixedScalers() throws DlmsFormatException {
        P1Telegram t = fromHdlc(HanFrames.KAMSTRUP_THREE_PHASE);
        assertEquals("KAM", t.header().manufacturer());
        assertEquals("Kamstrup_V0001", t.header().identification());
        assertEquals(LocalDateTime.of(2022, 1, 24, 18, 58, 50), t.timestamp().orElseThrow().local());
        assertEquals(DstFlag.WINTER, t.timestamp().orElseThrow().dst());
        assertQuantity("826", "W", t.powerImport().orElseThrow());
        assertQuantity("0", "W", t.powerExport().orElseThrow());
        assertQuantity("2.37", "A", t.current(Phase.L1).orElseThrow());
        assertQuantity("0.89", "A", t.current(Phase.L2).orElseThrow());
        assertQuantity("0.75", "A", t.current(Phase.L3).orElseThrow());
        assertQuantity("232", "V", t.voltage(Phase.L1).orElseThrow());
        assertQuantity("236", "V", t.voltage(Phase.L3).orElseThrow());
        assertEquals("6841138BN245101090", t.line(new ObisCode(1, 1, 96, 1, 1, 255)).orElseThrow().first().text());
        assertEquals("5706567326590407", t.line(new ObisCode(1, 1, 0, 0, 5, 255)).orElseThrow().first().text());
    }

    @Test
    void kamstrupReachesAnElectricityReadingThroughTheDsmrNormaliser() throws DlmsFormatException {
        ElectricityReading r = new P1Normalizer().normalize(fromHdlc(HanFrames.KAMSTRUP_THREE_PHASE), READ_AT);
        assertEquals("KAM", r.meter().manufacturer());
        assertEquals("5706567326590407", r.meter().id());
        assertEquals(0, new BigDecimal("0.826").compareTo(r.powerImportKw()));
        assertEquals(LocalDateTime.of(2022, 1, 24, 18, 58, 50), r.meterClock());
        PhaseValues l2 = r.phases().stream().filter(p -> p.phase() == 2).findFirst().orElseThrow();
        assertEquals(0, new BigDecimal("233").compareTo(l2.voltageV()));
        assertEquals(0, new BigDecimal("0.89").compareTo(l2.currentA()));
    }

    @Test
    void aidonList1PowerWithScalerUnit() throws DlmsFormatException {
        P1Telegram t = fromHdlc(HanFrames.AIDON_LIST_1);
        // 0x1D3A with scaler 0 and unit 27 (W)
        assertQuantity("7482", "W", t.powerImport().orElseThrow());
        assertTrue(t.timestamp().isEmpty());
    }

    @Test
    void aidonList3EnergiesScalersAndClock() throws DlmsFormatException {
        byte[] apdu = HanFrames.withoutLlc(HanFrames.AIDON_LIST_3_LLC);
        DataNotification n = DataNotification.parse(apdu, 0);
        assertEquals(0x40000000L, n.invokeIdAndPriority());
        assertTrue(n.dateTime().isEmpty());
        P1Telegram t = PushList.toTelegram(n);
        assertEquals("ADN", t.header().manufacturer());
        assertEquals("AIDON_V0001", t.header().identification());
        assertEquals("7359992892587665", t.equipmentId().orElseThrow());
        assertQuantity("280", "W", t.powerImport().orElseThrow());
        assertQuantity("227.6", "V", t.voltage(Phase.L1).orElseThrow());
        assertQuantity("230.3", "V", t.voltage(Phase.L2).orElseThrow());
        assertQuantity("1.3", "A", t.current(Phase.L1).orElseThrow());
        assertQuantity("0.9", "A", t.current(Phase.L3).orElseThrow());
        assertQuantity("22721380", "Wh", t.energyImportTotal().orElseThrow());
        assertEquals(LocalDateTime.of(2020, 1, 21, 16, 0, 0), t.timestamp().orElseThrow().local());

        ElectricityReading r = new P1Normalizer().normalize(t, READ_AT);
        assertEquals(0, new BigDecimal("22721.38").compareTo(r.importKwh()));
        assertEquals(0, BigDecimal.ZERO.compareTo(r.exportKwh()));
        assertEquals("7359992892587665", r.meter().id());
    }

    @Test
    void kaifaList2BareValuesInNveOrder() throws DlmsFormatException {
        DataNotification n = DataNotification.parse(HanFrames.withoutLlc(HanFrames.KAIFA_LIST_2_LLC), 0);
        P1Telegram t = PushList.toTelegram(n);
        assertEquals("KFM", t.header().manufacturer());
        assertEquals("KFM_001", t.header().identification());
        assertEquals("6970631402614476", t.equipmentId().orElseThrow());
        assertEquals(LocalDateTime.of(2020, 1, 25, 13, 9, 30), t.timestamp().orElseThrow().local());
        assertQuantity("9745", "W", t.powerImport().orElseThrow());
        assertQuantity("33.813", "A", t.current(Phase.L1).orElseThrow());
        assertQuantity("18.178", "A", t.current(Phase.L3).orElseThrow());
        assertQuantity("216.8", "V", t.voltage(Phase.L1).orElseThrow());
        assertQuantity("218.8", "V", t.voltage(Phase.L3).orElseThrow());
    }

    @Test
    void kaifaList3EnergiesThroughTheNormaliser() throws DlmsFormatException {
        DataNotification n = DataNotification.parse(HanFrames.withoutLlc(HanFrames.KAIFA_LIST_3_LLC), 0);
        ElectricityReading r = new P1Normalizer().normalize(PushList.toTelegram(n), READ_AT);
        assertEquals(0, new BigDecimal("79591.144").compareTo(r.importKwh()));
        assertEquals(0, new BigDecimal("4.904").compareTo(r.powerImportKw()));
        assertEquals(LocalDateTime.of(2020, 1, 25, 14, 0, 10), r.meterClock());
        assertEquals("6970631402614476", r.meter().id());
    }

    @Test
    void kaifaList1IsTheActivePowerAlone() throws DlmsFormatException {
        P1Telegram t = PushList.toTelegram(DataNotification.parse(HanFrames.withoutLlc(HanFrames.KAIFA_LIST_1_LLC), 0));
        assertQuantity("5852", "W", t.powerImport().orElseThrow());
        assertEquals(LocalDateTime.of(2019, 2, 4, 23, 52, 22), t.timestamp().orElseThrow().local());
    }

    @Test
    void kaifaHdlcFrameWithItsOwnAddressesAndControl() throws DlmsFormatException {
        HdlcFrame f = HdlcFrame.parse(HanFrames.KAIFA_LIST_1_HDLC, 0);
        assertEquals(0x01, f.destination());
        assertEquals(0x0201, f.source());
        assertEquals(0x10, f.control());
        P1Telegram t = fromHdlc(HanFrames.KAIFA_LIST_1_HDLC);
        assertQuantity("1320", "W", t.powerImport().orElseThrow());
        assertEquals(LocalDateTime.of(2017, 9, 12, 23, 18, 42), t.timestamp().orElseThrow().local());
    }

    @Test
    void anEncryptedApduIsNamedAsSuch() {
        byte[] apdu = HanFrames.withoutLlc(HanFrames.AIDON_LIST_3_LLC);
        apdu[0] = (byte) 0xDB;
        DlmsFormatException e = assertThrows(DlmsFormatException.class, () -> DataNotification.parse(apdu, 42));
        assertEquals("byte offset 42: expected data-notification tag 0F, found DB (general-glo-ciphering: the meter"
                + " encrypts, set decryptionKey)", e.getMessage());
    }

    @Test
    void aCutApduSaysWhereItEnded() {
        byte[] apdu = HanFrames.withoutLlc(HanFrames.AIDON_LIST_3_LLC);
        byte[] cut = Arrays.copyOf(apdu, 40);
        DlmsFormatException e = assertThrows(DlmsFormatException.class, () -> DataNotification.parse(cut, 0));
        // 0F, invoke id (4), no date-time, array 17, {logical name, "AIDON_V0001"}, structure of 2,
        // then the second logical name's 09 06 at 33..34: its 6 bytes start at 35, only 5 are left
        assertEquals("byte offset 35: expected 6 bytes of octet-string, found 5", e.getMessage());
    }

    @Test
    void aListOfBareValuesIsRefusedWithItsReason() throws DlmsFormatException {
        // Derived from Aidon list 1: the same value without its logical name, as NVE lists of Kaifa send them
        byte[] apdu = HanFrames.hex("0f40000000000102" + "0600001d3a" + "0600000000");
        DataNotification n = DataNotification.parse(apdu, 0);
        DlmsFormatException e = assertThrows(DlmsFormatException.class, () -> PushList.toTelegram(n));
        assertEquals("byte offset 0: expected a logical name (octet-string of 6 bytes) or a structure starting with one"
                + " in element 0, found DOUBLE_LONG_UNSIGNED (lists of bare values without OBIS codes are read only in"
                + " the NVE lists' sizes 1, 9, 13, 14 and 18)", e.getMessage());
    }

    @Test
    void unknownAxdrTagSaysWhichAndWhere() {
        byte[] apdu = HanFrames.hex("0f4000000000" + "01010203" + "0906 0100010700ff" + "07 00");
        DlmsFormatException e = assertThrows(DlmsFormatException.class, () -> DataNotification.parse(apdu, 0));
        assertEquals("byte offset 18: expected an A-XDR data tag, found 07", e.getMessage());
    }
}
