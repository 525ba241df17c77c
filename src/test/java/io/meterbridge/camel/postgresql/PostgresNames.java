package io.meterbridge.camel.postgresql;

import java.util.Set;

/** The tables and views of schema meterbridge that the README and the Grafana dashboard name. */
final class PostgresNames {

    static final Set<String> RELATIONS = Set.of("reading", "reading_value", "counter_step", "heat_hourly", "heat_daily",
            "electricity_hourly", "electricity_daily");

    /** The views of consumption the dashboard may query. */
    static final Set<String> VIEWS = Set.of("heat_hourly", "heat_daily", "electricity_hourly", "electricity_daily");

    private PostgresNames() {
    }
}
