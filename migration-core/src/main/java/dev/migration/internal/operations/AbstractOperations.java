package dev.migration.internal.operations;

import java.util.List;
import java.util.Map;

import dev.migration.operations.Column;
import dev.migration.operations.ColumnChange;
import dev.migration.operations.Constraint;
import dev.migration.operations.Index;
import dev.migration.operations.Operations;
import dev.migration.operations.ReferentialAction;
import dev.migration.operations.TableElement;

/**
 * Turns every DSL call into an {@link Operation} value and hands it to {@link #apply}:
 * executing, recording and rendering differ only there.
 */
public abstract class AbstractOperations implements Operations {

	/** Does the operation: runs it, records it or renders it. */
	protected abstract void apply(Operation operation);

	@Override
	public void execute(String sql) {
		apply(new Operation.Execute(sql));
	}

	@Override
	public void createTable(String table, TableElement... elements) {
		apply(new Operation.CreateTable(table, List.of(elements)));
	}

	@Override
	public void dropTable(String table) {
		apply(new Operation.DropTable(table, null));
	}

	@Override
	public void dropTable(String table, TableElement... elements) {
		apply(new Operation.DropTable(table, List.of(elements)));
	}

	@Override
	public void renameTable(String table, String newName) {
		apply(new Operation.RenameTable(table, newName));
	}

	@Override
	public void addColumn(String table, Column column) {
		apply(new Operation.AddColumn(table, column));
	}

	@Override
	public void dropColumn(String table, String column) {
		apply(new Operation.DropColumn(table, column, null));
	}

	@Override
	public void dropColumn(String table, Column column) {
		apply(new Operation.DropColumn(table, column.name(), column));
	}

	@Override
	public void alterColumn(String table, String column, ColumnChange change) {
		apply(new Operation.AlterColumn(table, column, change));
	}

	@Override
	public void createIndex(Index index) {
		apply(new Operation.CreateIndex(index));
	}

	@Override
	public void createIndex(String name, String table, String... columns) {
		createIndex(Index.on(table, columns).named(name));
	}

	@Override
	public void dropIndex(String name) {
		apply(new Operation.DropIndex(name, null));
	}

	@Override
	public void dropIndex(Index index) {
		apply(new Operation.DropIndex(index.name(), index));
	}

	@Override
	public void createPrimaryKey(String name, String table, String... columns) {
		addConstraint(table, Constraint.primaryKey(name, columns));
	}

	@Override
	public void createUniqueConstraint(String name, String table, String... columns) {
		addConstraint(table, Constraint.unique(name, columns));
	}

	@Override
	public void createForeignKey(String name, String table, List<String> columns, String referencedTable,
			List<String> referencedColumns) {
		addConstraint(table, Constraint.foreignKey(name, columns, referencedTable, referencedColumns));
	}

	@Override
	public void createForeignKey(String name, String table, List<String> columns, String referencedTable,
			List<String> referencedColumns, ReferentialAction onDelete, ReferentialAction onUpdate) {
		addConstraint(table,
				Constraint.foreignKey(name, columns, referencedTable, referencedColumns)
					.onDelete(onDelete)
					.onUpdate(onUpdate));
	}

	@Override
	public void createCheckConstraint(String name, String table, String condition) {
		addConstraint(table, Constraint.check(name, condition));
	}

	@Override
	public void addConstraint(String table, Constraint constraint) {
		apply(new Operation.AddConstraint(table, constraint));
	}

	@Override
	public void dropConstraint(String name, String table) {
		apply(new Operation.DropConstraint(table, name, null));
	}

	@Override
	public void dropConstraint(String table, Constraint constraint) {
		if (constraint.name() == null) {
			throw new IllegalArgumentException(
					"Only a named constraint can be dropped; " + constraint.kind() + " on " + table + " has no name");
		}
		apply(new Operation.DropConstraint(table, constraint.name(), constraint));
	}

	@Override
	public void bulkInsert(String table, List<Map<String, Object>> rows) {
		apply(new Operation.BulkInsert(table, rows));
	}

}
