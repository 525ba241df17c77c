package io.meterbridge.camel.status;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One meter as the status page shows it: a snapshot, immutable, serialised as it is.
 *
 * @param key the meter's key ({@code kam_82937133}); until its first good read, where it is read
 * @param source the route input's base URI ({@code mbus://sim})
 * @param address the M-Bus address in that input, or null
 * @param route the id of the route that reads it
 * @param model the model the last reading named, or null before one
 * @param ids who the meter says it is: manufacturer, meter id, secondary address (those the last reading had)
 * @param lastReadAt when the last good reading was taken, or null
 * @param values the last reading's values by their reading key ({@code heat_energy_kwh})
 * @param fields the same values as the page lists them: named and with their units (the
 *               {@link io.meterbridge.meter.KeyUnits} of the key), a register in the meter's own
 *               unit left to its kWh and GJ twins
 * @param counters the keys of the registers whose consumption the charts show, of those the last
 *                 reading has ({@link io.meterbridge.consumption.Counter})
 * @param polls the last polls, oldest first (a P1 meter: its telegrams)
 * @param polled polls since start
 * @param failed failed polls since start
 * @param availability {@code online}, {@code offline} or {@code unknown}, by the rule Home
 *                     Assistant's availability topic follows
 * @param alarms the meter's info-code alarms in words (empty when none)
 */
public record MeterView(String key, String source, String address, String route, String model, Map<String, Object> ids,
        Instant lastReadAt,
        Map<String, Object> values, List<Field> fields, List<String> counters, List<PollOutcome> polls, long polled, long failed, String availability,
        List<String> alarms) {

    /** One value as the page shows it: {@code heat energy}, 13, {@code kWh} (unit null for a count or code). */
    public record Field(String key, String name, Object value, String unit) {
    }
}
