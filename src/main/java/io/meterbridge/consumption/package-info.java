/**
 * Consumption per interval (quarter-hour, hour, day) from the counter readings meterbridge keeps
 * in its daily files, for a status page's charts and its CSV download. Pure arithmetic and file
 * reading: no Camel, no HTTP; every type is immutable or stateless, so an HTTP handler may call it
 * from any thread.
 *
 * <p>The rules:
 * <ul>
 *   <li><b>Intervals in local time.</b> Boundaries are local quarter-hours, hours and midnights of a
 *     zone ({@link io.meterbridge.consumption.Resolution}): a daylight-saving day has 23 or 25
 *     hours; the repeated hour of an autumn night is two intervals, labelled with their offsets.</li>
 *   <li><b>Value at a boundary.</b> A reading exactly on a boundary is the value there; otherwise
 *     the counter is interpolated linearly in time between the readings before and after it, the
 *     usual practice for metering data. An interval's amount is the value at its end minus the
 *     value at its start, both rounded to the counter's scale first, so the hours of a day add up
 *     exactly to the day.</li>
 *   <li><b>Only enclosed intervals.</b> An interval is reported only if there is a reading at or
 *     before its start and one at or after its end; the current, unfinished hour or day is not.</li>
 *   <li><b>Estimated.</b> An interval is marked estimated when a boundary is more than half a
 *     quarter-hour (quarter-hours) or half an hour (hours, days) from the nearest reading: readings
 *     were missing there, and up to the consumption of that distance may sit on the wrong side of
 *     the boundary. A gap inside an interval does not matter, its amount is exact regardless.</li>
 *   <li><b>Resets.</b> A counter that falls by more than its {@linkplain
 *     io.meterbridge.consumption.Counter#noise() rounding noise} was reset (meter replaced, register
 *     wrapped, meter restarted on an older value): it counts anew from the reading after the fall,
 *     and what was used between the two readings around it is not known and counted as zero, never
 *     as negative. Counting the new value as consumption instead would double-count a meter that
 *     restarts on a value it saved an hour earlier, and invent energy for a wrapped register; zero
 *     loses at most one reading interval's use. Such intervals are marked reset and estimated. A
 *     smaller fall is rounding (a GJ register's last digit), not consumption, not a reset.</li>
 *   <li><b>Files.</b> {@link io.meterbridge.consumption.ReadingHistory} opens only the daily files
 *     whose day (from the name; today's file: the day it was last written) lies within a day of
 *     the range, streams them line by line and keeps of each reading its meter, time and counters.
 *     A corrupt line is skipped and named (file:line, what was expected and found); an unfinished
 *     last line is skipped silently: it is being written, or the writer will write it again.</li>
 *   <li><b>Memory.</b> Readings are kept as primitive arrays, every one of them (no
 *     downsampling, so the CSV and the charts agree with any recomputation from the files): a P1
 *     meter read every 10 s holds about 3.9 MB per counter for four weeks.</li>
 * </ul>
 */
package io.meterbridge.consumption;
