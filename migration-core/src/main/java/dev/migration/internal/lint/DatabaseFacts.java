package dev.migration.internal.lint;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.migration.internal.source.SqlSyntax;

/**
 * What the database tells the lint: its tables, their columns' types, and whether the
 * session has a lock_timeout. Names are lower-cased without schema, as the lint compares
 * them.
 *
 * @param tables the tables (partitioned tables and materialized views too) of every
 * schema
 * @param columnTypes {@code table.column} to its type, spelled as {@link ColumnTypes}
 * spells declared ones
 * @param lockTimeout whether the role, the database or the URL's options give the session
 * a lock_timeout
 */
public record DatabaseFacts(Set<String> tables, Map<String, String> columnTypes, boolean lockTimeout) {

	/** Reads the facts through the connection; changes nothing. */
	public static DatabaseFacts read(Connection connection, SqlSyntax syntax) throws SQLException {
		DatabaseMetaData metaData = connection.getMetaData();
		Set<String> tables = new HashSet<>();
		try (ResultSet rows = metaData.getTables(null, null, "%",
				new String[] { "TABLE", "PARTITIONED TABLE", "MATERIALIZED VIEW" })) {
			while (rows.next()) {
				tables.add(rows.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
			}
		}
		Map<String, String> columnTypes = new HashMap<>();
		try (ResultSet rows = metaData.getColumns(null, null, "%", "%")) {
			while (rows.next()) {
				String table = rows.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
				if (tables.contains(table)) {
					String column = table + "." + rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT);
					columnTypes.put(column, type(rows.getString("TYPE_NAME"), rows.getInt("COLUMN_SIZE"),
							rows.getInt("DECIMAL_DIGITS")));
				}
			}
		}
		return new DatabaseFacts(tables, columnTypes, syntax == SqlSyntax.POSTGRESQL && hasLockTimeout(connection));
	}

	/**
	 * The driver's type name with its length or precision, as a revision would declare
	 * it.
	 */
	static String type(String typeName, int size, int digits) {
		String name = typeName.toLowerCase(Locale.ROOT);
		if (name.equals("varchar")) {
			// unbounded varchar reports the largest int as its size
			return (size > 0 && size < Integer.MAX_VALUE) ? "varchar(" + size + ")" : "varchar";
		}
		if (name.equals("numeric")) {
			return (size > 0 && size < 1000) ? "numeric(" + size + "," + digits + ")" : "numeric";
		}
		return ColumnTypes.normalize(name);
	}

	private static boolean hasLockTimeout(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet row = statement.executeQuery("SELECT current_setting('lock_timeout')")) {
			return row.next() && !row.getString(1).equals("0");
		}
	}

}
