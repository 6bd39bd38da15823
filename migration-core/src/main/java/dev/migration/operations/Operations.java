package dev.migration.operations;

import java.sql.Connection;
import java.util.List;
import java.util.Map;

/**
 * What a Java revision works with: schema operations rendered for the connected database,
 * plain SQL, and the connection of its step, inside the step's transaction when the
 * revision is transactional. Do not commit, roll back or close the connection.
 *
 * <p>
 * On SQLite, operations that {@code ALTER TABLE} cannot do (alter a column, add or drop a
 * constraint, drop a column) run as a move-and-copy of the table inside the step's
 * transaction, keeping its rows, constraints, indexes and triggers.
 *
 * <p>
 * A revision that does not override {@code downgrade} is reversible when every operation
 * of its upgrade has an inverse: its downgrade runs the inverses in reverse order.
 * {@link #execute}, {@link #connection} and the drops that were not given what they drop
 * have none.
 */
public interface Operations {

	/** Runs one SQL statement. It has no inverse. */
	void execute(String sql);

	/**
	 * The step's connection, for work that needs JDBC directly. Using it makes the
	 * revision irreversible.
	 */
	Connection connection();

	/** The database's kind: {@code postgresql} or {@code sqlite}. */
	String dialect();

	/** Creates a table from columns and table constraints. Inverse: drop it. */
	void createTable(String table, TableElement... elements);

	/**
	 * Drops a table. It has no inverse: use {@link #dropTable(String, TableElement...)}
	 * for one.
	 */
	void dropTable(String table);

	/**
	 * Drops a table, stating its definition so that the inverse can create it again
	 * (without its rows).
	 */
	void dropTable(String table, TableElement... elements);

	void renameTable(String table, String newName);

	/** Adds a column. Inverse: drop it. */
	void addColumn(String table, Column column);

	/**
	 * Drops a column. It has no inverse: use {@link #dropColumn(String, Column)} for one.
	 */
	void dropColumn(String table, String column);

	/**
	 * Drops a column, stating its definition so that the inverse can add it again
	 * (without its values).
	 */
	void dropColumn(String table, Column column);

	/**
	 * Changes a column's type, nullability, server default or name; reversible when the
	 * change states the old values.
	 */
	void alterColumn(String table, String column, ColumnChange change);

	/** Creates an index (unique, partial). Inverse: drop it. */
	void createIndex(Index index);

	/** Creates a plain index {@code name} on the columns. */
	void createIndex(String name, String table, String... columns);

	/**
	 * Drops an index by name. It has no inverse: use {@link #dropIndex(Index)} for one.
	 */
	void dropIndex(String name);

	/** Drops an index, stating its definition so that the inverse can create it again. */
	void dropIndex(Index index);

	void createPrimaryKey(String name, String table, String... columns);

	void createUniqueConstraint(String name, String table, String... columns);

	void createForeignKey(String name, String table, List<String> columns, String referencedTable,
			List<String> referencedColumns);

	void createForeignKey(String name, String table, List<String> columns, String referencedTable,
			List<String> referencedColumns, ReferentialAction onDelete, ReferentialAction onUpdate);

	void createCheckConstraint(String name, String table, String condition);

	/** Adds any table constraint. Inverse: drop it by name (so it needs one). */
	void addConstraint(String table, Constraint constraint);

	/**
	 * Drops a named constraint. It has no inverse: use
	 * {@link #dropConstraint(String, Constraint)} for one.
	 */
	void dropConstraint(String name, String table);

	/**
	 * Drops a named constraint, stating its definition so that the inverse can add it
	 * again.
	 */
	void dropConstraint(String table, Constraint constraint);

	/**
	 * Inserts rows, one map of column to value per row ({@code null}, numbers, booleans,
	 * strings; anything else as its string). Rows inserted into a table created by the
	 * same revision need no inverse: dropping the table removes them; other inserts have
	 * none.
	 */
	void bulkInsert(String table, List<Map<String, Object>> rows);

}
