package dev.migration.internal.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import dev.migration.internal.schema.SchemaModel.Check;
import dev.migration.internal.schema.SchemaModel.Col;
import dev.migration.internal.schema.SchemaModel.ForeignKey;
import dev.migration.internal.schema.SchemaModel.Idx;
import dev.migration.internal.schema.SchemaModel.Obj;
import dev.migration.internal.schema.SchemaModel.PrimaryKey;
import dev.migration.internal.schema.SchemaModel.Schema;
import dev.migration.internal.schema.SchemaModel.Table;
import dev.migration.internal.schema.SchemaModel.Unique;
import dev.migration.internal.source.SqlLexer;
import dev.migration.internal.source.SqlLexer.Token;

/**
 * Reads a SQLite database from {@code sqlite_master} and the {@code PRAGMA}s; checks,
 * which no PRAGMA lists, come from the stored {@code CREATE TABLE} text.
 */
final class SqliteReflector {

	private SqliteReflector() {
	}

	static Schema reflect(Connection connection, Predicate<String> included) throws SQLException {
		Map<String, String> createSql = new TreeMap<>();
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT name, sql FROM sqlite_master WHERE type = 'table' "
						+ "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")) {
			while (rows.next()) {
				if (included.test(rows.getString(1))) {
					createSql.put(rows.getString(1), rows.getString(2));
				}
			}
		}
		Map<String, Table> tables = new LinkedHashMap<>();
		for (Map.Entry<String, String> entry : createSql.entrySet()) {
			tables.put(entry.getKey(), table(connection, entry.getKey(), entry.getValue()));
		}
		return new Schema(tables, objects(connection, included));
	}

	/**
	 * Views and triggers as stored, in the order they were created; a trigger takes part
	 * with its table.
	 */
	private static List<Obj> objects(Connection connection, Predicate<String> included) throws SQLException {
		List<Obj> objects = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT type, name, tbl_name, sql FROM sqlite_master "
						+ "WHERE type IN ('view', 'trigger') AND sql IS NOT NULL ORDER BY rowid")) {
			while (rows.next()) {
				String kind = rows.getString(1);
				String name = rows.getString(2);
				boolean view = kind.equals("view");
				if (!included.test(view ? name : rows.getString(3))) {
					continue;
				}
				String sql = rows.getString(4);
				objects.add(new Obj(kind, name, view ? null : rows.getString(3), tokens(sql), sql,
						"DROP " + kind.toUpperCase(java.util.Locale.ROOT) + " " + quote(name), false));
			}
		}
		return objects;
	}

	/**
	 * The text without comments and with words in lower case: {@code .schema} adds
	 * comments to a view.
	 */
	private static String tokens(String sql) {
		StringBuilder joined = new StringBuilder();
		for (Token token : SqlLexer.tokens(sql)) {
			String text = (token.kind() == 'w') ? token.text().toLowerCase(java.util.Locale.ROOT) : token.text();
			joined.append(text).append(' ');
		}
		return joined.toString().strip();
	}

	private static String quote(String name) {
		return name.matches("[A-Za-z_][A-Za-z0-9_]*") ? name : "\"" + name.replace("\"", "\"\"") + "\"";
	}

	private static Table table(Connection connection, String name, String createSql) throws SQLException {
		List<Col> columns = new ArrayList<>();
		TreeMap<Integer, String> keyColumns = new TreeMap<>();
		for (Map<String, Object> row : pragma(connection, "table_info", name)) {
			String column = (String) row.get("name");
			int keyPosition = ((Number) row.get("pk")).intValue();
			if (keyPosition > 0) {
				keyColumns.put(keyPosition, column);
			}
			// a key column is never null: SQLite's rowid alias is NOT NULL whether
			// written or not
			boolean nullable = ((Number) row.get("notnull")).intValue() == 0 && keyPosition == 0;
			columns.add(new Col(column, type((String) row.get("type")), nullable,
					defaultValue((String) row.get("dflt_value")), false, null));
		}
		PrimaryKey primaryKey = keyColumns.isEmpty() ? null
				: new PrimaryKey(null, new ArrayList<>(keyColumns.values()));
		List<Unique> uniques = new ArrayList<>();
		List<Idx> indexes = new ArrayList<>();
		for (Map<String, Object> row : pragma(connection, "index_list", name)) {
			String index = (String) row.get("name");
			String origin = (String) row.get("origin");
			List<String> indexColumns = new ArrayList<>();
			for (Map<String, Object> part : pragma(connection, "index_info", index)) {
				Object column = part.get("name");
				indexColumns.add((column != null) ? column.toString() : "<expression>");
			}
			if ("u".equals(origin)) {
				uniques.add(new Unique(null, indexColumns));
			}
			else if ("c".equals(origin)) {
				String sql = indexSql(connection, index);
				indexes.add(new Idx(index, indexColumns, ((Number) row.get("unique")).intValue() == 1, where(sql),
						Normalize.sql(sql), sql));
			}
		}
		uniques.sort((left, right) -> left.signature().compareTo(right.signature()));
		indexes.sort((left, right) -> left.name().compareTo(right.name()));
		Map<Integer, List<Map<String, Object>>> keys = new TreeMap<>();
		for (Map<String, Object> row : pragma(connection, "foreign_key_list", name)) {
			keys.computeIfAbsent(((Number) row.get("id")).intValue(), (id) -> new ArrayList<>()).add(row);
		}
		List<ForeignKey> foreignKeys = new ArrayList<>();
		for (List<Map<String, Object>> parts : keys.values()) {
			parts.sort((left, right) -> Integer.compare(((Number) left.get("seq")).intValue(),
					((Number) right.get("seq")).intValue()));
			String referenced = (String) parts.get(0).get("table");
			List<String> from = new ArrayList<>();
			List<String> to = new ArrayList<>();
			for (Map<String, Object> part : parts) {
				from.add((String) part.get("from"));
				to.add((String) part.get("to"));
			}
			if (to.contains(null)) {
				// REFERENCES t without columns: the referenced table's primary key
				to = referencedKey(connection, referenced);
			}
			foreignKeys.add(new ForeignKey(null, from, referenced, to, action((String) parts.get(0).get("on_delete")),
					action((String) parts.get(0).get("on_update"))));
		}
		foreignKeys.sort((left, right) -> left.signature().compareTo(right.signature()));
		List<Check> checks = checks(createSql);
		return new Table(name, columns, primaryKey, uniques, foreignKeys, checks, indexes, createSql);
	}

	/** {@code VARCHAR (50)} and {@code varchar(50)} alike. */
	static String type(String declared) {
		return (declared == null) ? "" : Normalize.sql(declared);
	}

	/**
	 * The default as written, without outer parentheses; {@code TRUE}/{@code FALSE} as
	 * SQLite stores them.
	 */
	static String defaultValue(String written) {
		if (written == null) {
			return null;
		}
		String value = Normalize.sql(written);
		return switch (value) {
			case "true" -> "1";
			case "false" -> "0";
			case "null" -> null;
			default -> value;
		};
	}

	private static String action(String action) {
		return (action == null || action.isBlank() || action.equalsIgnoreCase("NONE")) ? "NO ACTION"
				: action.trim().toUpperCase(java.util.Locale.ROOT);
	}

	private static List<String> referencedKey(Connection connection, String table) throws SQLException {
		TreeMap<Integer, String> key = new TreeMap<>();
		for (Map<String, Object> row : pragma(connection, "table_info", table)) {
			int position = ((Number) row.get("pk")).intValue();
			if (position > 0) {
				key.put(position, (String) row.get("name"));
			}
		}
		return new ArrayList<>(key.values());
	}

	/**
	 * Every {@code CHECK (...)} of the table, column or table level, with its
	 * {@code CONSTRAINT} name if any.
	 */
	static List<Check> checks(String createSql) {
		List<Token> tokens = SqlLexer.tokens(createSql);
		List<Check> checks = new ArrayList<>();
		for (int i = 0; i + 1 < tokens.size(); i++) {
			if (tokens.get(i).is("CHECK") && tokens.get(i + 1).isPunct('(')) {
				int close = SqlLexer.closing(tokens, i + 1);
				String expression = createSql.substring(tokens.get(i + 1).end(), tokens.get(close).start());
				String name = (i >= 2 && tokens.get(i - 2).is("CONSTRAINT")) ? tokens.get(i - 1).identifier() : null;
				checks.add(new Check(name, Normalize.stripParentheses(expression.trim())));
				i = close;
			}
		}
		checks.sort((left, right) -> left.signature().compareTo(right.signature()));
		return checks;
	}

	/** A partial index's condition from its text, or {@code null}. */
	static String where(String indexSql) {
		if (indexSql == null) {
			return null;
		}
		List<Token> tokens = SqlLexer.tokens(indexSql);
		int depth = 0;
		for (Token token : tokens) {
			if (token.isPunct('(')) {
				depth++;
			}
			else if (token.isPunct(')')) {
				depth--;
			}
			else if (depth == 0 && token.is("WHERE")) {
				return indexSql.substring(token.end()).trim();
			}
		}
		return null;
	}

	private static String indexSql(Connection connection, String index) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?")) {
			statement.setString(1, index);
			try (ResultSet rows = statement.executeQuery()) {
				return rows.next() ? rows.getString(1) : null;
			}
		}
	}

	private static List<Map<String, Object>> pragma(Connection connection, String pragma, String argument)
			throws SQLException {
		List<Map<String, Object>> result = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement
					.executeQuery("PRAGMA " + pragma + "(\"" + argument.replace("\"", "\"\"") + "\")")) {
			int count = rows.getMetaData().getColumnCount();
			while (rows.next()) {
				Map<String, Object> row = new LinkedHashMap<>();
				for (int i = 1; i <= count; i++) {
					row.put(rows.getMetaData().getColumnLabel(i), rows.getObject(i));
				}
				result.add(row);
			}
		}
		return result;
	}

	/**
	 * The create statement with the table renamed: {@code CREATE TABLE users (...)} to
	 * {@code CREATE TABLE x (...)}.
	 */
	static String renamed(String createSql, String newName) {
		List<Token> tokens = SqlLexer.tokens(createSql);
		for (int i = 0; i < tokens.size(); i++) {
			if (tokens.get(i).isPunct('(')) {
				Token name = tokens.get(i - 1);
				return createSql.substring(0, name.start()) + newName + " "
						+ createSql.substring(tokens.get(i).start());
			}
		}
		throw new IllegalStateException("Cannot read the definition of a table: " + createSql);
	}

	/** Each column's definition as written in the create statement, by column name. */
	static Map<String, String> columnDefinitions(String createSql) {
		List<Token> tokens = SqlLexer.tokens(createSql);
		Map<String, String> definitions = new LinkedHashMap<>();
		int open = -1;
		for (int i = 0; i < tokens.size(); i++) {
			if (tokens.get(i).isPunct('(')) {
				open = i;
				break;
			}
		}
		if (open < 0) {
			return definitions;
		}
		int close = SqlLexer.closing(tokens, open);
		int partStart = open + 1;
		int depth = 0;
		for (int i = open + 1; i <= close; i++) {
			Token token = tokens.get(i);
			if (token.isPunct('(')) {
				depth++;
			}
			else if (token.isPunct(')') && i < close) {
				depth--;
			}
			else if ((depth == 0 && token.isPunct(',')) || i == close) {
				if (partStart < i) {
					Token first = tokens.get(partStart);
					boolean constraint = first.is("CONSTRAINT") || first.is("PRIMARY") || first.is("UNIQUE")
							|| first.is("CHECK") || first.is("FOREIGN");
					if (!constraint || (partStart + 1 < i && !tokens.get(partStart + 1).isPunct('(')
							&& !tokens.get(partStart + 1).is("KEY") && !first.is("CONSTRAINT"))) {
						definitions.put(first.identifier(),
								createSql.substring(first.start(), tokens.get(i - 1).end()));
					}
				}
				partStart = i + 1;
			}
		}
		return definitions;
	}

}
