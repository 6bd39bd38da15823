package dev.migration.operations;

/**
 * The desired schema written in Java with the same builders Java revisions use, the other
 * form of a target schema besides a SQL file. Declare tables with their columns, keys and
 * constraints in {@code createTable}, then indexes:
 *
 * <pre>{@code
 * TargetSchema model = (schema) -> {
 *     schema.createTable("users",
 *             Column.of("id", ColumnType.INTEGER).primaryKey(),
 *             Column.of("username", ColumnType.varchar(50)).notNull());
 *     schema.createIndex("ix_users_username", "users", "username");
 * };
 * SchemaDiff diff = migrations.check(model, SchemaFilter.defaults());
 * }</pre>
 *
 * The model is recorded against no database and rendered for the database being compared,
 * so it must only call operations (no {@code execute}, {@code connection()} or
 * {@code dialect()}).
 */
@FunctionalInterface
public interface TargetSchema {

	void define(Operations schema);

}
