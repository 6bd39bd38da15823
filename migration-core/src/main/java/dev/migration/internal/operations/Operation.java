package dev.migration.internal.operations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.migration.operations.Column;
import dev.migration.operations.ColumnChange;
import dev.migration.operations.Constraint;
import dev.migration.operations.Index;
import dev.migration.operations.Operations;
import dev.migration.operations.TableElement;

/**
 * One call of the operations DSL as a value: recorded without a database to know a
 * revision's inverse, rendered to SQL per dialect, replayed on an {@link Operations}.
 */
public sealed interface Operation {

	/** Calls the matching DSL method. */
	void replay(Operations operations);

	/** The operation that undoes this one, or empty when there is none. */
	Optional<Operation> inverse();

	/** A table and its elements. */
	record CreateTable(String table, List<TableElement> elements) implements Operation {

		public CreateTable {
			elements = List.copyOf(elements);
		}

		public List<Column> columns() {
			List<Column> columns = new ArrayList<>();
			for (TableElement element : this.elements) {
				if (element instanceof Column column) {
					columns.add(column);
				}
			}
			return columns;
		}

		public List<Constraint> constraints() {
			List<Constraint> constraints = new ArrayList<>();
			for (TableElement element : this.elements) {
				if (element instanceof Constraint constraint) {
					constraints.add(constraint);
				}
			}
			return constraints;
		}

		@Override
		public void replay(Operations operations) {
			operations.createTable(this.table, this.elements.toArray(new TableElement[0]));
		}

		@Override
		public Optional<Operation> inverse() {
			return Optional.of(new DropTable(this.table, this.elements));
		}

	}

	/** {@code elements} is {@code null} when the definition was not given. */
	record DropTable(String table, List<TableElement> elements) implements Operation {

		public DropTable {
			elements = (elements != null) ? List.copyOf(elements) : null;
		}

		@Override
		public void replay(Operations operations) {
			if (this.elements == null) {
				operations.dropTable(this.table);
			}
			else {
				operations.dropTable(this.table, this.elements.toArray(new TableElement[0]));
			}
		}

		@Override
		public Optional<Operation> inverse() {
			return (this.elements != null) ? Optional.of(new CreateTable(this.table, this.elements)) : Optional.empty();
		}

	}

	record RenameTable(String table, String newName) implements Operation {

		@Override
		public void replay(Operations operations) {
			operations.renameTable(this.table, this.newName);
		}

		@Override
		public Optional<Operation> inverse() {
			return Optional.of(new RenameTable(this.newName, this.table));
		}

	}

	record AddColumn(String table, Column column) implements Operation {

		@Override
		public void replay(Operations operations) {
			operations.addColumn(this.table, this.column);
		}

		@Override
		public Optional<Operation> inverse() {
			return Optional.of(new DropColumn(this.table, this.column.name(), this.column));
		}

	}

	/** {@code definition} is {@code null} when it was not given. */
	record DropColumn(String table, String column, Column definition) implements Operation {

		@Override
		public void replay(Operations operations) {
			if (this.definition == null) {
				operations.dropColumn(this.table, this.column);
			}
			else {
				operations.dropColumn(this.table, this.definition);
			}
		}

		@Override
		public Optional<Operation> inverse() {
			return (this.definition != null) ? Optional.of(new AddColumn(this.table, this.definition))
					: Optional.empty();
		}

	}

	record AlterColumn(String table, String column, ColumnChange change) implements Operation {

		/** The column's name after the change. */
		public String finalName() {
			return (this.change.newName() != null) ? this.change.newName() : this.column;
		}

		@Override
		public void replay(Operations operations) {
			operations.alterColumn(this.table, this.column, this.change);
		}

		@Override
		public Optional<Operation> inverse() {
			ColumnChange undo = ColumnChange.to();
			if (this.change.type() != null) {
				if (this.change.existingType() == null) {
					return Optional.empty();
				}
				undo = undo.type(this.change.existingType()).existingType(this.change.type());
			}
			if (this.change.nullable() != null) {
				if (this.change.existingNullable() == null) {
					return Optional.empty();
				}
				undo = undo.nullable(this.change.existingNullable()).existingNullable(this.change.nullable());
			}
			if (this.change.changesServerDefault()) {
				if (!this.change.existingServerDefaultKnown()) {
					return Optional.empty();
				}
				undo = (this.change.existingServerDefault() != null)
						? undo.serverDefault(this.change.existingServerDefault()) : undo.dropServerDefault();
				undo = undo.existingServerDefault(this.change.serverDefault());
			}
			if (this.change.newName() != null) {
				undo = undo.rename(this.column);
			}
			return Optional.of(new AlterColumn(this.table, finalName(), undo));
		}

	}

	record CreateIndex(Index index) implements Operation {

		@Override
		public void replay(Operations operations) {
			operations.createIndex(this.index);
		}

		@Override
		public Optional<Operation> inverse() {
			return Optional.of(new DropIndex(this.index.name(), this.index));
		}

	}

	/** {@code definition} is {@code null} when it was not given. */
	record DropIndex(String name, Index definition) implements Operation {

		@Override
		public void replay(Operations operations) {
			if (this.definition == null) {
				operations.dropIndex(this.name);
			}
			else {
				operations.dropIndex(this.definition);
			}
		}

		@Override
		public Optional<Operation> inverse() {
			return (this.definition != null) ? Optional.of(new CreateIndex(this.definition)) : Optional.empty();
		}

	}

	record AddConstraint(String table, Constraint constraint) implements Operation {

		@Override
		public void replay(Operations operations) {
			operations.addConstraint(this.table, this.constraint);
		}

		@Override
		public Optional<Operation> inverse() {
			return (this.constraint.name() != null)
					? Optional.of(new DropConstraint(this.table, this.constraint.name(), this.constraint))
					: Optional.empty();
		}

	}

	/** {@code definition} is {@code null} when it was not given. */
	record DropConstraint(String table, String name, Constraint definition) implements Operation {

		@Override
		public void replay(Operations operations) {
			if (this.definition == null) {
				operations.dropConstraint(this.name, this.table);
			}
			else {
				operations.dropConstraint(this.table, this.definition);
			}
		}

		@Override
		public Optional<Operation> inverse() {
			return (this.definition != null) ? Optional.of(new AddConstraint(this.table, this.definition))
					: Optional.empty();
		}

	}

	record Execute(String sql) implements Operation {

		@Override
		public void replay(Operations operations) {
			operations.execute(this.sql);
		}

		@Override
		public Optional<Operation> inverse() {
			return Optional.empty();
		}

	}

	record BulkInsert(String table, List<Map<String, Object>> rows) implements Operation {

		public BulkInsert {
			List<Map<String, Object>> copy = new ArrayList<>(rows.size());
			for (Map<String, Object> row : rows) {
				// keeps the caller's column order and allows null values
				copy.add(java.util.Collections.unmodifiableMap(new LinkedHashMap<>(row)));
			}
			rows = java.util.Collections.unmodifiableList(copy);
		}

		@Override
		public void replay(Operations operations) {
			operations.bulkInsert(this.table, this.rows);
		}

		@Override
		public Optional<Operation> inverse() {
			return Optional.empty();
		}

	}

}
