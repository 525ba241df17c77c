/**
 * The Apache Camel integration: the {@code mbus:}, {@code p1:} and {@code journal:} components
 * (endpoint, consumer, producer, configuration, header constants), processors usable from YAML
 * routes by name, type converters, and the service around them: {@code service} (Camel Main,
 * routes and reload), {@code mqtt} (the one broker connection), {@code output} (files),
 * {@code homeassistant} (discovery and availability over MQTT).
 */
package io.meterbridge.camel;
