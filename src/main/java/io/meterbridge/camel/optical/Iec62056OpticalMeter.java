package io.meterbridge.camel.optical;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;

import io.meterbridge.iec62056.ReadoutOptions;
import io.meterbridge.link.FrameExchange;
import io.meterbridge.link.Iec62056Master;
import io.meterbridge.link.MBusException;
import io.meterbridge.link.OpticalStatistics;
import io.meterbridge.meter.HeatReading;
import io.meterbridge.meter.Reading;
import io.meterbridge.meter.UltraheatNormalizer;

/** A meter's IEC 62056-21 data readout, normalised with the Landis+Gyr ULTRAHEAT field table. */
final class Iec62056OpticalMeter implements OpticalMeter {

    private final Iec62056Master master;
    private final ReadoutOptions options;
    private final BigDecimal calorificValue;
    private final Clock clock;
    private final UltraheatNormalizer normalizer = new UltraheatNormalizer();

    Iec62056OpticalMeter(OpticalConfiguration c, Clock clock) throws MBusException {
        this.options = c.readoutOptions();
        this.calorificValue = c.calorificValue();
        this.clock = clock;
        this.master = Iec62056Master.open(c.opticalSettings());
    }

    @Override
    public Reading read() throws MBusException {
        HeatReading reading = normalizer.normalize(master.read(options), clock.instant());
        return calorificValue == null ? reading : reading.withGasEquivalent(calorificValue);
    }

    @Override
    public String describe() {
        return master.describe();
    }

    @Override
    public OpticalStatistics statistics() {
        return master.statistics();
    }

    @Override
    public List<FrameExchange> recentFrames() {
        return master.recentFrames();
    }

    @Override
    public void close() {
        master.close();
    }
}
