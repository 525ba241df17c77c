package io.meterbridge.telegram;

import java.util.AbstractList;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The decoder's unmodifiable list of a telegram's records: a view of the array it filled, which
 * nobody else holds, so {@link Telegram} need not copy it. The decoder's record loop is itself
 * this list and fills {@code records[0, size)} before anyone sees it; the list is unchanged
 * afterwards and reaches other threads through the telegram's final field.
 */
abstract class RecordList extends AbstractList<DataRecord> implements RandomAccess {

    DataRecord[] records;
    int size;

    RecordList(DataRecord[] records) {
        this.records = records;
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
