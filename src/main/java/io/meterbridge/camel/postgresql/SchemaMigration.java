package io.meterbridge.camel.postgresql;

import javax.sql.DataSource;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the schema {@code meterbridge} up to date with Flyway (the versioned scripts in
 * {@code db/postgresql}: V1 tables, V2 TimescaleDB where installed, R views), once per process,
 * before the first reading is written: the migration waits for the database as the readings do
 * (a failure fails the exchange, and the journal retries it), instead of holding up the start of
 * the service. Flyway's history table ({@code meterbridge.flyway_schema_history}) makes a second
 * run do nothing, and its lock lets two bridges share one database.
 */
final class SchemaMigration implements Processor {

    /** The registry name (routes/postgresql.yaml). */
    static final String BEAN = "postgresqlSchema";

    /** Where the versioned scripts are, in the JAR. */
    static final String LOCATION = "classpath:db/postgresql";

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigration.class);

    private final DataSource dataSource;
    private volatile boolean migrated;

    SchemaMigration(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void process(Exchange exchange) {
        if (!migrated) {
            migrate();
        }
    }

    /** Runs the migration unless it ran already; throws (Flyway's exception, naming the script) if it fails. */
    synchronized void migrate() {
        if (migrated) {
            return;
        }
        MigrateResult result = migration(dataSource).migrate();
        LOG.info("PostgreSQL schema meterbridge at version {} ({} migration(s) applied now)",
                result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion,
                result.migrationsExecuted);
        migrated = true;
    }

    /** Flyway configured for meterbridge's schema. */
    static Flyway migration(DataSource dataSource) {
        return Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .schemas("meterbridge")
                .createSchemas(true)
                .locations(LOCATION)
                .load();
    }
}
