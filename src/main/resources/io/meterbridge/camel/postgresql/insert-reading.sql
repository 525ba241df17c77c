WITH stored AS (
    INSERT INTO meterbridge.reading (journal_id, sequence, read_at, meter_key, type, model, reading)
    VALUES (:#journal_id, :#sequence, CAST(:#read_at AS timestamptz), :#meter_key, :#type, :#model, CAST(:#reading AS jsonb))
    ON CONFLICT DO NOTHING
    RETURNING journal_id, sequence, read_at, meter_key
)
INSERT INTO meterbridge.reading_value (journal_id, sequence, read_at, meter_key, key, value, unit)
SELECT s.journal_id, s.sequence, s.read_at, s.meter_key, v.key, v.value, v.unit
FROM stored s
CROSS JOIN jsonb_to_recordset(CAST(:#values AS jsonb)) AS v(key text, value numeric, unit text)
