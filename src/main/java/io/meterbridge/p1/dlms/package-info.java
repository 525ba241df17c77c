/**
 * DLMS/COSEM push messages as the HAN ports of Nordic and Austrian electricity meters (Kamstrup
 * Omnipower, Aidon, Kaifa, Landis+Gyr) send them: IEC 62056-46 HDLC frames ({@link HdlcFramer},
 * {@link HdlcFrame}), the data-notification APDU ({@link DataNotification}) in A-XDR
 * ({@link AxdrDecoder}, {@link DlmsData}), and the push lists read into the same
 * {@link io.meterbridge.p1.P1Telegram} a DSMR meter gives ({@link PushList}).
 *
 * <p>Own decoder, not Gurux: Gurux DLMS for Java ({@code org.gurux:gurux.dlms}) is dual-licensed,
 * GPL-2.0 or a paid commercial licence; neither is among the licences the README ("Licence")
 * accepts for this Apache-2.0 project, since GPL-2.0 would cover the whole fat JAR. OpenMUC's jDLMS
 * is GPL-3.0, excluded likewise. A HAN push needs only HDLC UI framing, the data-notification APDU
 * and a dozen A-XDR types, and AES-GCM is already here ({@link io.meterbridge.p1.P1Cipher}), so
 * the decoder stays small and the DSMR and DLMS paths share one cipher.
 *
 * <p>Pure functions on bytes, like the rest of {@code io.meterbridge.p1}; no I/O.
 */
package io.meterbridge.p1.dlms;
