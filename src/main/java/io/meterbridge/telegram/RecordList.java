package io.meterbridge.telegram;

import java.util.AbstractList;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The decoder's unmodifiable list of a telegram's records: a view of the array it filled, which
 * nobody else holds, so {@link Telegram} need not copy it.
 */
final class RecordList extends AbstractList<DataRecord> implements RandomAccess {

    private final DataRecord[] records;
    private final int size;

    RecordList(DataRecord[] records, int size) {
        this.records = records;
        this.size = size;
    }

    @Override
    public DataRecord get(int index) {
        Objects.checkIndex(index, size);
        return records[index];
    }

    @Override
    public int size() {
        return size;
    }
}
