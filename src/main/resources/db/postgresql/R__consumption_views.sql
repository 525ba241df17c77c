-- Consumption per meter and hour or day, from the counters (a repeatable migration: Flyway
-- applies it again whenever it changes).
--
-- The rule: each reading of a counter adds its rise since the meter's previous reading of that
-- counter (LAG over read_at), counted in the hour or day of the later reading. So the buckets add
-- up exactly to the counter's rise over any range, nothing is lost at a bucket's edge (as it would
-- be with max - min per bucket); the price is that up to one poll interval of use lands in the
-- next bucket, and after a gap (service or meter down) the whole gap's use lands in the first
-- bucket after it. A counter that goes down (meter replaced, reset) adds nothing at that step.
-- Days are those of the session's time zone (SET TIME ZONE, or ALTER DATABASE … SET timezone).

CREATE OR REPLACE VIEW meterbridge.counter_step AS
SELECT meter_key, key, unit, read_at,
       value - lag(value) OVER (PARTITION BY meter_key, key ORDER BY read_at, sequence) AS step
FROM meterbridge.reading_value
WHERE key IN ('heat_energy_kwh', 'heat_energy_gj', 'cooling_energy_kwh', 'volume_m3', 'import_kwh', 'export_kwh', 'gas_m3');

CREATE OR REPLACE VIEW meterbridge.heat_hourly AS
SELECT date_trunc('hour', read_at) AS bucket, meter_key,
       sum(step) FILTER (WHERE key = 'heat_energy_kwh') AS heat_energy_kwh,
       sum(step) FILTER (WHERE key = 'heat_energy_gj') AS heat_energy_gj,
       sum(step) FILTER (WHERE key = 'cooling_energy_kwh') AS cooling_energy_kwh,
       sum(step) FILTER (WHERE key = 'volume_m3') AS volume_m3
FROM meterbridge.counter_step
WHERE step >= 0 AND key IN ('heat_energy_kwh', 'heat_energy_gj', 'cooling_energy_kwh', 'volume_m3')
GROUP BY 1, 2;

CREATE OR REPLACE VIEW meterbridge.heat_daily AS
SELECT date_trunc('day', read_at) AS bucket, meter_key,
       sum(step) FILTER (WHERE key = 'heat_energy_kwh') AS heat_energy_kwh,
       sum(step) FILTER (WHERE key = 'heat_energy_gj') AS heat_energy_gj,
       sum(step) FILTER (WHERE key = 'cooling_energy_kwh') AS cooling_energy_kwh,
       sum(step) FILTER (WHERE key = 'volume_m3') AS volume_m3
FROM meterbridge.counter_step
WHERE step >= 0 AND key IN ('heat_energy_kwh', 'heat_energy_gj', 'cooling_energy_kwh', 'volume_m3')
GROUP BY 1, 2;

CREATE OR REPLACE VIEW meterbridge.electricity_hourly AS
SELECT date_trunc('hour', read_at) AS bucket, meter_key,
       sum(step) FILTER (WHERE key = 'import_kwh') AS import_kwh,
       sum(step) FILTER (WHERE key = 'export_kwh') AS export_kwh,
       sum(step) FILTER (WHERE key = 'gas_m3') AS gas_m3
FROM meterbridge.counter_step
WHERE step >= 0 AND key IN ('import_kwh', 'export_kwh', 'gas_m3')
GROUP BY 1, 2;

CREATE OR REPLACE VIEW meterbridge.electricity_daily AS
SELECT date_trunc('day', read_at) AS bucket, meter_key,
       sum(step) FILTER (WHERE key = 'import_kwh') AS import_kwh,
       sum(step) FILTER (WHERE key = 'export_kwh') AS export_kwh,
       sum(step) FILTER (WHERE key = 'gas_m3') AS gas_m3
FROM meterbridge.counter_step
WHERE step >= 0 AND key IN ('import_kwh', 'export_kwh', 'gas_m3')
GROUP BY 1, 2;
