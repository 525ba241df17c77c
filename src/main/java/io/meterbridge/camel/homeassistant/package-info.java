/**
 * Home Assistant on the live MQTT connection, from events: the {@code homeAssistant} processor
 * ({@link io.meterbridge.camel.homeassistant.HomeAssistantPublisher}) takes the readings routes
 * hand it, {@link io.meterbridge.camel.homeassistant.PollFailures} the failed polls from Camel's
 * exchange events, and {@link io.meterbridge.camel.homeassistant.HomeAssistantSupport} the route
 * changes and silence checks, on Camel's executors. Each event goes to
 * {@link io.meterbridge.camel.homeassistant.MeterStates}, pure state (meters, availability, poll
 * counts, removals) that answers with the messages built by
 * {@link io.meterbridge.homeassistant.DeviceDiscovery}; the
 * {@link io.meterbridge.camel.homeassistant.Outbox} publishes them in order through the service's
 * one {@link io.meterbridge.camel.mqtt.BrokerConnection}, and the
 * {@link io.meterbridge.camel.homeassistant.MeterRegistry} file keeps the meters across restarts.
 */
package io.meterbridge.camel.homeassistant;
