package dev.migration.support;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real, empty database for one test: a SQLite file or a fresh PostgreSQL database on
 * the embedded server.
 */
public interface TestDatabase {

	/** A JDBC URL with credentials given separately. */
	String url();

	String user();

	String password();

	/** {@code sqlite} or {@code postgresql}. */
	String kind();

	default Connection connect() throws SQLException {
		return DriverManager.getConnection(url(), user(), password());
	}

	default void execute(String sql) {
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(sql, ex);
		}
	}

	/** The first column of every row, as strings. */
	default List<String> queryStrings(String sql, Object... parameters) {
		try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setObject(i + 1, parameters[i]);
			}
			List<String> values = new ArrayList<>();
			try (ResultSet result = statement.executeQuery()) {
				while (result.next()) {
					values.add(result.getString(1));
				}
			}
			return values;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(sql, ex);
		}
	}

	default long count(String sql, Object... parameters) {
		return Long.parseLong(queryStrings(sql, parameters).get(0));
	}

	/**
	 * Waits until the count query answers 0 (what a server does soon after, like ending a
	 * closed or terminated session); fails after a minute.
	 */
	default void awaitNone(String countSql) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (count(countSql) > 0) {
			if (System.nanoTime() - deadline > 0) {
				throw new IllegalStateException("Still not 0 after a minute: " + countSql);
			}
			Thread.onSpinWait();
		}
	}

	/** User tables, lower case, sorted, without the engine's own tables. */
	default List<String> tables() {
		return new ArrayList<>(schema().stream().filter((line) -> !line.contains(".")).toList());
	}

	/**
	 * The schema as comparable lines: each table, each
	 * {@code table.column type nullability}, each index. Enough to tell whether an
	 * upgrade or downgrade left exactly the expected structure. The engine's own tables
	 * ({@code migration_*}, {@code schema_*}) are left out.
	 */
	default List<String> schema() {
		try (Connection connection = connect()) {
			return schema(connection, kind(), (table) -> table.startsWith("sqlite_") || table.startsWith("migration_")
					|| table.startsWith("schema_"));
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The schema lines of {@link #schema()} read over any connection, without the tables
	 * the predicate calls bookkeeping (given lower case).
	 * @param kind {@code sqlite} or {@code postgresql}
	 */
	static List<String> schema(Connection connection, String kind, Predicate<String> bookkeeping) throws SQLException {
		DatabaseMetaData metaData = connection.getMetaData();
		TreeSet<String> lines = new TreeSet<>();
		String schemaPattern = kind.equals("postgresql") ? "public" : null;
		try (ResultSet tables = metaData.getTables(null, schemaPattern, "%", new String[] { "TABLE" })) {
			while (tables.next()) {
				String table = tables.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
				if (!bookkeeping.test(table)) {
					lines.add(table);
				}
			}
		}
		for (String table : new ArrayList<>(lines)) {
			try (ResultSet columns = metaData.getColumns(null, schemaPattern, table, "%")) {
				while (columns.next()) {
					lines.add(table + "." + columns.getString("COLUMN_NAME").toLowerCase(Locale.ROOT) + " "
							+ columns.getString("TYPE_NAME").toLowerCase(Locale.ROOT) + " "
							+ columns.getString("IS_NULLABLE"));
				}
			}
			try (ResultSet indexes = metaData.getIndexInfo(null, schemaPattern, table, false, false)) {
				while (indexes.next()) {
					String index = indexes.getString("INDEX_NAME");
					if (index != null && !index.startsWith("sqlite_autoindex")) {
						lines.add(table + ".index " + index.toLowerCase(Locale.ROOT));
					}
				}
			}
		}
		return new ArrayList<>(lines);
	}

}
