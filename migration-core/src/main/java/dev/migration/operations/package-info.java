/**
 * The operations DSL handed to a Java revision's {@code upgrade} and {@code downgrade}:
 * tables, columns, indexes, constraints and raw statements, each rendered for the
 * connected database by the engine.
 */
package dev.migration.operations;
