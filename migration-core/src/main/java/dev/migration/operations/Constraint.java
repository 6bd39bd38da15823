package dev.migration.operations;

import java.util.List;
import java.util.Objects;

/**
 * A table constraint: primary key, unique, foreign key or check. Give it a name: only
 * named constraints can be dropped again, on every database.
 *
 * @param kind what the constraint is
 * @param name its name, or {@code null} for an unnamed constraint
 * @param columns the constrained columns (empty for a check)
 * @param referencedTable the referenced table of a foreign key, else {@code null}
 * @param referencedColumns the referenced columns of a foreign key, else empty
 * @param onDelete a foreign key's action on delete, or {@code null} for the database's
 * default (no action)
 * @param onUpdate a foreign key's action on update, or {@code null}
 * @param condition a check's boolean SQL expression, else {@code null}
 */
public record Constraint(Kind kind, String name, List<String> columns, String referencedTable,
		List<String> referencedColumns, ReferentialAction onDelete, ReferentialAction onUpdate,
		String condition) implements TableElement {

	/** The kinds of table constraint. */
	public enum Kind {

		PRIMARY_KEY, UNIQUE, FOREIGN_KEY, CHECK

	}

	public Constraint {
		Objects.requireNonNull(kind, "kind");
		columns = List.copyOf(columns);
		referencedColumns = List.copyOf(referencedColumns);
		if (kind == Kind.CHECK) {
			Objects.requireNonNull(condition, "condition");
		}
		else if (columns.isEmpty()) {
			throw new IllegalArgumentException("A " + kind + " constraint needs at least one column");
		}
		if (kind == Kind.FOREIGN_KEY) {
			Objects.requireNonNull(referencedTable, "referencedTable");
			if (referencedColumns.size() != columns.size()) {
				throw new IllegalArgumentException("Foreign key " + name + " has " + columns.size()
						+ " column(s) but references " + referencedColumns.size());
			}
		}
	}

	public static Constraint primaryKey(String name, String... columns) {
		return new Constraint(Kind.PRIMARY_KEY, name, List.of(columns), null, List.of(), null, null, null);
	}

	public static Constraint unique(String name, String... columns) {
		return new Constraint(Kind.UNIQUE, name, List.of(columns), null, List.of(), null, null, null);
	}

	public static Constraint check(String name, String condition) {
		return new Constraint(Kind.CHECK, name, List.of(), null, List.of(), null, null, condition);
	}

	public static Constraint foreignKey(String name, List<String> columns, String referencedTable,
			List<String> referencedColumns) {
		return new Constraint(Kind.FOREIGN_KEY, name, columns, referencedTable, referencedColumns, null, null, null);
	}

	/** A single-column foreign key. */
	public static Constraint foreignKey(String name, String column, String referencedTable, String referencedColumn) {
		return foreignKey(name, List.of(column), referencedTable, List.of(referencedColumn));
	}

	public Constraint onDelete(ReferentialAction action) {
		return new Constraint(this.kind, this.name, this.columns, this.referencedTable, this.referencedColumns, action,
				this.onUpdate, this.condition);
	}

	public Constraint onUpdate(ReferentialAction action) {
		return new Constraint(this.kind, this.name, this.columns, this.referencedTable, this.referencedColumns,
				this.onDelete, action, this.condition);
	}

}
