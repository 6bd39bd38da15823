package dev.migration.operations;

import java.util.List;
import java.util.Objects;

/**
 * An index: {@code Index.on("users", "email").named("ix_users_email").unique()},
 * optionally partial with {@link #where(String)}.
 *
 * @param name the index name
 * @param table the indexed table
 * @param columns the indexed columns (or expressions, as SQL)
 * @param isUnique whether it is unique
 * @param where the condition of a partial index, or {@code null}
 */
public record Index(String name, String table, List<String> columns, boolean isUnique, String where) {

	public Index {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(table, "table");
		columns = List.copyOf(columns);
		if (columns.isEmpty()) {
			throw new IllegalArgumentException("Index " + name + " needs at least one column");
		}
	}

	/**
	 * An index named {@code ix_
	 *
	<table>
	 * _<columns>} until {@link #named(String)}.
	 */
	public static Index on(String table, String... columns) {
		return new Index("ix_" + table + "_" + String.join("_", columns), table, List.of(columns), false, null);
	}

	public Index named(String newName) {
		return new Index(newName, this.table, this.columns, this.isUnique, this.where);
	}

	public Index unique() {
		return new Index(this.name, this.table, this.columns, true, this.where);
	}

	/** A partial index over the rows where the condition holds. */
	public Index where(String condition) {
		return new Index(this.name, this.table, this.columns, this.isUnique, condition);
	}

}
