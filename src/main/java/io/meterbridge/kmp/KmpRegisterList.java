package io.meterbridge.kmp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The registers a route asks for, as written in a route option: names from {@link KmpRegister}
 * ({@code E1,V1,T1}, any case), decimal ids as the published lists write them
 * ({@code 60,68,86}), or hex ids with {@code 0x} ({@code 0x003C}), mixed freely, separated by
 * commas, white space around items ignored.
 *
 * <p>Any number of registers: {@link #requests()} splits them into GetRegister requests of at
 * most eight, in the order given. An id named twice (say {@code E1,60}) is asked for once.
 *
 * @param ids the register ids, distinct, in the order given
 */
public record KmpRegisterList(List<Integer> ids) {

    public KmpRegisterList {
        ids = List.copyOf(ids);
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("expected at least one register");
        }
    }

    /**
     * Parses a route option.
     *
     * @throws IllegalArgumentException naming the item (1-based) and what it is: an empty item,
     *     an unknown name, an id out of range
     */
    public static KmpRegisterList parse(String option) {
        if (option == null || option.isBlank()) {
            throw new IllegalArgumentException("expected register names (E1, V1, T1 …) or ids (60, 68, 86 …)"
                    + " separated by commas, found nothing");
        }
        String[] items = option.split(",", -1);
        Set<Integer> ids = new LinkedHashSet<>();
        for (int i = 0; i < items.length; i++) {
            ids.add(parseItem(items[i].strip(), i + 1, option));
        }
        return new KmpRegisterList(new ArrayList<>(ids));
    }

    private static int parseItem(String item, int position, String option) {
        String where = "item " + position + " of \"" + option + "\"";
        if (item.isEmpty()) {
            throw new IllegalArgumentException("expected a register name or id at " + where + ", found nothing");
        }
        char first = item.charAt(0);
        if (first >= '0' && first <= '9') {
            boolean hex = item.startsWith("0x") || item.startsWith("0X");
            int id;
            try {
                id = hex ? Integer.parseInt(item.substring(2), 16) : Integer.parseInt(item);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected a " + (hex ? "hex" : "decimal") + " register id at "
                        + where + ", found \"" + item + "\"", e);
            }
            if (id > 0xFFFF) {
                throw new IllegalArgumentException("expected a register id 0–65535 at " + where + ", found " + item);
            }
            return id;
        }
        return KmpRegister.byName(item).map(KmpRegister::id).orElseThrow(() -> new IllegalArgumentException(
                "expected a register name (" + names() + ") or a decimal id at " + where + ", found \"" + item + "\""));
    }

    private static String names() {
        return Arrays.stream(KmpRegister.values()).map(Enum::name).collect(Collectors.joining(", "));
    }

    /** GetRegister requests of at most {@value KmpRequest#MAX_REGISTERS} ids each, covering every id in order. */
    public List<KmpRequest.GetRegister> requests() {
        List<KmpRequest.GetRegister> out = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += KmpRequest.MAX_REGISTERS) {
            int to = Math.min(ids.size(), from + KmpRequest.MAX_REGISTERS);
            out.add(new KmpRequest.GetRegister(ids.subList(from, to)));
        }
        return out;
    }

    /** The option text for these ids: names where the table has one, decimal ids otherwise. */
    @Override
    public String toString() {
        return ids.stream().map(id -> KmpRegister.byId(id).map(Enum::name).orElse(Integer.toString(id)))
                .collect(Collectors.joining(","));
    }
}
