package io.meterbridge.kmp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A request to the meter: the application layer of a {@link KmpDirection#TO_METER} frame
 * (Kamstrup protocol description 6.2, as quoted by PyKMP {@code messages.py}).
 */
public sealed interface KmpRequest permits KmpRequest.GetType, KmpRequest.GetSerialNo, KmpRequest.GetRegister {

    /**
     * Registers one GetRegister may name: PyKMP {@code NUM_REGISTERS_MAX}, MeterLogger "max 8 registers per
     * request".
     */
    int MAX_REGISTERS = 8;

    KmpCommand command();

    /** The data after the command id. */
    byte[] data();

    /** This request as a frame to the meter at {@code address}. */
    default KmpFrame toFrame(int address) {
        return KmpFrame.request(address, command().id(), data());
    }

    /** The wire bytes of this request to a heat meter ({@link KmpFrame#HEAT_METER}). */
    default byte[] encode() {
        return toFrame(KmpFrame.HEAT_METER).encode();
    }

    /**
     * Reads the request a frame carries, as a meter (the simulator) does.
     *
     * @throws KmpDataException for a command this package does not speak or data that does not
     *     fit the command; its offset counts from the command id (byte 0)
     */
    static KmpRequest parse(KmpFrame frame) throws KmpDataException {
        KmpCommand command = KmpCommand.of(frame.commandId());
        if (command == null) {
            throw new KmpDataException("expected the CID of GetType (0x01), GetSerialNo (0x02) or GetRegister (0x10),"
                    + " found " + KmpStuffing.hex(frame.commandId()), 0);
        }
        int n = frame.dataLength();
        switch (command) {
            case GET_TYPE, GET_SERIAL_NO -> {
                if (n != 0) {
                    throw new KmpDataException("expected no data after " + command.label() + ", found " + n
                            + " bytes", 1);
                }
                return command == KmpCommand.GET_TYPE ? new GetType() : new GetSerialNo();
            }
            case GET_REGISTER -> {
                if (n == 0) {
                    throw new KmpDataException("expected the number of registers after " + command.label()
                            + ", found no data", 1);
                }
                int count = frame.dataByte(0);
                if (count < 1 || count > MAX_REGISTERS) {
                    throw new KmpDataException("expected 1–" + MAX_REGISTERS + " registers, found " + count, 1);
                }
                if (n != 1 + 2 * count) {
                    throw new KmpDataException("expected " + 2 * count + " bytes of register ids for " + count
                            + (count == 1 ? " register" : " registers") + ", found " + (n - 1),
                            Math.min(n, 1 + 2 * count) + 1);
                }
                List<Integer> ids = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    ids.add(frame.dataByte(1 + 2 * i) << 8 | frame.dataByte(2 + 2 * i));
                }
                try {
                    return new GetRegister(ids);
                } catch (IllegalArgumentException e) {
                    throw new KmpDataException(e.getMessage(), 2);
                }
            }
            default -> throw new IllegalStateException(command.toString());
        }
    }

    /** GetType (CID 0x01): the meter type and software revision. */
    record GetType() implements KmpRequest {
        @Override
        public KmpCommand command() {
            return KmpCommand.GET_TYPE;
        }

        @Override
        public byte[] data() {
            return new byte[0];
        }
    }

    /** GetSerialNo (CID 0x02): the meter's serial number. */
    record GetSerialNo() implements KmpRequest {
        @Override
        public KmpCommand command() {
            return KmpCommand.GET_SERIAL_NO;
        }

        @Override
        public byte[] data() {
            return new byte[0];
        }
    }

    /**
     * GetRegister (CID 0x10): data {@code <count> <id hi> <id lo> …}, 1–8 distinct register ids.
     * The meter answers in one frame, leaving out ids it does not have (PyKMP test
     * "empty is valid (ie. no register IDs in request recognized)"). Asking for several at once
     * is what PyKMP's README recommends "to conserve the meter's internal battery".
     *
     * @param registerIds the ids, in the order to ask for them
     */
    record GetRegister(List<Integer> registerIds) implements KmpRequest {

        public GetRegister {
            registerIds = List.copyOf(registerIds);
            if (registerIds.isEmpty() || registerIds.size() > MAX_REGISTERS) {
                throw new IllegalArgumentException("expected 1–" + MAX_REGISTERS + " register ids, found "
                        + registerIds.size());
            }
            Set<Integer> seen = new HashSet<>();
            for (int id : registerIds) {
                if (id < 0 || id > 0xFFFF) {
                    throw new IllegalArgumentException("expected register ids 0–65535, found " + id);
                }
                if (!seen.add(id)) {
                    throw new IllegalArgumentException("expected distinct register ids, found "
                            + String.format("0x%04X", id) + " twice");
                }
            }
        }

        /** A request for these registers. */
        public static GetRegister of(KmpRegister... registers) {
            return new GetRegister(Arrays.stream(registers).map(KmpRegister::id).toList());
        }

        /** A request for these register ids. */
        public static GetRegister ofIds(int... ids) {
            return new GetRegister(Arrays.stream(ids).boxed().toList());
        }

        @Override
        public KmpCommand command() {
            return KmpCommand.GET_REGISTER;
        }

        @Override
        public byte[] data() {
            byte[] data = new byte[1 + 2 * registerIds.size()];
            data[0] = (byte) registerIds.size();
            for (int i = 0; i < registerIds.size(); i++) {
                data[1 + 2 * i] = (byte) (registerIds.get(i) >>> 8);
                data[2 + 2 * i] = (byte) (int) registerIds.get(i);
            }
            return data;
        }

        /** The ids asked for that {@code response} does not carry, in request order. */
        public List<Integer> missingIn(KmpResponse.Registers response) {
            return registerIds.stream().filter(id -> response.value(id).isEmpty()).toList();
        }
    }
}
