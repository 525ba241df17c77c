/**
 * Home Assistant on the live MQTT connection: the {@code homeAssistant} processor that routes
 * hand readings and failed polls to, which publishes the discovery configs, states and
 * availability built by {@link io.meterbridge.homeassistant.DeviceDiscovery} through the
 * service's one {@link io.meterbridge.camel.mqtt.BrokerConnection}, and removes meters that the
 * routes no longer read.
 */
package io.meterbridge.camel.homeassistant;
