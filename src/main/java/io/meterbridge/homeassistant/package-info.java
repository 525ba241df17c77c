/**
 * Home Assistant MQTT discovery: device configurations, sensor definitions with Home Assistant
 * device classes, units and state classes, and availability for meters and for the bridge.
 */
package io.meterbridge.homeassistant;
