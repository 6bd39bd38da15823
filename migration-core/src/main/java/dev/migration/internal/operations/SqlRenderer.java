package dev.migration.internal.operations;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.migration.operations.Column;
import dev.migration.operations.ColumnType;
import dev.migration.operations.Constraint;
import dev.migration.operations.Index;
import dev.migration.operations.ServerDefault;
import dev.migration.operations.TableElement;

/**
 * Renders operations as the SQL of one database. One subclass per database.
 */
public abstract class SqlRenderer {

	private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_]*");

	private static final Set<String> RESERVED = Set.of("all", "and", "as", "asc", "check", "column", "constraint",
			"create", "default", "desc", "distinct", "drop", "end", "false", "foreign", "from", "group", "in", "index",
			"is", "key", "limit", "not", "null", "offset", "on", "or", "order", "primary", "references", "select",
			"table", "to", "true", "unique", "user", "using", "where", "with");

	/**
	 * Whether the operation cannot be one or more plain statements on this database and
	 * needs the table moved and copied (SQLite).
	 */
	public boolean needsCopy(Operation operation) {
		return false;
	}

	/** The statements of an operation, without trailing semicolons. */
	public List<String> render(Operation operation) {
		if (operation instanceof Operation.CreateTable create) {
			return List.of(createTable(create.table(), create.elements()));
		}
		if (operation instanceof Operation.DropTable drop) {
			return List.of("DROP TABLE " + quote(drop.table()));
		}
		if (operation instanceof Operation.RenameTable rename) {
			return List.of("ALTER TABLE " + quote(rename.table()) + " RENAME TO " + quote(rename.newName()));
		}
		if (operation instanceof Operation.AddColumn add) {
			return List.of("ALTER TABLE " + quote(add.table()) + " ADD COLUMN " + column(add.column(), true));
		}
		if (operation instanceof Operation.DropColumn drop) {
			return List.of("ALTER TABLE " + quote(drop.table()) + " DROP COLUMN " + quote(drop.column()));
		}
		if (operation instanceof Operation.AlterColumn alter) {
			return alterColumn(alter);
		}
		if (operation instanceof Operation.CreateIndex create) {
			return List.of(createIndex(create.index()));
		}
		if (operation instanceof Operation.DropIndex drop) {
			return List.of("DROP INDEX " + quote(drop.name()));
		}
		if (operation instanceof Operation.AddConstraint add) {
			return List.of("ALTER TABLE " + quote(add.table()) + " ADD " + constraint(add.constraint()));
		}
		if (operation instanceof Operation.DropConstraint drop) {
			return List.of("ALTER TABLE " + quote(drop.table()) + " DROP CONSTRAINT " + quote(drop.name()));
		}
		if (operation instanceof Operation.Execute execute) {
			return List.of(execute.sql());
		}
		if (operation instanceof Operation.BulkInsert insert) {
			return bulkInsert(insert);
		}
		throw new IllegalStateException("Unknown operation " + operation);
	}

	protected abstract List<String> alterColumn(Operation.AlterColumn alter);

	public String createTable(String table, List<TableElement> elements) {
		List<String> parts = new ArrayList<>();
		List<String> keyColumns = new ArrayList<>();
		for (TableElement element : elements) {
			if (element instanceof Column column && column.isPrimaryKey()) {
				keyColumns.add(column.name());
			}
		}
		for (TableElement element : elements) {
			if (element instanceof Column column) {
				parts.add(column(column, keyColumns.size() == 1));
			}
		}
		if (keyColumns.size() > 1) {
			parts.add("PRIMARY KEY (" + quoteAll(keyColumns) + ")");
		}
		for (TableElement element : elements) {
			if (element instanceof Constraint constraint) {
				parts.add(constraint(constraint));
			}
		}
		return "CREATE TABLE " + quote(table) + " (\n    " + String.join(",\n    ", parts) + "\n)";
	}

	/** A column definition; {@code inlineKey} renders its primary key inline. */
	public String column(Column column, boolean inlineKey) {
		StringBuilder sql = new StringBuilder(quote(column.name())).append(' ');
		String autoIncrement = autoIncrementKey(column, inlineKey);
		if (autoIncrement != null) {
			return sql.append(autoIncrement).toString();
		}
		sql.append(type(column.type()));
		if (column.isAutoIncrement()) {
			sql.append(autoIncrementSuffix());
		}
		boolean inlinePrimaryKey = column.isPrimaryKey() && inlineKey;
		if (inlinePrimaryKey) {
			sql.append(" PRIMARY KEY");
		}
		if (!column.nullable() && !(inlinePrimaryKey && primaryKeyImpliesNotNull())) {
			sql.append(" NOT NULL");
		}
		if (column.serverDefault() != null) {
			sql.append(" DEFAULT ").append(serverDefault(column.serverDefault()));
		}
		if (column.isUnique()) {
			sql.append(" UNIQUE");
		}
		return sql.toString();
	}

	/**
	 * The whole rest of an auto-numbered key column's definition where the database has a
	 * form of its own.
	 */
	protected String autoIncrementKey(Column column, boolean inlineKey) {
		return null;
	}

	/** What follows the type of an auto-numbered column. */
	protected String autoIncrementSuffix() {
		return "";
	}

	/** Whether an inline {@code PRIMARY KEY} already says {@code NOT NULL}. */
	protected abstract boolean primaryKeyImpliesNotNull();

	/**
	 * The type as this database spells it: the standard name unless {@link #typeName}
	 * says otherwise.
	 */
	public String type(ColumnType type) {
		String own = typeName(type.kind());
		if (own != null) {
			return own;
		}
		return switch (type.kind()) {
			case VARCHAR -> "VARCHAR(" + type.length() + ")";
			case NUMERIC -> "NUMERIC(" + type.precision() + ", " + type.scale() + ")";
			case OTHER -> type.raw();
			default -> type.kind().name();
		};
	}

	/**
	 * This database's name for a kind of type where it differs from the standard one,
	 * else {@code null}.
	 */
	protected abstract String typeName(ColumnType.Kind kind);

	public String serverDefault(ServerDefault value) {
		return switch (value.kind()) {
			case TRUE -> booleanLiteral(true);
			case FALSE -> booleanLiteral(false);
			case NOW -> currentTimestamp();
			default -> value.toString();
		};
	}

	/** The expression of a {@code DEFAULT} that means the time of the insert. */
	protected abstract String currentTimestamp();

	public String constraint(Constraint constraint) {
		StringBuilder sql = new StringBuilder();
		if (constraint.name() != null) {
			sql.append("CONSTRAINT ").append(quote(constraint.name())).append(' ');
		}
		switch (constraint.kind()) {
			case PRIMARY_KEY:
				sql.append("PRIMARY KEY (").append(quoteAll(constraint.columns())).append(')');
				break;
			case UNIQUE:
				sql.append("UNIQUE (").append(quoteAll(constraint.columns())).append(')');
				break;
			case CHECK:
				sql.append("CHECK (").append(constraint.condition()).append(')');
				break;
			default:
				sql.append("FOREIGN KEY (")
					.append(quoteAll(constraint.columns()))
					.append(") REFERENCES ")
					.append(quote(constraint.referencedTable()))
					.append(" (")
					.append(quoteAll(constraint.referencedColumns()))
					.append(')');
				if (constraint.onDelete() != null) {
					sql.append(" ON DELETE ").append(constraint.onDelete().sql());
				}
				if (constraint.onUpdate() != null) {
					sql.append(" ON UPDATE ").append(constraint.onUpdate().sql());
				}
		}
		return sql.toString();
	}

	public String createIndex(Index index) {
		List<String> columns = new ArrayList<>();
		for (String column : index.columns()) {
			// a plain name is quoted when needed; anything else is an expression and
			// written as given
			columns.add(column.matches("[A-Za-z_][A-Za-z0-9_]*") ? quote(column) : column);
		}
		return "CREATE " + (index.isUnique() ? "UNIQUE " : "") + "INDEX " + quote(index.name()) + " ON "
				+ quote(index.table()) + " (" + String.join(", ", columns) + ")"
				+ ((index.where() != null) ? " WHERE " + index.where() : "");
	}

	protected List<String> bulkInsert(Operation.BulkInsert insert) {
		List<String> statements = new ArrayList<>();
		for (Map<String, Object> row : insert.rows()) {
			List<String> values = new ArrayList<>();
			for (Object value : row.values()) {
				values.add(literal(value));
			}
			statements.add("INSERT INTO " + quote(insert.table()) + " (" + quoteAll(row.keySet()) + ") VALUES ("
					+ String.join(", ", values) + ")");
		}
		return statements;
	}

	public String literal(Object value) {
		if (value == null) {
			return "NULL";
		}
		if (value instanceof Boolean bool) {
			return booleanLiteral(bool);
		}
		if (value instanceof Number) {
			return value.toString();
		}
		if (value instanceof byte[] bytes) {
			return bytesLiteral(HexFormat.of().formatHex(bytes));
		}
		return "'" + value.toString().replace("'", "''") + "'";
	}

	protected abstract String booleanLiteral(boolean value);

	protected abstract String bytesLiteral(String hex);

	/** An identifier, quoted only when it must be. */
	public String quote(String identifier) {
		if (PLAIN.matcher(identifier).matches() && !RESERVED.contains(identifier)) {
			return identifier;
		}
		return "\"" + identifier.replace("\"", "\"\"") + "\"";
	}

	public String quoteAll(Iterable<String> identifiers) {
		List<String> quoted = new ArrayList<>();
		for (String identifier : identifiers) {
			quoted.add(quote(identifier));
		}
		return String.join(", ", quoted);
	}

	protected static String upper(String text) {
		return text.toUpperCase(Locale.ROOT);
	}

}
