package dev.migration.internal.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.migration.internal.operations.Operation;
import dev.migration.internal.operations.PostgresRenderer;
import dev.migration.internal.schema.SchemaComparison.ColumnChange;
import dev.migration.internal.schema.SchemaComparison.TableChange;
import dev.migration.internal.schema.SchemaModel.Check;
import dev.migration.internal.schema.SchemaModel.Col;
import dev.migration.internal.schema.SchemaModel.ForeignKey;
import dev.migration.internal.schema.SchemaModel.Idx;
import dev.migration.internal.schema.SchemaModel.Table;
import dev.migration.internal.schema.SchemaModel.Unique;
import dev.migration.operations.Column;
import dev.migration.operations.ColumnType;
import dev.migration.operations.Constraint;
import dev.migration.operations.ReferentialAction;
import dev.migration.operations.ServerDefault;
import dev.migration.operations.TableElement;

/**
 * The statements that take a PostgreSQL schema from a comparison's {@code from} to its
 * {@code to}, rendered by the operations renderer. Order: drop what goes (foreign keys
 * first), create tables, change columns, add constraints and indexes (foreign keys last),
 * drop tables (referencing ones first).
 */
final class PostgresScript extends SchemaScript {

	PostgresScript() {
		super(new PostgresRenderer());
	}

	@Override
	void writeAll(SchemaComparison comparison) {
		boolean columnsUnderViews = comparison.changedTables()
			.stream()
			.anyMatch((change) -> !change.removedColumns().isEmpty() || change.changedColumns()
				.stream()
				.anyMatch((column) -> !column.from().type().equals(column.to().type())));
		ObjectScript objects = new ObjectScript(comparison, java.util.Set.of(), true);
		objects.before(this.out, columnsUnderViews);
		Scripts.renameHints(comparison, this.out);
		for (TableChange change : comparison.changedTables()) {
			for (ForeignKey key : change.removedForeignKeys()) {
				dropConstraint(change.name(), key.name());
			}
		}
		for (TableChange change : comparison.changedTables()) {
			for (Idx index : change.removedIndexes()) {
				this.out.add("DROP INDEX " + this.renderer.quote(index.name()));
			}
			for (Unique unique : change.removedUniques()) {
				dropConstraint(change.name(), unique.name());
			}
			for (Check check : change.removedChecks()) {
				dropConstraint(change.name(), check.name());
			}
			if (change.keyChanged() && change.from().primaryKey() != null) {
				dropConstraint(change.name(), change.from().primaryKey().name());
			}
		}
		for (Table table : Scripts.creationOrder(comparison.addedTables())) {
			List<TableElement> elements = new ArrayList<>();
			for (Col column : table.columns()) {
				elements.add(column(column));
			}
			if (table.primaryKey() != null) {
				elements.add(Constraint.primaryKey(table.primaryKey().name(),
						table.primaryKey().columns().toArray(new String[0])));
			}
			for (Unique unique : table.uniques()) {
				elements.add(Constraint.unique(unique.name(), unique.columns().toArray(new String[0])));
			}
			for (Check check : table.checks()) {
				elements.add(Constraint.check(check.name(), check.expression()));
			}
			for (ForeignKey key : table.foreignKeys()) {
				elements.add(foreignKey(key));
			}
			render(new Operation.CreateTable(table.name(), elements));
			for (Idx index : table.indexes()) {
				this.out.add(index.sql());
			}
		}
		for (TableChange change : comparison.changedTables()) {
			for (Col column : change.addedColumns()) {
				if (!column.nullable() && column.defaultValue() == null && !column.autoIncrement()) {
					this.out.add("-- TODO: new column " + change.name() + "." + column.name() + " is NOT NULL without "
							+ "a default: this fails when the table has rows. Add it nullable, fill it, then SET NOT "
							+ "NULL.");
				}
				render(new Operation.AddColumn(change.name(), column(column)));
			}
			for (ColumnChange column : change.changedColumns()) {
				alter(change.name(), column);
			}
			for (Col column : change.removedColumns()) {
				render(new Operation.DropColumn(change.name(), column.name(), null));
			}
		}
		for (TableChange change : comparison.changedTables()) {
			if (change.keyChanged() && change.to().primaryKey() != null) {
				addConstraint(change.name(), Constraint.primaryKey(change.to().primaryKey().name(),
						change.to().primaryKey().columns().toArray(new String[0])));
			}
			for (Unique unique : change.addedUniques()) {
				addConstraint(change.name(), Constraint.unique(unique.name(), unique.columns().toArray(new String[0])));
			}
			for (Check check : change.addedChecks()) {
				addConstraint(change.name(), Constraint.check(check.name(), check.expression()));
			}
			for (Idx index : change.addedIndexes()) {
				this.out.add(index.sql());
			}
		}
		for (TableChange change : comparison.changedTables()) {
			for (ForeignKey key : change.addedForeignKeys()) {
				addConstraint(change.name(), foreignKey(key));
			}
		}
		List<Table> dropped = Scripts.creationOrder(comparison.removedTables());
		java.util.Collections.reverse(dropped);
		for (Table table : dropped) {
			render(new Operation.DropTable(table.name(), null));
		}
		objects.after(this.out);
	}

	/**
	 * Type, then default, then nullability: a new default is in place before
	 * {@code SET NOT NULL} checks rows.
	 */
	private void alter(String table, ColumnChange change) {
		Col from = change.from();
		Col to = change.to();
		dev.migration.operations.ColumnChange none = dev.migration.operations.ColumnChange.to();
		if (!from.type().equals(to.type())) {
			render(new Operation.AlterColumn(table, to.name(), none.type(ColumnType.of(to.type()))));
		}
		if (!Objects.equals(from.defaultValue(), to.defaultValue())) {
			render(new Operation.AlterColumn(table, to.name(), (to.defaultValue() != null)
					? none.serverDefault(ServerDefault.expression(to.defaultValue())) : none.dropServerDefault()));
		}
		if (from.nullable() != to.nullable()) {
			render(new Operation.AlterColumn(table, to.name(), none.nullable(to.nullable())));
		}
		if (from.autoIncrement() != to.autoIncrement()) {
			this.out.add("-- TODO: " + table + "." + to.name() + " changes how it is numbered (" + numbering(from)
					+ " -> " + numbering(to) + "): write this by hand (e.g. ALTER TABLE " + this.renderer.quote(table)
					+ " ALTER COLUMN " + this.renderer.quote(to.name()) + " ADD/DROP IDENTITY, or a sequence)");
		}
	}

	private static String numbering(Col column) {
		return (column.identity() != null) ? "identity" : column.autoIncrement() ? "sequence" : "none";
	}

	private void dropConstraint(String table, String name) {
		render(new Operation.DropConstraint(table, name, null));
	}

	private void addConstraint(String table, Constraint constraint) {
		render(new Operation.AddConstraint(table, constraint));
	}

	private void render(Operation operation) {
		this.out.addAll(this.renderer.render(operation));
	}

	/**
	 * The column as the operations DSL writes it; sequence and identity numbering are
	 * part of the raw type.
	 */
	private static Column column(Col column) {
		String type = column.type();
		if (column.autoIncrement()) {
			type = (column.identity() != null) ? type + " GENERATED " + column.identity() + " AS IDENTITY"
					: serial(type);
		}
		Column result = Column.of(column.name(), ColumnType.of(type)).nullable(column.nullable());
		if (column.defaultValue() != null) {
			result = result.serverDefault(ServerDefault.expression(column.defaultValue()));
		}
		return result;
	}

	private static String serial(String type) {
		return switch (type) {
			case "integer" -> "serial";
			case "bigint" -> "bigserial";
			case "smallint" -> "smallserial";
			default -> type;
		};
	}

	private static Constraint foreignKey(ForeignKey key) {
		Constraint constraint = Constraint.foreignKey(key.name(), key.columns(), key.referencedTable(),
				key.referencedColumns());
		if (!key.onDelete().equals("NO ACTION")) {
			constraint = constraint.onDelete(ReferentialAction.of(key.onDelete()));
		}
		if (!key.onUpdate().equals("NO ACTION")) {
			constraint = constraint.onUpdate(ReferentialAction.of(key.onUpdate()));
		}
		return constraint;
	}

}
