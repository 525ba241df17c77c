/**
 * The Apache Camel integration: the {@code mbus:} and {@code p1:} components (endpoint,
 * consumer, producer, configuration, header constants), processors usable from YAML routes by
 * name, and type converters.
 */
package io.meterbridge.camel;
