package io.meterbridge.camel.postgresql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.meterbridge.camel.testing.PostgresServer;
import io.meterbridge.camel.testing.ServiceHome;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The schema against a real PostgreSQL: Flyway creates it on an empty database and a second run
 * changes nothing; the tables and views the README and the Grafana dashboard name exist; and the
 * views give the consumption per hour and day the documented rule says for a known series
 * (a step counted in the bucket of the later reading, a counter that goes down adding nothing);
 * and every query of the Grafana dashboard (docs/grafana) runs on it, naming only those views.
 */
class PostgresSchemaTest {

    private static PostgresServer server;
    private static PGSimpleDataSource dataSource;
    private static long sequence = 1;

    @BeforeAll
    static void startServer() throws Exception {
        server = PostgresServer.start();
        dataSource = new PGSimpleDataSource();
        dataSource.setUrl(server.url());
        dataSource.setUser("postgres");
        SchemaMigration.migration(dataSource).migrate();
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aSecondMigrationAppliesNothingAndTheNamedTablesAndViewsExist() throws Exception {
        MigrateResult again = SchemaMigration.migration(dataSource).migrate();
        assertEquals(0, again.migrationsExecuted, "a second run of the migration");
        assertEquals("2", again.initialSchemaVersion);
        Set<String> relations = new TreeSet<>();
        try (Connection c = server.connect(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = 'meterbridge'")) {
            while (r.next()) {
                relations.add(r.getString(1));
            }
        }
        assertTrue(relations.containsAll(PostgresNames.RELATIONS), relations.toString());
    }

    @Test
    void hourlyAndDailyConsumptionCountEachStepInTheBucketOfItsLaterReading() throws Exception {
        String meter = "kam_hourly";
        // 10:00 100, 10:30 103 | 11:00 105, 11:30 110 | 12:10 111, 12:40 5 (meter replaced: adds nothing)
        insertCounter(meter, "heat_energy_kwh", "2026-03-02T10:00:00Z", "100", "2026-03-02T10:30:00Z", "103",
                "2026-03-02T11:00:00Z", "105", "2026-03-02T11:30:00Z", "110", "2026-03-02T12:10:00Z", "111",
                "2026-03-02T12:40:00Z", "5");
        insertCounter(meter, "volume_m3", "2026-03-02T10:00:00Z", "1.000", "2026-03-02T11:00:00Z", "1.250");
        insertCounter("p1_hourly", "import_kwh", "2026-03-02T10:59:00Z", "5000.5", "2026-03-02T11:01:00Z", "5001.0",
                "2026-03-03T00:30:00Z", "5010.0");

        Map<String, BigDecimal> heat = column("SELECT bucket, heat_energy_kwh FROM meterbridge.heat_hourly WHERE meter_key = ?", meter);
        assertEquals(Map.of("2026-03-02T10:00:00Z", new BigDecimal("3"), "2026-03-02T11:00:00Z", new BigDecimal("7"),
                "2026-03-02T12:00:00Z", new BigDecimal("1")), heat);
        Map<String, BigDecimal> volume = column("SELECT bucket, volume_m3 FROM meterbridge.heat_hourly WHERE meter_key = ?"
                + " AND volume_m3 IS NOT NULL", meter);
        assertEquals(Map.of("2026-03-02T11:00:00Z", new BigDecimal("0.250")), volume);
        assertEquals(Map.of("2026-03-02T00:00:00Z", new BigDecimal("11")),
                column("SELECT bucket, heat_energy_kwh FROM meterbridge.heat_daily WHERE meter_key = ?", meter));
        assertEquals(Map.of("2026-03-02T11:00:00Z", new BigDecimal("0.5"), "2026-03-03T00:00:00Z", new BigDecimal("9.0")),
                column("SELECT bucket, import_kwh FROM meterbridge.electricity_hourly WHERE meter_key = ?", "p1_hourly"));
        assertEquals(Map.of("2026-03-02T00:00:00Z", new BigDecimal("0.5"), "2026-03-03T00:00:00Z", new BigDecimal("9.0")),
                column("SELECT bucket, import_kwh FROM meterbridge.electricity_daily WHERE meter_key = ?", "p1_hourly"));
    }

    @Test
    void everyQueryOfTheGrafanaDashboardRunsOnTheSchemaAndNamesItsViews() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(ServiceHome.PROJECT.resolve("docs/grafana/meterbridge-postgresql.json").toFile());
        List<String> queries = new ArrayList<>();
        dashboard.findValues("rawSql").forEach(q -> queries.add(q.asText()));
        dashboard.at("/templating/list").forEach(v -> {
            if (v.has("definition")) {
                queries.add(v.get("definition").asText());
            }
        });
        assertEquals(8, queries.size(), queries.toString()); // 7 panels and the meter variable
        Set<String> named = new TreeSet<>();
        for (String q : queries) {
            Matcher m = Pattern.compile("meterbridge\\.(\\w+)").matcher(q);
            while (m.find()) {
                named.add(m.group(1));
            }
            // Grafana's macros as its PostgreSQL data source expands them
            String sql = q.replace("$__timeFilter(bucket)", "bucket BETWEEN now() - interval '7 days' AND now()")
                    .replace("$meter", "'kam_82937133', 'p1_E0043'");
            try (Connection c = server.connect(); Statement s = c.createStatement()) {
                s.executeQuery(sql).close();
            }
        }
        Set<String> allowed = new TreeSet<>(PostgresNames.VIEWS);
        allowed.add("reading");
        assertTrue(allowed.containsAll(named), named.toString());
        assertTrue(named.containsAll(PostgresNames.VIEWS), named.toString());
    }

    /** Rows of reading_value for one counter: time, value, time, value … */
    private static void insertCounter(String meter, String key, String... timesAndValues) throws Exception {
        try (Connection c = server.connect(); PreparedStatement p = c.prepareStatement("INSERT INTO meterbridge.reading_value"
                + " (journal_id, sequence, read_at, meter_key, key, value, unit) VALUES ('test', ?, CAST(? AS timestamptz), ?, ?, ?, 'x')")) {
            for (int i = 0; i < timesAndValues.length; i += 2) {
                p.setLong(1, sequence++);
                p.setString(2, timesAndValues[i]);
                p.setString(3, meter);
                p.setString(4, key);
                p.setBigDecimal(5, new BigDecimal(timesAndValues[i + 1]));
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    /** bucket (UTC, ISO) → value, for a query with one parameter. */
    private static Map<String, BigDecimal> column(String sql, String parameter) throws Exception {
        Map<String, BigDecimal> m = new LinkedHashMap<>();
        try (Connection c = server.connect()) {
            try (Statement s = c.createStatement()) {
                s.execute("SET TIME ZONE 'UTC'");
            }
            try (PreparedStatement p = c.prepareStatement(sql)) {
                p.setString(1, parameter);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        m.put(r.getObject(1, java.time.OffsetDateTime.class).toInstant().toString(), r.getBigDecimal(2));
                    }
                }
            }
        }
        return m;
    }
}
