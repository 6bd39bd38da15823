/**
 * The health of the schema per {@link dev.migration.Migrations} instance: up at the
 * target, out of service while revisions are pending or the startup upgrade runs, down
 * when it failed or the database cannot be read.
 */
package dev.migration.autoconfigure.health;
