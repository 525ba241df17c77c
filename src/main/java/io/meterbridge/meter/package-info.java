/**
 * Normalisation: one {@code Reading} model for every meter, whatever its record layout.
 *
 * <p>Profiles (Kamstrup MULTICAL 303, 403 and family; a generic EN 13757-3 heat-meter profile;
 * P1/DSMR electricity meters) are chosen from manufacturer, version and medium and map decoded
 * records onto the fields of a reading with explicit units.
 */
package io.meterbridge.meter;
