/**
 * The {@code migrations} actuator endpoint: the state of the database and its revisions,
 * and the guarded downgrade.
 */
package dev.migration.autoconfigure.endpoint;
