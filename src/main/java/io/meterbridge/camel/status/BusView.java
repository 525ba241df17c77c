package io.meterbridge.camel.status;

import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One bus or head as the page and the metrics see it: its kind ({@code mbus}, {@code optical},
 * {@code p1}), its port, and its counters by the names of the statistics record they come from
 * ({@code BusStatistics}, {@code OpticalStatistics}, {@code P1Statistics}), so that a counter added
 * there shows up here without a second list of names.
 */
public record BusView(String kind, String port, Map<String, Long> counters) {

    /** The long components of a statistics record, in declaration order. */
    static BusView of(String kind, String port, Record statistics) {
        Map<String, Long> counters = new LinkedHashMap<>();
        for (RecordComponent c : statistics.getClass().getRecordComponents()) {
            if (c.getType() == long.class) {
                try {
                    counters.put(c.getName(), (Long) c.getAccessor().invoke(statistics));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + c.getName() + " of " + statistics, e);
                }
            }
        }
        return new BusView(kind, port, java.util.Collections.unmodifiableMap(counters));
    }
}
