package io.meterbridge.camel.reading;

import java.util.Objects;

import org.apache.camel.Exchange;

/**
 * The instance of meterbridge that takes the readings, by name ({@code cluster.instance}), bound
 * as {@value #BEAN} when it has one: a reading's JSON then carries it as {@code instance}, so that
 * where several instances share buses each reading says which one read the meter.
 *
 * @param instance the name
 */
public record TakenBy(String instance) {

    /** The registry name. */
    public static final String BEAN = "meterbridgeInstance";

    /** The JSON key. */
    public static final String KEY = "instance";

    public TakenBy {
        Objects.requireNonNull(instance, "instance");
    }

    /** The instance named in {@code exchange}'s context, or null when it has none (one instance alone). */
    static String of(Exchange exchange) {
        if (exchange == null) {
            return null;
        }
        TakenBy t = exchange.getContext().getRegistry().lookupByNameAndType(BEAN, TakenBy.class);
        return t == null ? null : t.instance();
    }
}
