package dev.migration.internal.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.migration.internal.operations.SqliteRenderer;
import dev.migration.internal.schema.SchemaComparison.ColumnChange;
import dev.migration.internal.schema.SchemaComparison.TableChange;
import dev.migration.internal.schema.SchemaModel.Col;
import dev.migration.internal.schema.SchemaModel.Idx;
import dev.migration.internal.schema.SchemaModel.Table;

/**
 * The statements that take a SQLite schema from a comparison's {@code from} to its
 * {@code to}. New tables and indexes are written exactly as the target's stored text; a
 * new plain column is an {@code ALTER TABLE ADD COLUMN}, a dropped column nothing else
 * uses an {@code ALTER TABLE DROP COLUMN}; every other change of a table is an explicit
 * move-and-copy to the target's {@code CREATE TABLE}: create it under a temporary name,
 * copy the shared columns, drop the old table, rename, recreate the indexes.
 */
final class SqliteScript extends SchemaScript {

	SqliteScript() {
		super(new SqliteRenderer());
	}

	@Override
	void writeAll(SchemaComparison comparison) {
		java.util.Set<String> copied = new java.util.HashSet<>();
		for (TableChange change : comparison.changedTables()) {
			if (needsCopy(change)) {
				copied.add(change.name());
			}
		}
		boolean droppedColumns = comparison.changedTables()
			.stream()
			.anyMatch((change) -> !change.removedColumns().isEmpty());
		ObjectScript objects = new ObjectScript(comparison, copied, false);
		objects.before(this.out, !copied.isEmpty() || droppedColumns);
		Scripts.renameHints(comparison, this.out);
		for (TableChange change : comparison.changedTables()) {
			if (!needsCopy(change)) {
				for (Idx index : change.removedIndexes()) {
					this.out.add("DROP INDEX " + this.renderer.quote(index.name()));
				}
			}
		}
		for (Table table : Scripts.creationOrder(comparison.addedTables())) {
			this.out.add(table.createSql());
			for (Idx index : table.indexes()) {
				this.out.add(index.sql());
			}
		}
		for (TableChange change : comparison.changedTables()) {
			if (needsCopy(change)) {
				copy(change);
			}
			else {
				Map<String, String> definitions = SqliteReflector.columnDefinitions(change.to().createSql());
				for (Col column : change.addedColumns()) {
					this.out.add("ALTER TABLE " + this.renderer.quote(change.name()) + " ADD COLUMN "
							+ definitions.get(column.name()));
				}
				for (Col column : change.removedColumns()) {
					this.out.add("ALTER TABLE " + this.renderer.quote(change.name()) + " DROP COLUMN "
							+ this.renderer.quote(column.name()));
				}
				for (Idx index : change.addedIndexes()) {
					this.out.add(index.sql());
				}
			}
		}
		List<Table> dropped = Scripts.creationOrder(comparison.removedTables());
		java.util.Collections.reverse(dropped);
		for (Table table : dropped) {
			this.out.add("DROP TABLE " + this.renderer.quote(table.name()));
		}
		objects.after(this.out);
	}

	/**
	 * Whether ALTER TABLE cannot do the change: anything but plain columns added or
	 * dropped and index changes.
	 */
	static boolean needsCopy(TableChange change) {
		for (Col column : change.removedColumns()) {
			if (!droppable(change, column.name())) {
				return true;
			}
		}
		if (!change.changedColumns().isEmpty() || change.keyChanged() || !change.addedUniques().isEmpty()
				|| !change.removedUniques().isEmpty() || !change.addedForeignKeys().isEmpty()
				|| !change.removedForeignKeys().isEmpty() || !change.addedChecks().isEmpty()
				|| !change.removedChecks().isEmpty()) {
			return true;
		}
		Map<String, String> definitions = SqliteReflector.columnDefinitions(change.to().createSql());
		for (Col column : change.addedColumns()) {
			String definition = definitions.get(column.name());
			if (definition == null || !plainColumn(column, definition)) {
				return true;
			}
		}
		return false;
	}

	// what SQLite's DROP COLUMN (3.35+) accepts: no key, unique, foreign key, check or
	// remaining index uses it
	private static boolean droppable(TableChange change, String column) {
		Table from = change.from();
		if (from.primaryKey() != null && from.primaryKey().columns().contains(column)) {
			return false;
		}
		if (from.uniques().stream().anyMatch((unique) -> unique.columns().contains(column))
				|| from.foreignKeys().stream().anyMatch((key) -> key.columns().contains(column))) {
			return false;
		}
		String lower = column.toLowerCase(Locale.ROOT);
		if (from.checks().stream().anyMatch((check) -> check.expression().toLowerCase(Locale.ROOT).contains(lower))) {
			return false;
		}
		for (Idx index : from.indexes()) {
			boolean kept = change.removedIndexes().stream().noneMatch((removed) -> removed.name().equals(index.name()));
			if (kept && (index.columns().contains(column) || index.columns().contains("<expression>")
					|| (index.where() != null && index.where().toLowerCase(Locale.ROOT).contains(lower)))) {
				return false;
			}
		}
		return true;
	}

	// what SQLite's ADD COLUMN accepts: no key, no unique, NOT NULL only with a constant
	// default
	private static boolean plainColumn(Col column, String definition) {
		String upper = " " + definition.toUpperCase(Locale.ROOT).replaceAll("\\s+", " ") + " ";
		if (upper.contains(" PRIMARY ") || upper.contains(" UNIQUE") || upper.contains(" GENERATED ")
				|| upper.contains(" AS (")) {
			return false;
		}
		if (upper.contains("DEFAULT (") || upper.contains("CURRENT_")) {
			return false;
		}
		return column.nullable() || column.defaultValue() != null;
	}

	private void copy(TableChange change) {
		String table = change.name();
		String temporary = "_migration_new_" + table;
		List<String> shared = new ArrayList<>();
		for (Col column : change.to().columns()) {
			if (change.from().column(column.name()) != null) {
				shared.add(column.name());
			}
		}
		this.out.add("-- Move and copy table " + table + ": SQLite's ALTER TABLE cannot make these changes. "
				+ "The PRAGMA below tells the engine to run this step with foreign keys off (switched off before the "
				+ "step's transaction, checked with foreign_key_check before its commit, switched on again after), so "
				+ "that dropping the old table fires no ON DELETE actions of tables that reference it. Its triggers "
				+ "go with the old table and are created again below.");
		this.out.add("PRAGMA foreign_keys = OFF");
		for (Col column : change.addedColumns()) {
			if (!column.nullable() && column.defaultValue() == null) {
				this.out.add("-- TODO: new column " + table + "." + column.name() + " is NOT NULL without a default: "
						+ "add a value for it to the INSERT below, or the copy fails when the table has rows.");
			}
		}
		for (ColumnChange column : change.changedColumns()) {
			if (column.from().nullable() && !column.to().nullable()) {
				this.out.add("-- TODO: " + table + "." + column.to().name() + " becomes NOT NULL: the copy fails on "
						+ "rows where it is NULL; fill them first (UPDATE ... SET " + column.to().name() + " = ...).");
			}
		}
		this.out.add(SqliteReflector.renamed(change.to().createSql(), this.renderer.quote(temporary)));
		String columns = this.renderer.quoteAll(shared);
		if (!shared.isEmpty()) {
			this.out.add("INSERT INTO " + this.renderer.quote(temporary) + " (" + columns + ") SELECT " + columns
					+ " FROM " + this.renderer.quote(table));
		}
		this.out.add("DROP TABLE " + this.renderer.quote(table));
		this.out.add("ALTER TABLE " + this.renderer.quote(temporary) + " RENAME TO " + this.renderer.quote(table));
		for (Idx index : change.to().indexes()) {
			this.out.add(index.sql());
		}
	}

}
