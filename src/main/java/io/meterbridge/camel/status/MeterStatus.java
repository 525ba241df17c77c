package io.meterbridge.camel.status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.meterbridge.homeassistant.MeterAvailability;
import io.meterbridge.consumption.Counter;
import io.meterbridge.meter.KeyUnits;
import io.meterbridge.meter.ReadingKeys;

/**
 * What the board knows of one meter: its last reading, its recent polls and its availability.
 * Mutable, guarded by the {@link StatusBoard}'s lock; {@link #view} is the immutable copy the page gets.
 */
final class MeterStatus {

    /** The keys that say who the meter is: shown as its identity, not among its values. */
    private static final Set<String> IDENTITY = Set.of(ReadingKeys.TYPE, ReadingKeys.METER_KEY, ReadingKeys.MANUFACTURER,
            ReadingKeys.MANUFACTURER_NAME, ReadingKeys.MODEL, ReadingKeys.METER_ID, ReadingKeys.PRIMARY_ADDRESS,
            ReadingKeys.SECONDARY_ADDRESS, ReadingKeys.MEDIUM, ReadingKeys.MEDIUM_CODE, ReadingKeys.VERSION,
            ReadingKeys.READ_AT, ReadingKeys.INFO_ALARMS, ReadingKeys.INFO_TEXT);

    /** The identity keys the page shows as the meter's ids. */
    private static final List<String> IDS = List.of(ReadingKeys.MANUFACTURER_NAME, ReadingKeys.METER_ID,
            ReadingKeys.SECONDARY_ADDRESS, ReadingKeys.PRIMARY_ADDRESS, ReadingKeys.MEDIUM);

    private final String source;
    private final String address;
    private final int historySize;
    private final ArrayDeque<PollOutcome> polls;
    private String key;
    private String route;
    private Map<String, Object> last = Map.of();
    private Instant lastReadAt;
    private long polled;
    private long failed;
    private MeterAvailability availability = MeterAvailability.unknown();

    MeterStatus(String source, String address, int historySize) {
        this.source = source;
        this.address = address;
        this.historySize = historySize;
        this.polls = new ArrayDeque<>(historySize);
    }

    String key() {
        return key != null ? key : address != null ? source + " address " + address : source;
    }

    String source() {
        return source;
    }

    Instant lastReadAt() {
        return lastReadAt;
    }

    void read(String meterKey, String routeId, Map<String, Object> reading, Instant at, long millis) {
        key = meterKey != null ? meterKey : key;
        route = routeId;
        last = reading;
        lastReadAt = at;
        availability = availability.afterSuccess();
        add(new PollOutcome(at, true, millis, null));
    }

    void failed(String meterKey, String routeId, String error, Instant at, long millis, int offlineAfter) {
        key = meterKey != null ? meterKey : key;
        route = routeId;
        failed++;
        availability = availability.afterFailure(offlineAfter);
        add(new PollOutcome(at, false, millis, error));
    }

    private void add(PollOutcome outcome) {
        polled++;
        if (polls.size() == historySize) {
            polls.removeFirst();
        }
        polls.addLast(outcome);
    }

    /**
     * @param silentAfter for a meter that sends by itself (P1): offline when nothing came for this
     *                    long, as in Home Assistant; null for a polled meter
     */
    MeterView view(Instant now, Duration silentAfter) {
        Map<String, Object> values = new LinkedHashMap<>();
        last.forEach((k, v) -> {
            if (!IDENTITY.contains(k) && v != null) {
                values.put(k, v);
            }
        });
        String state = switch (availability.state()) {
            case ONLINE -> "online";
            case OFFLINE -> "offline";
            default -> "unknown";
        };
        if (silentAfter != null && lastReadAt != null && Duration.between(lastReadAt, now).compareTo(silentAfter) > 0) {
            state = "offline";
        }
        Object model = last.get(ReadingKeys.MODEL);
        Map<String, Object> ids = new LinkedHashMap<>();
        for (String k : IDS) {
            if (last.get(k) != null) {
                ids.put(k, last.get(k));
            }
        }
        return new MeterView(key(), source, address, route, model == null ? null : model.toString(), ids, lastReadAt,
                values, fields(values), counters(values), List.copyOf(polls), polled, failed, state, alarms(last));
    }

    /**
     * The values named and with their units. A register in the meter's own unit
     * ({@code heat_energy} beside {@code heat_energy_unit}) is left out: its kWh and GJ twins
     * ({@code heat_energy_kwh}, {@code heat_energy_gj}) show it, so it would be there three times
     * under one name.
     */
    private List<MeterView.Field> fields(Map<String, Object> values) {
        List<MeterView.Field> out = new ArrayList<>();
        values.forEach((k, v) -> {
            boolean text = v instanceof Number || v instanceof String;
            if (text && !k.endsWith("_unit") && !values.containsKey(k + "_unit")) {
                out.add(new MeterView.Field(k, KeyUnits.quantity(k).replace('_', ' '), v, KeyUnits.of(k, values)));
            }
        });
        return out;
    }

    /** The registers of {@code values} the consumption charts know, in {@link Counter}'s order. */
    private static List<String> counters(Map<String, Object> values) {
        List<String> out = new ArrayList<>();
        for (Counter c : Counter.values()) {
            if (values.get(c.key()) instanceof Number) {
                out.add(c.key());
            }
        }
        return out;
    }

    /** The alarms in words ({@code info_text} is {@code OK} or the alarms joined by {@code "; "}). */
    private static List<String> alarms(Map<String, Object> reading) {
        Object keys = reading.get(ReadingKeys.INFO_ALARMS);
        Object text = reading.get(ReadingKeys.INFO_TEXT);
        if (keys == null || keys.toString().isBlank() || text == null) {
            return List.of();
        }
        return List.of(text.toString().split("; "));
    }
}
