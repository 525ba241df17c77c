package io.meterbridge.kmp;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A response from the meter: the application layer of a {@link KmpDirection#FROM_METER} frame
 * (Kamstrup protocol description 6.2, as quoted by PyKMP {@code messages.py}).
 */
public sealed interface KmpResponse permits KmpResponse.MeterType, KmpResponse.SerialNo, KmpResponse.Registers {

    KmpCommand command();

    /** The data after the command id. */
    byte[] data();

    /** This response as a frame from the meter at {@code address}. */
    default KmpFrame toFrame(int address) {
        return KmpFrame.response(address, command().id(), data());
    }

    /** The wire bytes of this response from a heat meter ({@link KmpFrame#HEAT_METER}). */
    default byte[] encode() {
        return toFrame(KmpFrame.HEAT_METER).encode();
    }

    /**
     * Reads the response a frame carries.
     *
     * @throws KmpDataException for a command this package does not speak or data that does not
     *     fit the command; its offset counts from the command id (byte 0)
     */
    static KmpResponse parse(KmpFrame frame) throws KmpDataException {
        KmpCommand command = KmpCommand.of(frame.commandId());
        if (command == null) {
            throw new KmpDataException("expected the CID of GetType (0x01), GetSerialNo (0x02) or GetRegister (0x10),"
                    + " found " + KmpStuffing.hex(frame.commandId()), 0);
        }
        return switch (command) {
            case GET_TYPE -> MeterType.parse(frame);
            case GET_SERIAL_NO -> SerialNo.parse(frame);
            case GET_REGISTER -> Registers.parse(frame);
        };
    }

    /**
     * Reads the response to {@code request}: as {@link #parse(KmpFrame)}, and the frame must
     * answer that command.
     */
    static KmpResponse parse(KmpFrame frame, KmpRequest request) throws KmpDataException {
        if (frame.commandId() != request.command().id()) {
            throw new KmpDataException("expected the answer to " + request.command().label() + ", found CID "
                    + KmpStuffing.hex(frame.commandId()), 0);
        }
        return parse(frame);
    }

    /**
     * The answer to GetType: data {@code <type hi> <type lo> <revision letter> <revision number>}
     * (Kamstrup protocol description 6.2.1 via PyKMP {@code GetTypeResponse}: the example
     * {@code 00 04 06 01} is meter type 0x0004, software revision "F1"; MeterLogger reads the same
     * two 16-bit fields). What meter type codes mean is not published.
     *
     * @param meterType    the 16-bit meter type code
     * @param revisionCode the 16-bit software revision: letter 1–26 (A–Z) in the high byte, number
     *                     in the low byte; 0 when the meter does not say (PyKMP: then register
     *                     1005, {@link KmpRegister#SOFTWARE_EDITION}, may have it)
     */
    record MeterType(int meterType, int revisionCode) implements KmpResponse {

        public MeterType {
            if (meterType < 0 || meterType > 0xFFFF) {
                throw new IllegalArgumentException("expected a meter type 0–65535, found " + meterType);
            }
            int letter = revisionCode >>> 8;
            if (revisionCode < 0 || revisionCode > 0xFFFF || (revisionCode != 0 && (letter < 1 || letter > 26))) {
                throw new IllegalArgumentException("expected a software revision letter 1–26 (A–Z), or 0x0000 for"
                        + " none, found " + String.format("0x%04X", revisionCode));
            }
        }

        static MeterType parse(KmpFrame frame) throws KmpDataException {
            if (frame.dataLength() != 4) {
                throw new KmpDataException("expected 4 data bytes after " + KmpCommand.GET_TYPE.label()
                        + " (meter type, software revision), found " + frame.dataLength(),
                        1 + Math.min(4, frame.dataLength()));
            }
            int letter = frame.dataByte(2);
            int revision = letter << 8 | frame.dataByte(3);
            if (revision != 0 && (letter < 1 || letter > 26)) {
                throw new KmpDataException("expected a software revision letter 1–26 (A–Z), found "
                        + KmpStuffing.hex(letter), 3);
            }
            return new MeterType(frame.dataByte(0) << 8 | frame.dataByte(1), revision);
        }

        /** {@code "F1"}; empty when the meter sends 00 00. */
        public Optional<String> softwareRevision() {
            if (revisionCode == 0) {
                return Optional.empty();
            }
            return Optional.of((char) ('A' + (revisionCode >>> 8) - 1) + Integer.toString(revisionCode & 0xFF));
        }

        @Override
        public KmpCommand command() {
            return KmpCommand.GET_TYPE;
        }

        @Override
        public byte[] data() {
            return new byte[] {(byte) (meterType >>> 8), (byte) meterType, (byte) (revisionCode >>> 8),
                    (byte) revisionCode};
        }
    }

    /**
     * The answer to GetSerialNo: the serial number as an unsigned 32-bit big-endian number
     * (Kamstrup protocol description 6.2.2 via PyKMP {@code GetSerialResponse}: {@code 01 23 45 67}
     * is 19088743; MeterLogger reads the same).
     */
    record SerialNo(long serialNumber) implements KmpResponse {

        public SerialNo {
            if (serialNumber < 0 || serialNumber > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("expected a serial number 0–4294967295, found " + serialNumber);
            }
        }

        static SerialNo parse(KmpFrame frame) throws KmpDataException {
            if (frame.dataLength() != 4) {
                throw new KmpDataException("expected 4 data bytes after " + KmpCommand.GET_SERIAL_NO.label()
                        + " (the serial number), found " + frame.dataLength(), 1 + Math.min(4, frame.dataLength()));
            }
            long serial = 0;
            for (int i = 0; i < 4; i++) {
                serial = serial << 8 | frame.dataByte(i);
            }
            return new SerialNo(serial);
        }

        @Override
        public KmpCommand command() {
            return KmpCommand.GET_SERIAL_NO;
        }

        @Override
        public byte[] data() {
            return new byte[] {(byte) (serialNumber >>> 24), (byte) (serialNumber >>> 16), (byte) (serialNumber >>> 8),
                    (byte) serialNumber};
        }
    }

    /**
     * The answer to GetRegister: the registers the meter has among those asked for, one
     * {@link KmpRegisterValue} record after another, in the meter's order; none at all is a valid
     * answer.
     */
    record Registers(List<KmpRegisterValue> values) implements KmpResponse {

        /** Register id, unit, length, sign/exponent: the bytes before each mantissa. */
        private static final int HEADER = 5;

        public Registers {
            values = List.copyOf(values);
        }

        static Registers parse(KmpFrame frame) throws KmpDataException {
            byte[] data = frame.data();
            List<KmpRegisterValue> values = new ArrayList<>();
            int i = 0;
            while (i < data.length) {
                int left = data.length - i;
                if (left < HEADER + 1) {
                    throw new KmpDataException("expected a register record of at least " + (HEADER + 1)
                            + " bytes (id, unit, length, sign/exponent, mantissa), found only " + left, 1 + i);
                }
                int id = (data[i] & 0xFF) << 8 | data[i + 1] & 0xFF;
                int unit = data[i + 2] & 0xFF;
                int length = data[i + 3] & 0xFF;
                int signExponent = data[i + 4] & 0xFF;
                if (length == 0) {
                    throw new KmpDataException("expected a mantissa length of at least 1 for register "
                            + String.format("0x%04X", id) + ", found 0", 1 + i + 3);
                }
                if (left - HEADER < length) {
                    throw new KmpDataException("expected " + length + " mantissa bytes for register "
                            + String.format("0x%04X", id) + ", found only " + (left - HEADER), 1 + i + HEADER);
                }
                BigDecimal value = KmpNumber.decode(signExponent, data, i + HEADER, length);
                values.add(new KmpRegisterValue(id, unit, value, length));
                i += HEADER + length;
            }
            return new Registers(values);
        }

        /** The value of register {@code id}, empty when the meter left it out. */
        public Optional<KmpRegisterValue> value(int id) {
            return values.stream().filter(v -> v.registerId() == id).findFirst();
        }

        /** The value of {@code register}, empty when the meter left it out. */
        public Optional<KmpRegisterValue> value(KmpRegister register) {
            return value(register.id());
        }

        @Override
        public KmpCommand command() {
            return KmpCommand.GET_REGISTER;
        }

        @Override
        public byte[] data() {
            ByteArrayOutputStream out = new ByteArrayOutputStream(values.size() * 9);
            for (KmpRegisterValue v : values) {
                out.write(v.registerId() >>> 8);
                out.write(v.registerId());
                out.write(v.unitCode());
                out.write(v.mantissaLength());
                out.writeBytes(KmpNumber.encode(v.value(), v.mantissaLength()));
            }
            return out.toByteArray();
        }
    }
}
