package io.meterbridge.link;

import io.meterbridge.telegram.SecondaryAddress;

/**
 * Something found by a scan.
 *
 * @param primaryAddress the A field of its answer (for a secondary scan: whatever primary
 *     address the meter has, often 0); -1 if unknown
 * @param secondaryAddress ID, manufacturer, version and medium from its long header (for a
 *     secondary-scan problem: the selection mask); null if unknown
 * @param telegram the first telegram it sent, for model names and a first look at its data;
 *     null if there is a problem
 * @param problem null for a meter that answered cleanly; otherwise what went wrong there
 *     (collision, acknowledges but sends no data)
 */
public record ScanHit(int primaryAddress, SecondaryAddress secondaryAddress, LongFrame telegram, String problem) {

    /** True if a meter answered cleanly. */
    public boolean ok() {
        return problem == null;
    }
}
