/**
 * DLMS/COSEM push messages as the HAN ports of Nordic and Austrian electricity meters (Kamstrup
 * Omnipower, Aidon, Kaifa, Landis+Gyr) send them: IEC 62056-46 HDLC frames ({@link HdlcFramer},
 * {@link HdlcFrame}), the data-notification APDU ({@link DataNotification}) in A-XDR
 * ({@link AxdrDecoder}, {@link DlmsData}), and the push lists read into the same
 * {@link io.meterbridge.p1.P1Telegram} a DSMR meter gives ({@link PushList}).
 *
 * <p>Own decoder, not Gurux: Gurux DLMS for Java ({@code gurux.dlms}) is GPL-2.0 (with a
 * commercial licence for sale), which is not among the licences this Apache-2.0 project accepts;
 * and a HAN push needs only the data-notification APDU and a dozen A-XDR types, a few hundred lines.
 *
 * <p>Pure functions on bytes, like the rest of {@code io.meterbridge.p1}; no I/O.
 */
package io.meterbridge.p1.dlms;
