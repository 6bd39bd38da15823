/**
 * Micrometer metrics of migrations: a timer per step the engine runs and a gauge of the
 * pending revisions.
 */
package dev.migration.autoconfigure.metrics;
