package io.meterbridge.camel.postgresql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import io.meterbridge.camel.journal.JournalConstants;
import io.meterbridge.camel.testing.PostgresServer;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/**
 * The statement of routes/postgresql.yaml with the beans the service binds, against a real
 * PostgreSQL: one journal entry written twice (a replay after a crash) is one reading and one set
 * of values; each value has the unit its key names, a native energy or a P1 channel the unit written beside it; and an
 * entry that is no reading is refused as such, not retried for ever.
 */
class PostgresInsertTest {

    private static final String INSERT = "sql:classpath:io/meterbridge/camel/postgresql/insert-reading.sql?dataSource=#"
            + PostgresOutput.DATA_SOURCE_BEAN;

    private static final String READING = "{\"type\":\"electricity\",\"meter_key\":\"p1_E0043\",\"model\":\"DSMR 5.0\","
            + "\"read_at\":\"2026-03-02T10:00:00.123456789Z\",\"import_kwh\":1234.567,\"export_kwh\":0.001,"
            + "\"l1_voltage_v\":230.1,\"power_failures\":3,\"mbus1_device_type\":3,\"mbus1_value\":12.5,"
            + "\"mbus1_unit\":\"m3\",\"text_message\":\"hi\",\"heat_energy\":0.0468,\"heat_energy_unit\":\"GJ\"}";

    @Test
    void theSameJournalEntryTwiceIsStoredOnceWithEveryValueAndItsUnit() throws Exception {
        try (PostgresServer server = PostgresServer.start(); CamelContext ctx = context(server)) {
            ProducerTemplate template = ctx.createProducerTemplate();
            for (int i = 0; i < 2; i++) {
                Exchange sent = template.send(INSERT, prepared(ctx, "journal-a", 7, READING));
                assertEquals(null, sent.getException());
            }
            template.send(INSERT, prepared(ctx, "journal-a", 8, READING.replace("10:00:00", "10:05:00")));

            assertEquals(Map.of("readings", "2"), query(server, "SELECT 'readings', count(*) FROM meterbridge.reading"));
            Map<String, String> units = new LinkedHashMap<>();
            units.put("export_kwh", "kWh 0.001");
            units.put("heat_energy", "GJ 0.0468");
            units.put("import_kwh", "kWh 1234.567");
            units.put("l1_voltage_v", "V 230.1");
            units.put("mbus1_value", "m3 12.5");
            units.put("power_failures", "- 3");
            assertEquals(units, query(server, "SELECT key, coalesce(unit, '-') || ' ' || value FROM meterbridge.reading_value"
                    + " WHERE sequence = 7 ORDER BY key"));
            assertEquals(Map.of("hi", "2026-03-02T10:00:00.123456789Z"), query(server,
                    "SELECT reading ->> 'text_message', reading ->> 'read_at' FROM meterbridge.reading WHERE sequence = 7"));
        }
    }

    @Test
    void anEntryWithoutATimeIsRefusedAsUnstorable() throws Exception {
        try (CamelContext ctx = new DefaultCamelContext()) {
            Exchange e = new DefaultExchange(ctx);
            e.getMessage().setHeader(JournalConstants.SEQUENCE, 9L);
            e.getMessage().setBody("{\"meter_key\":\"kam_1\"}");
            UnstorableReadingException refused = assertThrows(UnstorableReadingException.class, () -> new ReadingRow().process(e));
            assertEquals("journal entry 9 has no read_at: {meter_key=kam_1}", refused.getMessage());
        }
    }

    private static CamelContext context(PostgresServer server) throws Exception {
        CamelContext ctx = new DefaultCamelContext();
        Properties p = new Properties();
        p.put("postgresql.url", server.url());
        p.put("postgresql.username", "postgres");
        ctx.getPropertiesComponent().setInitialProperties(p);
        PostgresOutput.install(ctx);
        ctx.start();
        return ctx;
    }

    /** A journal entry as the route has it after its schema and row steps. */
    private static Exchange prepared(CamelContext ctx, String journal, long sequence, String body) throws Exception {
        Exchange e = new DefaultExchange(ctx);
        e.getMessage().setHeader(JournalConstants.JOURNAL_ID, journal);
        e.getMessage().setHeader(JournalConstants.SEQUENCE, sequence);
        e.getMessage().setBody(body);
        ctx.getRegistry().lookupByNameAndType(SchemaMigration.BEAN, Processor.class).process(e);
        ctx.getRegistry().lookupByNameAndType(ReadingRow.BEAN, Processor.class).process(e);
        return e;
    }

    /** First column → second, as text. */
    private static Map<String, String> query(PostgresServer server, String sql) throws Exception {
        Map<String, String> m = new LinkedHashMap<>();
        try (Connection c = server.connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                m.put(r.getString(1), r.getString(2));
            }
        }
        return m;
    }
}
