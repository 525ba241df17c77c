/**
 * EN 13757-2 link layer: frames, checksums and the bus master.
 *
 * <p>The frame formats (single character, short, control and long frame), a frame reader that
 * resynchronises on noise, the master operations (SND_NKE, REQ_UD2 with FCB/FCV, multi-telegram
 * readout, secondary selection, scans, change of primary address) and the {@code Transport}s
 * they run over (serial port, TCP, in-process simulator, a HomeWizard Wi-Fi P1 meter's local API,
 * with its mDNS discovery). Uses {@code telegram} to read the
 * headers of the replies; knows nothing of meters, Camel or MQTT.
 */
package io.meterbridge.link;
