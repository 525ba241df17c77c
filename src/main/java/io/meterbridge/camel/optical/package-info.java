/**
 * The {@code optical:} component: heat meters read through their optical eye with an IR head —
 * Kamstrup KMP ({@code protocol=kmp}) and IEC 62056-21 data readout ({@code protocol=iec62056},
 * Landis+Gyr ULTRAHEAT and other EN 1434 meters) — into the same {@code Reading} and Home
 * Assistant devices as wired M-Bus meters. M-Bus through the optical eye is the {@code mbus:}
 * component's {@code wakeUp} option, not this one. Options: {@link io.meterbridge.camel.optical.OpticalConfiguration}.
 */
package io.meterbridge.camel.optical;
