/**
 * The service's settings: what each key of {@code application.properties} means and which values
 * it takes ({@link io.meterbridge.camel.settings.Settings}), and the check that runs before any
 * route or port is opened ({@link io.meterbridge.camel.settings.SettingsCheck}), so a typo is one
 * line naming the key, the value, where it was set and what is allowed, never a silent default.
 * The default values themselves live in one place, {@code meterbridge-defaults.properties}.
 */
package io.meterbridge.camel.settings;
