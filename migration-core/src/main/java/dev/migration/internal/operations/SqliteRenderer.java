package dev.migration.internal.operations;

import java.util.List;

import dev.migration.operations.Column;
import dev.migration.operations.ColumnChange;
import dev.migration.operations.ColumnType;
import dev.migration.operations.ServerDefault;

/**
 * SQLite: {@code ALTER TABLE} only renames and adds simple columns, so the other changes
 * of a table are a move-and-copy ({@link SqliteTableCopy}), which needs the live table.
 * Offline, such an operation is a comment.
 */
public final class SqliteRenderer extends SqlRenderer {

	@Override
	public boolean needsCopy(Operation operation) {
		if (operation instanceof Operation.AddColumn add) {
			Column column = add.column();
			ServerDefault value = column.serverDefault();
			// what SQLite's ADD COLUMN refuses: keys, NOT NULL without default,
			// non-constant defaults
			return column.isPrimaryKey() || column.isUnique() || (!column.nullable() && value == null) || (value != null
					&& (value.kind() == ServerDefault.Kind.NOW || value.kind() == ServerDefault.Kind.EXPRESSION));
		}
		if (operation instanceof Operation.AlterColumn alter) {
			ColumnChange change = alter.change();
			return change.type() != null || change.nullable() != null || change.changesServerDefault();
		}
		return operation instanceof Operation.DropColumn || operation instanceof Operation.AddConstraint
				|| operation instanceof Operation.DropConstraint;
	}

	@Override
	public List<String> render(Operation operation) {
		if (operation instanceof Operation.AlterColumn alter && !needsCopy(operation)) {
			return alterColumn(alter);
		}
		if (needsCopy(operation) && !(operation instanceof Operation.DropColumn)) {
			return List.of("-- SQLite has no ALTER TABLE for this; at run time the table "
					+ SqliteTableCopy.tableOf(operation) + " is moved and copied: " + describe(operation));
		}
		return super.render(operation);
	}

	private String describe(Operation operation) {
		if (operation instanceof Operation.AddConstraint add) {
			return "ADD " + constraint(add.constraint());
		}
		if (operation instanceof Operation.DropConstraint drop) {
			return "DROP CONSTRAINT " + quote(drop.name());
		}
		if (operation instanceof Operation.AddColumn add) {
			return "ADD COLUMN " + column(add.column(), true);
		}
		Operation.AlterColumn alter = (Operation.AlterColumn) operation;
		ColumnChange change = alter.change();
		List<String> parts = new java.util.ArrayList<>();
		if (change.type() != null) {
			parts.add("TYPE " + type(change.type()));
		}
		if (change.nullable() != null) {
			parts.add(change.nullable() ? "NULL" : "NOT NULL");
		}
		if (change.serverDefault() != null) {
			parts.add("DEFAULT " + serverDefault(change.serverDefault()));
		}
		else if (change.dropsServerDefault()) {
			parts.add("DROP DEFAULT");
		}
		return "ALTER COLUMN " + quote(alter.column()) + " " + String.join(", ", parts);
	}

	@Override
	protected String autoIncrementKey(Column column, boolean inlineKey) {
		// the rowid alias: SQLite numbers it
		return (column.isAutoIncrement() && inlineKey) ? "INTEGER PRIMARY KEY" : null;
	}

	@Override
	protected boolean primaryKeyImpliesNotNull() {
		return false;
	}

	@Override
	protected String typeName(ColumnType.Kind kind) {
		return switch (kind) {
			case JSONB -> "JSON";
			case BYTES -> "BLOB";
			default -> null;
		};
	}

	@Override
	public String serverDefault(ServerDefault value) {
		// SQLite requires an expression in parentheses
		return (value.kind() == ServerDefault.Kind.EXPRESSION) ? "(" + value.value() + ")" : super.serverDefault(value);
	}

	@Override
	protected String currentTimestamp() {
		return "CURRENT_TIMESTAMP";
	}

	@Override
	protected List<String> alterColumn(Operation.AlterColumn alter) {
		// only a rename is plain DDL on SQLite; the rest is a move-and-copy
		return List.of("ALTER TABLE " + quote(alter.table()) + " RENAME COLUMN " + quote(alter.column()) + " TO "
				+ quote(alter.change().newName()));
	}

	@Override
	protected String booleanLiteral(boolean value) {
		return value ? "1" : "0";
	}

	@Override
	protected String bytesLiteral(String hex) {
		return "X'" + hex + "'";
	}

}
