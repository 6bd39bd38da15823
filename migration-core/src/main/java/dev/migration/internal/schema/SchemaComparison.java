package dev.migration.internal.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.migration.internal.schema.SchemaModel.Check;
import dev.migration.internal.schema.SchemaModel.Col;
import dev.migration.internal.schema.SchemaModel.ForeignKey;
import dev.migration.internal.schema.SchemaModel.Idx;
import dev.migration.internal.schema.SchemaModel.Obj;
import dev.migration.internal.schema.SchemaModel.PrimaryKey;
import dev.migration.internal.schema.SchemaModel.Schema;
import dev.migration.internal.schema.SchemaModel.Table;
import dev.migration.internal.schema.SchemaModel.Unique;

/**
 * What differs between two reflected schemas, from {@code from} (the database) to
 * {@code to} (the target). Tables and columns are matched by name, indexes by name and
 * definition, other constraints by what they constrain (their names are generated
 * differently by each database and by hand, so a name alone is no difference).
 */
public record SchemaComparison(Schema from, Schema to, List<Table> addedTables, List<Table> removedTables,
		List<TableChange> changedTables, List<Obj> addedObjects, List<Obj> removedObjects,
		List<ObjectChange> changedObjects) {

	/** A column in both schemas whose type, nullability, default or numbering differs. */
	public record ColumnChange(Col from, Col to) {
	}

	/** A table in both schemas, and what differs in it. */
	public record TableChange(Table from, Table to, List<Col> addedColumns, List<Col> removedColumns,
			List<ColumnChange> changedColumns, boolean keyChanged, List<Unique> addedUniques,
			List<Unique> removedUniques, List<ForeignKey> addedForeignKeys, List<ForeignKey> removedForeignKeys,
			List<Check> addedChecks, List<Check> removedChecks, List<Idx> addedIndexes, List<Idx> removedIndexes) {

		public String name() {
			return this.to.name();
		}

		boolean isEmpty() {
			return this.addedColumns.isEmpty() && this.removedColumns.isEmpty() && this.changedColumns.isEmpty()
					&& !this.keyChanged && this.addedUniques.isEmpty() && this.removedUniques.isEmpty()
					&& this.addedForeignKeys.isEmpty() && this.removedForeignKeys.isEmpty()
					&& this.addedChecks.isEmpty() && this.removedChecks.isEmpty() && this.addedIndexes.isEmpty()
					&& this.removedIndexes.isEmpty();
		}

		/** Whether anything but indexes changed. */
		boolean changesTable() {
			return !this.addedColumns.isEmpty() || !this.removedColumns.isEmpty() || !this.changedColumns.isEmpty()
					|| this.keyChanged || !this.addedUniques.isEmpty() || !this.removedUniques.isEmpty()
					|| !this.addedForeignKeys.isEmpty() || !this.removedForeignKeys.isEmpty()
					|| !this.addedChecks.isEmpty() || !this.removedChecks.isEmpty();
		}

	}

	/** An object in both schemas whose definition differs. */
	public record ObjectChange(Obj from, Obj to) {
	}

	public static SchemaComparison compare(Schema from, Schema to) {
		List<Table> addedTables = new ArrayList<>();
		List<Table> removedTables = new ArrayList<>();
		List<TableChange> changedTables = new ArrayList<>();
		List<Obj> addedObjects = new ArrayList<>();
		List<Obj> removedObjects = new ArrayList<>();
		List<ObjectChange> changedObjects = new ArrayList<>();
		for (Table table : to.tables().values()) {
			Table before = from.table(table.name());
			if (before == null) {
				addedTables.add(table);
			}
			else {
				TableChange change = compare(before, table);
				if (!change.isEmpty()) {
					changedTables.add(change);
				}
			}
		}
		for (Table table : from.tables().values()) {
			if (to.table(table.name()) == null) {
				removedTables.add(table);
			}
		}
		Map<String, Obj> before = new LinkedHashMap<>();
		for (Obj object : from.objects()) {
			before.put(object.key(), object);
		}
		Map<String, Obj> after = new LinkedHashMap<>();
		for (Obj object : to.objects()) {
			after.put(object.key(), object);
			Obj old = before.get(object.key());
			if (old == null) {
				addedObjects.add(object);
			}
			else if (!old.definition().equals(object.definition())) {
				changedObjects.add(new ObjectChange(old, object));
			}
		}
		for (Obj object : from.objects()) {
			if (!after.containsKey(object.key())) {
				removedObjects.add(object);
			}
		}
		return new SchemaComparison(from, to, addedTables, removedTables, changedTables, addedObjects, removedObjects,
				changedObjects);
	}

	private static TableChange compare(Table from, Table to) {
		List<Col> added = new ArrayList<>();
		List<ColumnChange> changed = new ArrayList<>();
		for (Col column : to.columns()) {
			Col before = from.column(column.name());
			if (before == null) {
				added.add(column);
			}
			else if (!before.sameAs(column)) {
				changed.add(new ColumnChange(before, column));
			}
		}
		List<Col> removed = new ArrayList<>();
		for (Col column : from.columns()) {
			if (to.column(column.name()) == null) {
				removed.add(column);
			}
		}
		boolean keyChanged = !Objects.equals(keyColumns(from.primaryKey()), keyColumns(to.primaryKey()));
		List<Idx> addedIndexes = new ArrayList<>();
		List<Idx> removedIndexes = new ArrayList<>();
		for (Idx index : to.indexes()) {
			Idx before = from.index(index.name());
			if (before == null || !before.definition().equals(index.definition())) {
				addedIndexes.add(index);
				if (before != null) {
					removedIndexes.add(before);
				}
			}
		}
		for (Idx index : from.indexes()) {
			if (to.index(index.name()) == null) {
				removedIndexes.add(index);
			}
		}
		return new TableChange(from, to, added, removed, changed, keyChanged,
				missing(to.uniques(), from.uniques(), Unique::signature),
				missing(from.uniques(), to.uniques(), Unique::signature),
				missing(to.foreignKeys(), from.foreignKeys(), ForeignKey::signature),
				missing(from.foreignKeys(), to.foreignKeys(), ForeignKey::signature),
				missing(to.checks(), from.checks(), Check::signature),
				missing(from.checks(), to.checks(), Check::signature), addedIndexes, removedIndexes);
	}

	private static List<String> keyColumns(PrimaryKey key) {
		return (key != null) ? key.columns() : List.of();
	}

	/** The elements of {@code these} that {@code others} lacks, counting duplicates. */
	private static <T> List<T> missing(List<T> these, List<T> others,
			java.util.function.Function<T, String> signature) {
		Map<String, Integer> available = new LinkedHashMap<>();
		for (T other : others) {
			available.merge(signature.apply(other), 1, Integer::sum);
		}
		List<T> result = new ArrayList<>();
		for (T element : these) {
			String key = signature.apply(element);
			int count = available.getOrDefault(key, 0);
			if (count > 0) {
				available.put(key, count - 1);
			}
			else {
				result.add(element);
			}
		}
		return result;
	}

	public boolean isEmpty() {
		return this.addedTables.isEmpty() && this.removedTables.isEmpty() && this.changedTables.isEmpty()
				&& this.addedObjects.isEmpty() && this.removedObjects.isEmpty() && this.changedObjects.isEmpty();
	}

	/**
	 * One line per object that differs but that autogenerate cannot write, so that nobody
	 * applies a revision that silently lacks it.
	 */
	public List<String> warnings() {
		List<String> warnings = new ArrayList<>();
		for (Obj object : this.addedObjects) {
			if (!object.renderable()) {
				warnings.add(object.key() + " is in the target schema but not in the database, and autogenerate cannot "
						+ "write it: add it to the revision by hand.");
			}
		}
		for (ObjectChange change : this.changedObjects) {
			if (!change.to().changeable()) {
				warnings.add(change.to().key() + " differs between the database and the target schema, and "
						+ "autogenerate cannot write it: change it in the revision by hand.");
			}
		}
		for (Obj object : this.removedObjects) {
			if (!object.renderable()) {
				warnings.add(object.key() + " is in the database but not in the target schema, and autogenerate cannot "
						+ "write it: drop it in the revision by hand, or add it to the target schema.");
			}
		}
		return warnings;
	}

	/** The warnings as comments of this script: what a person must add to it. */
	List<String> warningComments() {
		List<String> comments = new ArrayList<>();
		for (Obj object : this.addedObjects) {
			if (!object.renderable()) {
				comments.add("-- WARNING: autogenerate cannot write " + object.key() + ": create it here by hand.");
			}
		}
		for (ObjectChange change : this.changedObjects) {
			if (!change.to().changeable()) {
				comments.add("-- WARNING: autogenerate cannot write the change of " + change.to().key()
						+ ": change it here by hand.");
			}
		}
		for (Obj object : this.removedObjects) {
			if (!object.renderable()) {
				comments.add("-- WARNING: autogenerate cannot write " + object.key() + ": drop it here by hand.");
			}
		}
		return comments;
	}

	/** One human-readable line per difference, in a stable order. */
	public List<String> describe() {
		List<String> lines = new ArrayList<>();
		for (Obj object : this.addedObjects) {
			lines.add("add " + object.key() + notWritten(object));
		}
		for (Table table : this.addedTables) {
			lines.add("add table " + table.name());
		}
		for (Table table : this.removedTables) {
			lines.add("remove table " + table.name());
		}
		for (TableChange change : this.changedTables) {
			String table = change.name();
			for (Col column : change.addedColumns()) {
				lines.add("add column " + table + "." + column.name() + " " + describe(column));
			}
			for (Col column : change.removedColumns()) {
				lines.add("remove column " + table + "." + column.name());
			}
			for (ColumnChange column : change.changedColumns()) {
				String name = table + "." + column.to().name();
				if (!column.from().type().equals(column.to().type())) {
					lines.add("change type of " + name + ": " + column.from().type() + " -> " + column.to().type());
				}
				if (column.from().nullable() != column.to().nullable()) {
					lines.add("change nullability of " + name + ": " + (column.from().nullable() ? "NULL" : "NOT NULL")
							+ " -> " + (column.to().nullable() ? "NULL" : "NOT NULL"));
				}
				if (!Objects.equals(column.from().defaultValue(), column.to().defaultValue())) {
					lines.add("change default of " + name + ": " + orNone(column.from().defaultValue()) + " -> "
							+ orNone(column.to().defaultValue()));
				}
				if (column.from().autoIncrement() != column.to().autoIncrement()) {
					lines.add("change numbering of " + name + ": " + numbering(column.from()) + " -> "
							+ numbering(column.to()));
				}
			}
			if (change.keyChanged()) {
				lines.add("change primary key of " + table + ": ("
						+ String.join(", ", keyColumns(change.from().primaryKey())) + ") -> ("
						+ String.join(", ", keyColumns(change.to().primaryKey())) + ")");
			}
			for (Unique unique : change.addedUniques()) {
				lines.add("add unique constraint on " + table + " (" + String.join(", ", unique.columns()) + ")");
			}
			for (Unique unique : change.removedUniques()) {
				lines.add("remove unique constraint on " + table + " (" + String.join(", ", unique.columns()) + ")");
			}
			for (ForeignKey key : change.addedForeignKeys()) {
				lines.add("add foreign key on " + table + " " + key.describe());
			}
			for (ForeignKey key : change.removedForeignKeys()) {
				lines.add("remove foreign key on " + table + " " + key.describe());
			}
			for (Check check : change.addedChecks()) {
				lines.add("add check constraint on " + table + ": " + check.expression());
			}
			for (Check check : change.removedChecks()) {
				lines.add("remove check constraint on " + table + ": " + check.expression());
			}
			for (Idx index : change.removedIndexes()) {
				boolean replaced = change.addedIndexes()
					.stream()
					.anyMatch((added) -> added.name().equals(index.name()));
				if (!replaced) {
					lines.add("remove index " + index.name() + " on " + table);
				}
			}
			for (Idx index : change.addedIndexes()) {
				boolean replaced = change.removedIndexes().stream().anyMatch((old) -> old.name().equals(index.name()));
				lines.add((replaced ? "change index " : "add index ") + index.name() + " on " + table + " ("
						+ String.join(", ", index.columns()) + ")" + (index.unique() ? " unique" : "")
						+ ((index.where() != null) ? " where " + index.where() : ""));
			}
		}
		for (ObjectChange change : this.changedObjects) {
			lines.add("change " + change.to().key()
					+ (change.to().changeable() ? "" : " (not generated: write it by " + "hand)"));
		}
		for (Obj object : this.removedObjects) {
			lines.add("remove " + object.key() + notWritten(object));
		}
		return lines;
	}

	private static String notWritten(Obj object) {
		return object.renderable() ? "" : " (not generated: write it by hand)";
	}

	private static String describe(Col column) {
		return column.type() + (column.nullable() ? "" : " NOT NULL")
				+ ((column.defaultValue() != null) ? " DEFAULT " + column.defaultValue() : "");
	}

	private static String orNone(String value) {
		return (value != null) ? value : "(none)";
	}

	private static String numbering(Col column) {
		if (column.identity() != null) {
			return "identity";
		}
		return column.autoIncrement() ? "sequence" : "none";
	}

}
