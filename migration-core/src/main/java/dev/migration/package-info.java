/**
 * The public API of the engine: the {@link dev.migration.Migrations} facade and its
 * {@link dev.migration.MigrationConfiguration}, the {@link dev.migration.JavaRevision}
 * interface for revisions written in Java, the values it answers with (plans, steps,
 * status, revision and history entries), listeners, and
 * {@link dev.migration.MigrationException} with its subclasses. This is all a user
 * imports; everything under {@code dev.migration.internal} may change without notice.
 */
package dev.migration;
