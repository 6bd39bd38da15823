/**
 * The {@code migration} command line: one picocli command per Alembic verb, each parsing
 * its arguments, calling the core's {@link dev.migration.Migrations} facade and printing
 * the answer in Alembic's formats.
 */
package dev.migration.cli;
