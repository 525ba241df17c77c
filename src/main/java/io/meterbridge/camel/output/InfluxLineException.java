package io.meterbridge.camel.output;

/**
 * A reading that cannot become a line of InfluxDB line protocol (no {@code type}, no
 * {@code read_at}, no value to write). Sending it again would fail the same way, so
 * {@code routes/influxdb.yaml} sets it aside as it does a reading InfluxDB refuses, rather than
 * letting the journal retry it and hold back the readings behind it.
 */
public final class InfluxLineException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InfluxLineException(String message) {
        super(message);
    }
}
