package io.meterbridge.camel.optical;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;

import io.meterbridge.kmp.KmpRegisterList;
import io.meterbridge.link.FrameExchange;
import io.meterbridge.link.KmpMaster;
import io.meterbridge.link.KmpRead;
import io.meterbridge.link.MBusException;
import io.meterbridge.link.OpticalStatistics;
import io.meterbridge.meter.HeatReading;
import io.meterbridge.meter.KmpNormalizer;
import io.meterbridge.meter.Reading;

/** A Kamstrup meter over KMP: the configured registers, normalised like a wired MULTICAL. */
final class KmpOpticalMeter implements OpticalMeter {

    private final KmpMaster master;
    private final KmpRegisterList registers;
    private final BigDecimal calorificValue;
    private final Clock clock;
    private final KmpNormalizer normalizer;

    KmpOpticalMeter(OpticalConfiguration c, Clock clock) throws MBusException {
        this.registers = c.registerList();
        this.calorificValue = c.calorificValue();
        this.clock = clock;
        this.normalizer = c.kmpNormalizer();
        this.master = KmpMaster.open(c.opticalSettings());
    }

    @Override
    public Reading read() throws MBusException {
        KmpRead read = master.read(registers);
        HeatReading reading = normalizer.normalize(read.meterType(), read.serialNumber(), read.values(), clock.instant());
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
