/**
 * Reactive applications: the migration connection derived from the application's R2DBC
 * settings, and the R2DBC beans ordered after the startup upgrade.
 */
package dev.migration.autoconfigure.r2dbc;
