package io.meterbridge.camel.p1;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values of a telegram the test sent, read from its text with regular expressions of the
 * test's own, so that what the consumer publishes is checked against something it did not compute.
 *
 * @param clock     0-0:1.0.0 without the DST flag
 * @param importT1  1-0:1.8.1 in kWh
 * @param importT2  1-0:1.8.2 in kWh
 * @param exportT2  1-0:2.8.2 in kWh
 * @param powerKw   1-0:1.7.0 in kW
 * @param voltageL1 1-0:32.7.0 in V
 * @param gasM3     the M-Bus channel 1 value in m3
 */
record SentTelegram(LocalDateTime clock, BigDecimal importT1, BigDecimal importT2, BigDecimal exportT2,
        BigDecimal powerKw, BigDecimal voltageL1, BigDecimal gasM3) {

    private static final DateTimeFormatter TST = DateTimeFormatter.ofPattern("yyMMddHHmmss");

    static SentTelegram of(byte[] telegram) {
        String t = new String(telegram, StandardCharsets.US_ASCII);
        return new SentTelegram(
                LocalDateTime.parse(find(t, "0-0:1\\.0\\.0\\((\\d{12})[SW]\\)"), TST),
                new BigDecimal(find(t, "1-0:1\\.8\\.1\\(([0-9.]+)\\*kWh\\)")),
                new BigDecimal(find(t, "1-0:1\\.8\\.2\\(([0-9.]+)\\*kWh\\)")),
                new BigDecimal(find(t, "1-0:2\\.8\\.2\\(([0-9.]+)\\*kWh\\)")),
                new BigDecimal(find(t, "1-0:1\\.7\\.0\\(([0-9.]+)\\*kW\\)")),
                new BigDecimal(find(t, "1-0:32\\.7\\.0\\(([0-9.]+)\\*V\\)")),
                new BigDecimal(find(t, "0-1:24\\.2\\.[13]\\(\\d{12}[SW]\\)\\(([0-9.]+)\\*m3\\)")));
    }

    private static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new AssertionError("no " + regex + " in the telegram sent:\n" + text);
        }
        return m.group(1);
    }
}
