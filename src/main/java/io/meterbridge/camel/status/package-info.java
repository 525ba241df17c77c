/**
 * The bridge's face: a status page on the JDK's own HTTP server ({@link StatusServer}), fed by
 * {@link StatusBoard}, which follows every poll and reading from Camel's exchange events; health
 * checks on Camel's health-check API ({@link MeterbridgeHealthChecks}) and Prometheus metrics
 * through Micrometer ({@link StatusMetrics}). Nothing here is on a reading's path: a page that
 * fails or is switched off ({@code http.status.enabled=false}) changes nothing that is delivered.
 */
package io.meterbridge.camel.status;
