/**
 * The Kamstrup Meter Protocol (KMP) spoken on the optical eye of MULTICAL 302/303/402/403/
 * 601/602/603/803 heat meters (1200 Bd 8N2), as pure functions on bytes.
 *
 * <p>Three layers, named after the Kamstrup protocol description that PyKMP follows (sections 3.1
 * physical, 3.2 data link, 3.3/4/6 application; the document itself is only handed out under
 * NDA, its examples are quoted in PyKMP's tests):
 * <ul>
 *   <li>physical: start byte, byte stuffing, stop byte, the lone ACK ({@link KmpStuffing});</li>
 *   <li>data link: address, command id, CRC-16/CCITT with initial value 0 ({@link KmpFrame},
 *       {@link KmpCrc}); finding frames in a byte stream that carries noise and the echo of our
 *       own request ({@link KmpReceiver});</li>
 *   <li>application: GetType, GetSerialNo and GetRegister ({@link KmpRequest},
 *       {@link KmpResponse}), the base-10 number format ({@link KmpNumber}), the unit codes
 *       ({@link KmpUnit}) and the heat-meter registers ({@link KmpRegister}).</li>
 * </ul>
 * No I/O, no clocks, no Camel: the transport, the Camel {@code kmp:} component and the simulator
 * ({@code io.meterbridge.sim.KmpMeter}) build on this package. It imports nothing else of
 * meterbridge.
 *
 * <p>Where a fact comes from is said where it is used; {@code src/test/resources/kmp/README.md}
 * lists every source and every published byte sequence the tests replay.
 */
package io.meterbridge.kmp;
