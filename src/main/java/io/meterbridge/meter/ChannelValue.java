package io.meterbridge.meter;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * A value an electricity meter relays from a device on its own M-Bus channel (P1 0-n:24.2.1: gas,
 * water, heat), with the time the device's value was captured, which is not the time of the
 * electricity reading (gas meters report every 5 minutes or hourly).
 *
 * @param channel the channel number n (1–4)
 * @param deviceType the M-Bus medium code of the device (0-n:24.1.0; 0x03 gas, 0x07 water, 0x04 heat)
 * @param deviceId the device's equipment identifier (0-n:96.1.0), or {@code null}
 * @param value the value
 * @param unit its unit as sent ({@code m3} is written {@code m³}; {@code GJ}, {@code kWh})
 * @param capturedAt when the device's value was captured (meter local time), or {@code null}
 */
public record ChannelValue(int channel, int deviceType, String deviceId, BigDecimal value, String unit,
        LocalDateTime capturedAt) {

    public ChannelValue {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(unit, "unit");
    }

    /** True for a gas meter channel (device type 0x03). */
    public boolean isGas() {
        return deviceType == 0x03;
    }
}
