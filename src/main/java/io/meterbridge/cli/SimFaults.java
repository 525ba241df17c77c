package io.meterbridge.cli;

import io.meterbridge.sim.Fault;
import io.meterbridge.sim.UltraheatFault;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * The {@code simulate --fault KIND[:N|:P%]} options of the optical simulators: which kinds each
 * simulator knows, by the names the command line uses, and how an option reads.
 */
final class SimFaults {

    /** {@code --fault} kinds as the command line names them (constants, for the help text), in the order of the faults below. */
    static final String KMP_NAMES = "no-answer, late, crc, truncate, noise, echo";
    static final String IEC_NAMES = "no-answer, deep-sleep, bcc, truncate";
    static final Map<String, Fault> KMP = kinds(KMP_NAMES, Fault.NO_ANSWER, Fault.LATE_ANSWER,
            Fault.BAD_CHECKSUM, Fault.TRUNCATED, Fault.NOISE, Fault.ECHO);
    static final Map<String, UltraheatFault> IEC = kinds(IEC_NAMES, UltraheatFault.NO_ANSWER,
            UltraheatFault.SLEEPING, UltraheatFault.BAD_BCC, UltraheatFault.TRUNCATED);

    private SimFaults() {
    }

    @SafeVarargs
    private static <F> Map<String, F> kinds(String names, F... faults) {
        String[] n = names.split(", ");
        if (n.length != faults.length) {
            throw new IllegalStateException("expected a name for each of " + faults.length + " faults, found " + n.length);
        }
        Map<String, F> m = new LinkedHashMap<>();
        for (int i = 0; i < n.length; i++) {
            m.put(n[i], faults[i]);
        }
        return m;
    }

    /** A fault asked for with {@code --fault}: a count of next answers, or a share of them. */
    record Option<F>(String name, F fault, int times, double share) {
        String describe() {
            // the percentage without a trailing .0, as the user wrote it
            return share >= 0 ? name + " on " + new BigDecimal(Double.toString(share * 100)).stripTrailingZeros()
                    .toPlainString() + "% of answers" : name + " on the next " + (times == 1 ? "answer" : times + " answers");
        }
    }

    /** Parses the {@code --fault} options against the kinds this simulator ({@code mode}) knows. */
    static <F> List<Option<F>> parse(List<String> options, Map<String, F> kinds, String mode, CommandLine commandLine) {
        List<Option<F>> out = new ArrayList<>();
        for (String text : options) {
            int colon = text.indexOf(':');
            String name = (colon < 0 ? text : text.substring(0, colon)).trim().toLowerCase(Locale.ROOT);
            F fault = kinds.get(name);
            if (fault == null) {
                throw new ParameterException(commandLine, "--fault " + text + ": unknown fault '" + name + "' for "
                        + mode + "; expected one of " + String.join(", ", kinds.keySet()));
            }
            String amount = colon < 0 ? "1" : text.substring(colon + 1).trim();
            try {
                if (amount.endsWith("%")) {
                    double percent = Double.parseDouble(amount.substring(0, amount.length() - 1));
                    if (!(percent > 0 && percent <= 100)) {
                        throw new NumberFormatException();
                    }
                    out.add(new Option<>(name, fault, 0, percent / 100));
                } else {
                    int times = Integer.parseInt(amount);
                    if (times < 1) {
                        throw new NumberFormatException();
                    }
                    out.add(new Option<>(name, fault, times, -1));
                }
            } catch (NumberFormatException e) {
                throw new ParameterException(commandLine, "--fault " + text + ": expected how many next answers "
                        + "(" + name + ":3, at least 1) or what share of them (" + name + ":10%, above 0 up to 100%), "
                        + "found '" + amount + "'");
            }
        }
        return out;
    }
}
