package io.meterbridge.consumption;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * What {@link ReadingHistory#read} found for a time range.
 *
 * @param series every meter's counters, ordered by meter key and counter
 * @param skipped the lines that were not readings (corrupt), in file and line order; an unfinished
 *     last line of a file is not one of them (it is a reading still being written, or one the
 *     writer will write again)
 * @param files the files read, oldest first
 */
public record History(List<CounterSeries> series, List<SkippedLine> skipped, List<Path> files) {

    public History {
        series = List.copyOf(series);
        skipped = List.copyOf(skipped);
        files = List.copyOf(files);
    }

    /** One meter's counter, if it was read. */
    public Optional<CounterSeries> series(String meterKey, Counter counter) {
        return series.stream().filter(s -> s.meterKey().equals(meterKey) && s.counter() == counter).findFirst();
    }

    /** The intervals of every series: {@link Consumption#intervals(java.util.Collection, Resolution, ZoneId, Instant, Instant)}. */
    public List<IntervalUse> intervals(Resolution resolution, ZoneId zone, Instant from, Instant to) {
        return Consumption.intervals(series, resolution, zone, from, to);
    }
}
