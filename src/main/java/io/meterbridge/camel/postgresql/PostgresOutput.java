package io.meterbridge.camel.postgresql;

import java.util.Optional;

import com.zaxxer.hikari.HikariDataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.support.service.ServiceSupport;

/**
 * The service's PostgreSQL connection pool (HikariCP), bound as {@value #DATA_SOURCE_BEAN} for the
 * {@code sql:} endpoint of routes/postgresql.yaml, with the beans that route names, when
 * {@code postgresql.url} is set. The pool is lazy: nothing connects until the first reading, so a
 * database that is down (or unreachable) when the service starts delays only this output, whose
 * readings wait in the journal, and {@code meterbridge check} never connects. Closed with the
 * Camel context.
 */
public final class PostgresOutput extends ServiceSupport {

    /** The registry name of the pool. */
    public static final String DATA_SOURCE_BEAN = "postgresqlDataSource";

    /**
     * How long one attempt to get a connection waits; a failed reading is retried by the journal with
     * its own back-off, so this is short.
     */
    static final long CONNECTION_TIMEOUT_MILLIS = 5000;

    private final HikariDataSource dataSource;

    private PostgresOutput(String url, String username, String password) {
        // the no-argument constructor makes the pool lazy: it starts on the first getConnection()
        dataSource = new HikariDataSource();
        dataSource.setPoolName("meterbridge-postgresql");
        dataSource.setJdbcUrl(url);
        dataSource.setUsername(username);
        dataSource.setPassword(password);
        // one journal consumer writes one reading at a time; the second is for the migration
        dataSource.setMaximumPoolSize(2);
        // no connection kept open (nor retried in the background) while no reading is written
        dataSource.setMinimumIdle(0);
        dataSource.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
        // the pool exists even while the database is down; each getConnection() tries again
        dataSource.setInitializationFailTimeout(-1);
        dataSource.addDataSourceProperty("ApplicationName", "meterbridge");
    }

    /**
     * Binds the pool and the route's beans when {@code postgresql.url} is set; does nothing otherwise
     * (the route's precondition is false then, and nothing names the beans).
     */
    public static void install(CamelContext ctx) {
        PropertiesComponent pc = ctx.getPropertiesComponent();
        Optional<String> url = setting(pc, "postgresql.url");
        if (url.isEmpty()) {
            return;
        }
        PostgresOutput output = new PostgresOutput(url.get(), setting(pc, "postgresql.username").orElse(null),
                setting(pc, "postgresql.password").orElse(null));
        ctx.getRegistry().bind(DATA_SOURCE_BEAN, output.dataSource);
        ctx.getRegistry().bind(SchemaMigration.BEAN, new SchemaMigration(output.dataSource));
        ctx.getRegistry().bind(ReadingRow.BEAN, new ReadingRow());
        try {
            ctx.addService(output, true, true);
        } catch (Exception e) {
            throw new IllegalStateException("cannot add the PostgreSQL connection pool for " + url.get() + ": " + e.getMessage(), e);
        }
    }

    @Override
    protected void doStop() {
        dataSource.close();
    }

    private static Optional<String> setting(PropertiesComponent pc, String key) {
        return pc.resolveProperty(key).filter(v -> !v.isBlank()).map(String::trim);
    }
}
