package io.meterbridge.p1.dlms;

import java.util.HexFormat;

/**
 * Real HAN pushes published by other projects, as bytes; where each comes from is in
 * {@code src/test/resources/dlms/README.md}.
 */
public final class HanFrames {

    /**
     * Kamstrup Omnipower three-phase, 10-second list, a whole HDLC frame with flags, captured
     * 2022-01-24 18:58:50 (amshan, github.com/toreamun/amshan, tests/test_kamstrup.py, MIT; the same
     * frame is in u9n/dlms-cosem examples/parse_norwegian_han.py, MIT).
     */
    public static final byte[] KAMSTRUP_THREE_PHASE = hex("7EA0E22B2113239AE6E7000F000000000C07E6011801123A32FF800000"
            + "02190A0E4B616D73747275705F563030303109060101000005FF0A103537303635363733323635393034303709060101600101FF"
            + "0A1236383431313338424E32343531303130393009060101010700FF060000033A09060101020700FF0600000000090601010307"
            + "00FF060000006809060101040700FF06000000B0090601011F0700FF06000000ED09060101330700FF0600000059090601014707"
            + "00FF060000004B09060101200700FF1200E809060101340700FF1200E909060101480700FF1200EC84467E");

    /** Aidon, list 1 (power only), a whole HDLC frame (u9n/dlms-cosem examples/parse_norwegian_han.py, MIT). */
    public static final byte[] AIDON_LIST_1 = hex("7ea02a410883130413e6e7000f40000000000101020309060100010700ff0600001d3a02020f00161b16f97e");

    /**
     * Aidon three-phase list 3 (hourly, with energies and clock), the LLC PDU without HDLC
     * (amshan tests/test_aidon.py, MIT).
     */
    public static final byte[] AIDON_LIST_3_LLC = hex("e6e7000f40000000000111"
            + "020209060101000281ff0a0b4149444f4e5f5630303031"
            + "020209060000600100ff0a1037333539393932383932353837363635"
            + "020209060000600107ff0a0436353235020309060100010700ff0600000118"
            + "02020f00161b020309060100020700ff060000000002020f00161b020309060100030700ff0600000000"
            + "02020f00161d020309060100040700ff060000008002020f00161d0203090601001f0700ff10000d"
            + "02020fff1621020309060100470700ff10000902020fff1621020309060100200700ff1208e4"
            + "02020fff1623020309060100340700ff1208ff02020fff1623020309060100480700ff120905"
            + "02020fff1623020209060000010000ff090c07e4011502100000ff000000"
            + "020309060100010800ff060022ab8a02020f01161e020309060100020800ff0600000000"
            + "02020f01161e020309060100030800ff060000e38302020f011620020309060100040800ff0600029b5b"
            + "02020f011620");

    /** Kaifa list 1, LLC PDU (amshan tests/test_kaifa.py, MIT); its date-time is tagged 09 0C. */
    public static final byte[] KAIFA_LIST_1_LLC = hex("e6e7000f40000000090c07e3020401173416ff800000020106000016dc");

    /** Kaifa MA304H3E three-phase list 2, LLC PDU (amshan tests/test_kaifa.py, MIT). */
    public static final byte[] KAIFA_LIST_2_LLC = hex("e6e7000f40000000090c07e40119060d091eff800000020d"
            + "09074b464d5f303031091036393730363331343032363134343736" + "09084d413330344833450600002611"
            + "06000000000600000000" + "06000001b30600008415" + "0600006dc70600004702" + "06000008780600000000"
            + "060000088c");

    /** Kaifa MA304H3E three-phase list 3 (hourly, with energies), LLC PDU (amshan tests/test_kaifa.py, MIT). */
    public static final byte[] KAIFA_LIST_3_LLC = hex("e6e7000f40000000090c07e40119060e000aff8000000212"
            + "09074b464d5f303031091036393730363331343032363134343736" + "09084d41333034483345"
            + "06000013280600000000" + "06000000000600000179" + "06000038eb0600003d1b" + "06000025350600000891"
            + "0600000000060000089d" + "090c07e40119060e000aff800000" + "0604be76e80600000000" + "06000d922d060030feb4");

    /**
     * Kaifa list 1 as a whole HDLC frame (an I-frame, control 0x10), received 2017-09-12 23:18:43
     * (AmsToMqttBridge, github.com/roarfred/AmsToMqttBridge, Samples, Kaifa readme).
     */
    public static final byte[] KAIFA_LIST_1_HDLC = hex("7EA027010201105A87E6E7000F40000000090C07E1090C0217122AFF80000002010600000528B80C7E");

    private HanFrames() {
    }

    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    /** The APDU of an LLC PDU: without E6 E7 00. */
    static byte[] withoutLlc(byte[] llcPdu) {
        return java.util.Arrays.copyOfRange(llcPdu, 3, llcPdu.length);
    }
}
