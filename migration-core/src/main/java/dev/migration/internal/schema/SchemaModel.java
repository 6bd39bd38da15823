package dev.migration.internal.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A reflected schema as comparable values: types and defaults are already normalized per
 * dialect, so the same DDL gives equal values on the live database and on the scratch
 * database.
 */
public final class SchemaModel {

	private SchemaModel() {
	}

	/**
	 * The tables of one schema by name, in name order, and its other objects in creation
	 * order.
	 */
	public record Schema(Map<String, Table> tables, List<Obj> objects) {

		public Schema {
			tables = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tables));
			objects = List.copyOf(objects);
		}

		public Schema(Map<String, Table> tables) {
			this(tables, List.of());
		}

		public Table table(String name) {
			return this.tables.get(name);
		}

	}

	/**
	 * One table.
	 *
	 * @param createSql SQLite's stored {@code CREATE TABLE} text, else {@code null}
	 */
	public record Table(String name, List<Col> columns, PrimaryKey primaryKey, List<Unique> uniques,
			List<ForeignKey> foreignKeys, List<Check> checks, List<Idx> indexes, String createSql) {

		public Table {
			columns = List.copyOf(columns);
			uniques = List.copyOf(uniques);
			foreignKeys = List.copyOf(foreignKeys);
			checks = List.copyOf(checks);
			indexes = List.copyOf(indexes);
		}

		public Col column(String columnName) {
			for (Col column : this.columns) {
				if (column.name().equals(columnName)) {
					return column;
				}
			}
			return null;
		}

		public Idx index(String indexName) {
			for (Idx index : this.indexes) {
				if (index.name().equals(indexName)) {
					return index;
				}
			}
			return null;
		}

		public List<String> columnNames() {
			List<String> names = new ArrayList<>();
			for (Col column : this.columns) {
				names.add(column.name());
			}
			return names;
		}

	}

	/**
	 * A column.
	 *
	 * @param type the normalized type, e.g. {@code character varying(50)} (PostgreSQL),
	 * {@code varchar(50)} (SQLite)
	 * @param defaultValue the normalized default expression, or {@code null}
	 * @param autoIncrement numbered by the database: a sequence default ({@code serial})
	 * or an identity
	 * @param identity {@code ALWAYS} or {@code BY DEFAULT} for a PostgreSQL identity
	 * column, else {@code null}
	 */
	public record Col(String name, String type, boolean nullable, String defaultValue, boolean autoIncrement,
			String identity) {

		/** What the diff compares: everything but the name. */
		boolean sameAs(Col other) {
			return this.type.equals(other.type) && this.nullable == other.nullable
					&& Objects.equals(this.defaultValue, other.defaultValue)
					&& this.autoIncrement == other.autoIncrement;
		}

	}

	public record PrimaryKey(String name, List<String> columns) {

		public PrimaryKey {
			columns = List.copyOf(columns);
		}

	}

	public record Unique(String name, List<String> columns) {

		public Unique {
			columns = List.copyOf(columns);
		}

		String signature() {
			return String.join(",", this.columns);
		}

	}

	/**
	 * {@code onDelete}/{@code onUpdate} are SQL words, {@code NO ACTION} when none was
	 * given.
	 */
	public record ForeignKey(String name, List<String> columns, String referencedTable, List<String> referencedColumns,
			String onDelete, String onUpdate) {

		public ForeignKey {
			columns = List.copyOf(columns);
			referencedColumns = List.copyOf(referencedColumns);
		}

		String signature() {
			return String.join(",", this.columns) + "->" + this.referencedTable + "("
					+ String.join(",", this.referencedColumns) + ") " + this.onDelete + "/" + this.onUpdate;
		}

		String describe() {
			String text = "(" + String.join(", ", this.columns) + ") -> " + this.referencedTable + " ("
					+ String.join(", ", this.referencedColumns) + ")";
			if (!this.onDelete.equals("NO ACTION")) {
				text += " ON DELETE " + this.onDelete;
			}
			if (!this.onUpdate.equals("NO ACTION")) {
				text += " ON UPDATE " + this.onUpdate;
			}
			return text;
		}

	}

	/**
	 * {@code expression} is the condition without the surrounding {@code CHECK (...)}.
	 */
	public record Check(String name, String expression) {

		String signature() {
			return Normalize.sql(this.expression);
		}

	}

	/**
	 * An index that backs no constraint.
	 *
	 * @param definition what is compared: PostgreSQL's index definition without schema,
	 * SQLite's normalized text
	 * @param sql the statement that creates it on this database
	 */
	public record Idx(String name, List<String> columns, boolean unique, String where, String definition, String sql) {

		public Idx {
			columns = List.copyOf(columns);
		}

	}

	/**
	 * An object beyond tables: an extension, function, view, trigger, enum type, sequence
	 * of its own, or one that autogenerate cannot write (another type, a materialized
	 * view, an aggregate).
	 *
	 * @param kind {@code extension}, {@code function}, {@code procedure}, {@code view},
	 * {@code trigger}, ...
	 * @param name the name as people read it, with the arguments for a function:
	 * {@code touch()}
	 * @param table the table of a trigger, else {@code null}
	 * @param definition what is compared, as the database prints it, without the compared
	 * schema's qualifier
	 * @param createSql the statement that creates it, or {@code null} when autogenerate
	 * cannot write it
	 * @param dropSql the statement that drops it, or {@code null}
	 * @param early whether it is created before tables (functions that defaults, checks,
	 * indexes and triggers may use); a {@code BEGIN ATOMIC} body, parsed when created,
	 * comes after the tables it names
	 */
	public record Obj(String kind, String name, String table, String definition, String createSql, String dropSql,
			boolean early) {

		/** What matches an object of the other schema. */
		String key() {
			return this.kind + " " + this.name + ((this.table != null) ? " on " + this.table : "");
		}

		boolean renderable() {
			return this.createSql != null && this.dropSql != null;
		}

		/**
		 * Whether a changed definition can be written: functions, views and triggers are
		 * replaced; a type or a sequence is altered in ways (new enum labels, restarts)
		 * that only a person can choose.
		 */
		boolean changeable() {
			return renderable() && !this.kind.equals("type") && !this.kind.equals("sequence");
		}

	}

}
