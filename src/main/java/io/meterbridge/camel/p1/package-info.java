/**
 * The {@code p1:} Camel component: reads smart electricity meters on their P1 port (serial or a
 * TCP bridge), frames and checks the telegram stream, and emits one exchange per good telegram
 * with its normalised {@link io.meterbridge.meter.ElectricityReading}.
 */
package io.meterbridge.camel.p1;
