-- Where the TimescaleDB extension is installed on the server, both tables become hypertables
-- (chunked by read_at: faster time-range queries and cheap retention with drop_chunks). Without
-- it, or where it cannot be created here (not in shared_preload_libraries, no privilege), they
-- stay plain tables, with a warning in the server log: the views and the dashboard work the same.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'timescaledb') THEN
        BEGIN
            CREATE EXTENSION IF NOT EXISTS timescaledb;
            PERFORM create_hypertable('meterbridge.reading', 'read_at', if_not_exists => TRUE, migrate_data => TRUE);
            PERFORM create_hypertable('meterbridge.reading_value', 'read_at', if_not_exists => TRUE, migrate_data => TRUE);
        EXCEPTION WHEN OTHERS THEN
            RAISE WARNING 'meterbridge: TimescaleDB is available but cannot be used (%); the readings stay plain tables', SQLERRM;
        END;
    END IF;
END
$$;
