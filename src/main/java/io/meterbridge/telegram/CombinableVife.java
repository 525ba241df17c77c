package io.meterbridge.telegram;

/**
 * One combinable (orthogonal) VIFE of a record, EN 13757-3 table 15 (or, after the 0x7C
 * escape, the second combinable table).
 *
 * @param code the VIFE without its extension bit, 0x00–0x7F
 * @param secondTable true if the VIFE follows the 0x7C extension and comes from the second table
 * @param description what the VIFE means, as it appears in {@link DataRecord#description()}
 */
public record CombinableVife(int code, boolean secondTable, String description) {
}
