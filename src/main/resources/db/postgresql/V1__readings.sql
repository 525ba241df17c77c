-- meterbridge's readings in PostgreSQL, long form (README, "Grafana and databases").
--
-- reading: one row per reading, the whole flat reading kept as JSONB (text fields such as the
-- info code's words, the manufacturer, a P1 text message included), so that nothing a reading
-- says is lost whatever keys a future meter adds.
-- reading_value: one row per number of a reading with its unit: the table Grafana and the views
-- query. Long rather than wide because the meters differ in what they send (a MULTICAL, an
-- Ultraheat, a P1 meter with one to three phases and any tariffs, KMP registers chosen in the
-- settings): a new key is a new row, never a new column or a migration, and each value carries
-- its own unit.
--
-- Idempotence: a reading is named by its journal's id and sequence number (the same pair as the
-- MQTT meterbridge-id and HTTP Meterbridge-Id); the insert is ON CONFLICT DO NOTHING on that key,
-- and writes the values only for a reading it inserted, so a reading sent again after a crash or
-- a lost answer is stored once. read_at is part of the key because TimescaleDB requires the time
-- column in every unique index of a hypertable (V2); the same journal entry always carries the
-- same read_at, so the key still names one reading.
--
-- No foreign key from reading_value to reading: TimescaleDB before 2.16 does not allow one to a
-- hypertable, and both are written by one statement (insert-reading.sql), so they cannot part.

CREATE TABLE meterbridge.reading (
    journal_id text        NOT NULL,
    sequence   bigint      NOT NULL,
    read_at    timestamptz NOT NULL,
    meter_key  text        NOT NULL,
    type       text        NOT NULL,
    model      text,
    reading    jsonb       NOT NULL,
    stored_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (journal_id, sequence, read_at)
);

CREATE INDEX reading_by_meter ON meterbridge.reading (meter_key, read_at);

CREATE TABLE meterbridge.reading_value (
    journal_id text        NOT NULL,
    sequence   bigint      NOT NULL,
    read_at    timestamptz NOT NULL,
    meter_key  text        NOT NULL,
    key        text        NOT NULL,
    value      numeric     NOT NULL,
    unit       text,
    PRIMARY KEY (journal_id, sequence, key, read_at)
);

CREATE INDEX reading_value_by_series ON meterbridge.reading_value (meter_key, key, read_at);

COMMENT ON TABLE meterbridge.reading IS 'One row per meterbridge reading; reading is the whole flat reading';
COMMENT ON TABLE meterbridge.reading_value IS 'One row per number of a reading, with its unit (kWh, GJ, m³, °C, …; null for counts and codes)';
