package io.meterbridge.iec62056;

import java.time.Duration;
import java.util.Objects;

/**
 * What to send before the request so that a battery-powered meter turns its optical interface on:
 * a run of NUL (0x00) characters at 300 Bd 7E1 (10 bit times each, 33.3 ms), then a pause.
 *
 * <p>Sources, for the presets:
 * <ul>
 *   <li>{@link #landisGyrUltraheat()}: 40 NULs (1.33 s at 7E1) and the request right after them. That is
 *       what every published UH50/T550 reader sends and reports working: ultraheat-api (the library of
 *       Home Assistant's {@code landisgyr_heat_meter}), psvanstrom/esphome-uh50reader,
 *       berrydenhartog/ultraheat50, robert-eklund/ultraheat (T550). In Home Assistant's logs
 *       (home-assistant/core#92770, #97406) the identification {@code /LUGCUH50} arrived 2.8–2.9 s after
 *       the write began.</li>
 *   <li>{@link #battery()}: NULs for 2.1–2.3 s, a pause of 1.5–1.7 s, then the request: the wake-up for
 *       battery meters as aquaticus/esphome-iec62056 implements it ({@code battery_meter}); lvzon's
 *       IEC 62056-21 notes give the same as "65 NULs followed by 1.5 s". 66 NULs are 2.2 s at 7E1.
 *       (aquaticus sends 84 and counts 2.24 s, i.e. 8 bit times a character; at 7E1 that is 2.8 s.)
 *       For a meter that sleeps deeper than the UH50 preset reaches. A UH50 user reports that it
 *       answers this one too, with less data (aquaticus/esphome-iec62056#14).</li>
 * </ul>
 *
 * @param nulCount   how many NULs; 0 for a mains-powered meter that needs none
 * @param pauseAfter silence between the last NUL and the request
 */
public record WakeUp(int nulCount, Duration pauseAfter) {

    /** Bit times of one 7E1 character: start, 7 data, parity, stop. */
    public static final int BITS_PER_CHARACTER = 10;

    /** No wake-up at all. */
    public static final WakeUp NONE = new WakeUp(0, Duration.ZERO);

    public WakeUp {
        if (nulCount < 0) {
            throw new IllegalArgumentException("nulCount must not be negative, was " + nulCount);
        }
        Objects.requireNonNull(pauseAfter, "pauseAfter");
        if (pauseAfter.isNegative()) {
            throw new IllegalArgumentException("pauseAfter must not be negative, was " + pauseAfter);
        }
    }

    /** 40 NULs, no pause: what the published Landis+Gyr Ultraheat UH50/T550 readers send. */
    public static WakeUp landisGyrUltraheat() {
        return new WakeUp(40, Duration.ZERO);
    }

    /** NULs for 2.2 s at 300 Bd, then 1.6 s of silence: the battery-meter wake-up. */
    public static WakeUp battery() {
        return new WakeUp(nulsFor(Duration.ofMillis(2200), 300), Duration.ofMillis(1600));
    }

    /** NULs that take {@code duration} at {@code baudRate} 7E1 (rounded up), then {@code pauseAfter}. */
    public static WakeUp ofDuration(Duration duration, int baudRate, Duration pauseAfter) {
        return new WakeUp(nulsFor(duration, baudRate), pauseAfter);
    }

    private static int nulsFor(Duration duration, int baudRate) {
        long bits = duration.toMillis() * baudRate;
        return (int) ((bits + BITS_PER_CHARACTER * 1000L - 1) / (BITS_PER_CHARACTER * 1000L));
    }

    /** How long the NULs take on the line at {@code baudRate} 7E1. */
    public Duration duration(int baudRate) {
        return Duration.ofMillis((long) nulCount * BITS_PER_CHARACTER * 1000 / baudRate);
    }

    /** The NULs to send. */
    public byte[] bytes() {
        return new byte[nulCount];
    }
}
