package io.meterbridge.camel.p1;

/**
 * What a {@code p1:} consumer has seen since it started.
 *
 * @param telegrams     good telegrams handed to the route (one exchange each)
 * @param crcErrors     telegrams dropped because their CRC-16 did not match (never published)
 * @param parityErrors  telegrams dropped because a character had a parity error (7E1, DSMR 2.2/3)
 * @param parseErrors   telegrams with a valid frame that could not be parsed
 * @param truncated     telegrams cut short (cable pulled, joined mid-telegram, bridge restarted)
 * @param oversized     telegrams longer than maxTelegramBytes
 * @param malformed     telegrams with something other than a CRC or CR LF after '!'
 * @param undecryptable encrypted telegrams that did not decrypt (wrong key, damaged on the line)
 * @param noiseBytes    bytes outside any telegram
 * @param bytes         bytes received in all
 * @param connects      times the port was opened
 * @param disconnects   times the port was lost (read failure, bridge gone, idle timeout)
 */
public record P1Statistics(long telegrams, long crcErrors, long parityErrors, long parseErrors, long truncated,
        long oversized, long malformed, long undecryptable, long noiseBytes, long bytes, long connects, long disconnects) {

    /** Telegrams dropped for any reason. */
    public long dropped() {
        return crcErrors + parityErrors + parseErrors + truncated + oversized + malformed + undecryptable;
    }
}
