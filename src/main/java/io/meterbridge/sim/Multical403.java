package io.meterbridge.sim;

import java.time.Duration;

/**
 * A heat meter with the record layout of a Kamstrup MULTICAL 403 (version 0x34, medium heat
 * 0x04), as in {@code kamstrup/multical403-heat.json}: 32-bit values, a 32-bit info code and
 * the operating time in minutes. At elapsed time zero the first telegram's leading records are
 * byte for byte those of that real telegram; the meter draws a steady ~12 kW with a small
 * wobble.
 *
 * <p>Built {@linkplain #twoTelegrams() with two telegrams} it is the simulator's multi-telegram
 * meter: the first (125 bytes on the wire) adds a storage-1 target block, date/time, tariff and
 * error flags and ends with DIF {@code 1F}; the second (71 bytes) carries logged values of
 * storages 2–4 — the sizes of the two-telegram meter libmbus's reference figures were measured on.
 */
public final class Multical403 implements MeterModel {

    private final boolean twoTelegrams;

    private Multical403(boolean twoTelegrams) {
        this.twoTelegrams = twoTelegrams;
    }

    /** One telegram, exactly the layout of the real sample. */
    public static Multical403 singleTelegram() {
        return new Multical403(false);
    }

    /** The multi-telegram variant (125 + 71 bytes). */
    public static Multical403 twoTelegrams() {
        return new Multical403(true);
    }

    @Override
    public String name() {
        return "MULTICAL 403";
    }

    @Override
    public int manufacturer() {
        return 0x2C2D;
    }

    @Override
    public int version() {
        return 0x34;
    }

    @Override
    public int medium() {
        return 0x04;
    }

    @Override
    public int status() {
        return 0x00;
    }

    @Override
    public int telegramCount() {
        return twoTelegrams ? 2 : 1;
    }

    @Override
    public byte[] records(int index, Duration elapsed) {
        double t = elapsed.toMillis() / 1000.0;
        // Power 11.92 kW (0.527 m³/h at 19.44 K) with a ±5 % wobble over 10 minutes.
        double wobble = Math.sin(2 * Math.PI * t / 600);
        double kwh = 34510 + 11.92 * (t - 600 / (2 * Math.PI) * (Math.cos(2 * Math.PI * t / 600) - 1) * 0.05) / 3600;
        long volume = 223249 + (long) Math.floor(0.527 * t / 3600 * 100 + 1e-9);
        int flowLh = (int) Math.round(527 * (1 + 0.05 * wobble));
        int flowT = (int) Math.round(6460 + 60 * wobble);
        int returnT = 4516;
        long minutes = 2609351 + (long) (t / 60);
        long e = (long) Math.floor(kwh + 1e-9);
        long ff07 = 148532 + (volume - 223249) * 65;
        long ff08 = 118520 + (volume - 223249) * 45;
        if (index == 0) {
            RecordWriter w = new RecordWriter()
                    .integer(e, 0x04, 0x06)
                    .integer(ff07, 0x04, 0xFF, 0x07)
                    .integer(ff08, 0x04, 0xFF, 0x08)
                    .integer(volume, 0x04, 0x14)
                    .integer(flowLh, 0x04, 0x3B)
                    .integer(flowT, 0x02, 0x59)
                    .integer(returnT, 0x02, 0x5D)
                    .integer(0, 0x04, 0xFF, 0x22)
                    .integer(minutes, 0x04, 0xA5, 0xFF, 0x21);
            if (!twoTelegrams) {
                return w.toBytes();
            }
            return w.integer(34000, 0x44, 0x06)
                    .integer(220000, 0x44, 0x14)
                    .integer(146000, 0x44, 0xFF, 0x07)
                    .integer(117000, 0x44, 0xFF, 0x08)
                    .dateG(2025, 1, 1, 0x42, 0x6C)
                    .integer(dateTimeF(2025, 6, 15, 12, 0), 0x04, 0x6D)
                    .integer(e / 3, 0x84, 0x10, 0x06)
                    .integer(0, 0x02, 0xFD, 0x17)
                    .raw(0x1F)
                    .toBytes();
        }
        return new RecordWriter()
                .integer(33000, 0x84, 0x01, 0x06)
                .integer(215000, 0x84, 0x01, 0x14)
                .integer(32000, 0xC4, 0x01, 0x06)
                .integer(210000, 0xC4, 0x01, 0x14)
                .dateG(2024, 12, 1, 0x82, 0x01, 0x6C)
                .dateG(2024, 11, 1, 0xC2, 0x01, 0x6C)
                .integer(31000, 0x84, 0x02, 0x06)
                .dateG(2024, 10, 1, 0x82, 0x02, 0x6C)
                .toBytes();
    }

    /** Type F date and time (4 bytes), hundred-year bits 0 as Kamstrup sends them. */
    static long dateTimeF(int year, int month, int day, int hour, int minute) {
        int y = year % 100;
        return (minute & 0x3F) | (long) (hour & 0x1F) << 8 | (long) ((day & 0x1F) | (y & 0x07) << 5) << 16
                | (long) ((month & 0x0F) | (y >> 3) << 4) << 24;
    }
}
