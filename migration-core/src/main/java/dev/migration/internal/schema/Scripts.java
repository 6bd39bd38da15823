package dev.migration.internal.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.migration.internal.schema.SchemaComparison.TableChange;
import dev.migration.internal.schema.SchemaModel.Col;
import dev.migration.internal.schema.SchemaModel.ForeignKey;
import dev.migration.internal.schema.SchemaModel.Table;

/**
 * What the PostgreSQL and SQLite scripts share: rename hints, the order tables are
 * created in, the text of a section.
 */
final class Scripts {

	private Scripts() {
	}

	/**
	 * Comments where something disappears and something else appears: that may be a
	 * rename, which no diff sees.
	 */
	static void renameHints(SchemaComparison comparison, List<String> out) {
		if (!comparison.addedTables().isEmpty() && !comparison.removedTables().isEmpty()) {
			out.add("-- NOTE: table(s) " + names(comparison.removedTables()) + " disappear and "
					+ names(comparison.addedTables()) + " appear. Autogenerate cannot detect renames: if this is one, "
					+ "replace the DROP TABLE and CREATE TABLE below with ALTER TABLE old RENAME TO new, or the rows "
					+ "are" + " lost.");
		}
		for (TableChange change : comparison.changedTables()) {
			if (!change.addedColumns().isEmpty() && !change.removedColumns().isEmpty()) {
				out.add("-- NOTE: in table " + change.name() + ", column(s) " + columns(change.removedColumns())
						+ " disappear and " + columns(change.addedColumns()) + " appear. Autogenerate cannot detect "
						+ "renames: if this is one, replace the drop and add below with ALTER TABLE " + change.name()
						+ " RENAME COLUMN old TO new, or the values are lost.");
			}
		}
	}

	private static String names(List<Table> tables) {
		List<String> names = new ArrayList<>();
		for (Table table : tables) {
			names.add(table.name());
		}
		return String.join(", ", names);
	}

	private static String columns(List<Col> columns) {
		List<String> names = new ArrayList<>();
		for (Col column : columns) {
			names.add(column.name());
		}
		return String.join(", ", names);
	}

	/**
	 * Referenced tables before the tables that reference them; a cycle keeps the name
	 * order.
	 */
	static List<Table> creationOrder(List<Table> tables) {
		Map<String, Table> byName = new LinkedHashMap<>();
		for (Table table : tables) {
			byName.put(table.name(), table);
		}
		Set<String> done = new LinkedHashSet<>();
		Set<String> visiting = new LinkedHashSet<>();
		for (String name : byName.keySet()) {
			visit(name, byName, done, visiting);
		}
		List<Table> ordered = new ArrayList<>();
		for (String name : done) {
			ordered.add(byName.get(name));
		}
		return ordered;
	}

	private static void visit(String name, Map<String, Table> byName, Set<String> done, Set<String> visiting) {
		if (done.contains(name) || !visiting.add(name)) {
			return;
		}
		for (ForeignKey key : byName.get(name).foreignKeys()) {
			if (byName.containsKey(key.referencedTable()) && !key.referencedTable().equals(name)) {
				visit(key.referencedTable(), byName, done, visiting);
			}
		}
		done.add(name);
	}

	/**
	 * A section's text: statements end with {@code ;}, comments stand alone; empty when
	 * there is nothing.
	 */
	static String text(List<String> statements) {
		StringBuilder text = new StringBuilder();
		for (String statement : statements) {
			text.append(statement);
			if (!statement.startsWith("--")) {
				text.append(';');
			}
			text.append('\n');
		}
		return text.toString();
	}

}
