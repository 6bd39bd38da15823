package dev.migration.operations;

/**
 * What a table is made of: its columns and its table constraints, in the order given to
 * {@link Operations#createTable(String, TableElement...)}.
 */
public sealed interface TableElement permits Column, Constraint {

}
