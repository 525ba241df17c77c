/**
 * Normalisation: one {@code Reading} model for every meter, whatever its record layout.
 *
 * <p>Profiles (Kamstrup MULTICAL 303, 403 and family; a generic EN 13757-3 heat-meter profile;
 * P1/DSMR electricity meters) are chosen from manufacturer, version and medium and map decoded
 * records onto the fields of a reading with explicit units. Meters read through their optical eye
 * get the same readings: a Kamstrup MULTICAL over KMP ({@code KmpNormalizer}), a Landis+Gyr
 * ULTRAHEAT over IEC 62056-21 ({@code UltraheatNormalizer}).
 */
package io.meterbridge.meter;
