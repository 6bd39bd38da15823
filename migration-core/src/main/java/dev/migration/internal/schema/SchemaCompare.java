package dev.migration.internal.schema;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import dev.migration.MigrationDatabaseException;
import dev.migration.MigrationException;
import dev.migration.internal.dialect.Dialect;
import dev.migration.internal.dialect.SqliteDialect;
import dev.migration.internal.revision.SqlStatement;
import dev.migration.internal.schema.SchemaModel.Schema;
import dev.migration.internal.source.SqlSyntax;

/**
 * Autogenerate and check: reflect the live schema, apply the target schema's SQL to a
 * scratch database of the same kind and reflect it, compare, and render the upgrade and
 * its reverse.
 */
public final class SchemaCompare {

	/**
	 * Where a scratch connection comes from: the same PostgreSQL database, or a
	 * {@link DevDatabase}.
	 */
	@FunctionalInterface
	public interface Connections {

		Connection open() throws SQLException;

		/** Where the target schema goes, for messages. */
		default String where() {
			return "a temporary schema";
		}

		/** What to grant or give when the user may not create the temporary schema. */
		default String privilegeFix() {
			return "the database, or give a dev database to apply the target schema to instead (--dev-url)";
		}

	}

	/** The differences as lines, and the upgrade and downgrade section texts. */
	public record Result(List<String> differences, String upgrade, String downgrade, List<String> warnings) {
	}

	private SchemaCompare() {
	}

	/**
	 * Compares the live database with the target schema.
	 * @param live a connection to the database
	 * @param dialect {@code postgresql} or {@code sqlite}
	 * @param scratch a second connection to the same PostgreSQL database or to a dev
	 * database (unused for SQLite)
	 * @param targetSql the desired schema as SQL
	 * @param targetName the file or resource the SQL came from, for messages
	 * @param included which tables take part (by name)
	 */
	public static Result compare(Connection live, Dialect dialect, Connections scratch, String targetSql,
			String targetName, Predicate<String> included) {
		Schema current;
		try {
			current = reflect(live, dialect, included);
		}
		catch (SQLException ex) {
			throw new MigrationDatabaseException(
					"Cannot read the database's schema: " + ex.getMessage() + ". Nothing was changed.", ex);
		}
		Schema target;
		if (dialect instanceof SqliteDialect) {
			target = sqliteTarget(targetSql, targetName, included);
		}
		else {
			SearchPath path;
			try {
				path = SearchPath.of(live);
			}
			catch (SQLException ex) {
				throw new MigrationDatabaseException(
						"Cannot read the database's search_path: " + ex.getMessage() + ". Nothing was changed.", ex);
			}
			target = postgresTarget(scratch, path, targetSql, targetName, included);
		}
		SchemaComparison upgrade = SchemaComparison.compare(current, target);
		if (upgrade.isEmpty()) {
			return new Result(List.of(), "", "", List.of());
		}
		SchemaComparison downgrade = SchemaComparison.compare(target, current);
		return new Result(List.copyOf(upgrade.describe()), Scripts.text(script(dialect, upgrade)),
				Scripts.text(script(dialect, downgrade)), List.copyOf(upgrade.warnings()));
	}

	static List<String> script(Dialect dialect, SchemaComparison comparison) {
		SchemaScript script = (dialect instanceof SqliteDialect) ? new SqliteScript() : new PostgresScript();
		return script.write(comparison);
	}

	static Schema reflect(Connection connection, Dialect dialect, Predicate<String> included) throws SQLException {
		return (dialect instanceof SqliteDialect) ? SqliteReflector.reflect(connection, included)
				: PostgresReflector.reflect(connection, included);
	}

	private static Schema sqliteTarget(String targetSql, String targetName, Predicate<String> included) {
		try (Connection connection = DriverManager.getConnection("jdbc:sqlite::memory:")) {
			apply(connection, TargetSql.statements(targetName, targetSql, SqlSyntax.SQLITE, null), targetName);
			return SqliteReflector.reflect(connection, included);
		}
		catch (SQLException ex) {
			throw new MigrationDatabaseException("Cannot reflect the target schema " + targetName + " on an "
					+ "in-memory SQLite database: " + ex.getMessage() + ".", ex);
		}
	}

	/**
	 * A temporary schema inside a transaction that is rolled back: nothing of it outlives
	 * the comparison, even when the process dies halfway. In a dev database too, so that
	 * whatever else it holds is never touched.
	 */
	private static Schema postgresTarget(Connections scratch, SearchPath path, String targetSql, String targetName,
			Predicate<String> included) {
		String schema = "migration_scratch_" + Long.toHexString(Double.doubleToLongBits(Math.random())).substring(0, 8);
		try (Connection connection = scratch.open()) {
			TargetGuard guard = TargetGuard.prepare(connection, targetName, path.schemas(), targetSql);
			connection.setAutoCommit(false);
			try {
				try (Statement statement = connection.createStatement()) {
					statement.execute("CREATE SCHEMA " + schema);
					guard.requireSameSession();
					// names resolve as in the database: the scratch schema first, then
					// the database's own path,
					// where extensions put their types and operator classes (public); its
					// relations are hidden
					// behind the guard's stand-ins in pg_temp
					statement.execute("SET LOCAL search_path TO " + guard.searchPath(schema, path.after()));
					statement.execute("SET LOCAL lock_timeout = '" + TargetGuard.LOCK_TIMEOUT + "'");
					// a dump's SQL functions may name tables created further down; bodies
					// are checked on upgrade
					statement.execute("SET LOCAL check_function_bodies = off");
				}
				apply(connection, TargetSql.statements(targetName, targetSql, SqlSyntax.POSTGRESQL, path.schema()),
						targetName, guard);
				return PostgresReflector.reflect(connection, included);
			}
			finally {
				connection.rollback();
				connection.setAutoCommit(true);
				guard.close();
			}
		}
		catch (SQLException ex) {
			// insufficient_privilege: most often a user that may not create a schema in
			// the database
			String fix = "42501".equals(ex.getSQLState()) ? " The user needs CREATE on " + scratch.privilegeFix() + "."
					: "";
			throw new MigrationDatabaseException("Cannot reflect the target schema " + targetName + " in "
					+ scratch.where() + ": " + ex.getMessage() + ". Nothing was changed." + fix, ex);
		}
	}

	/**
	 * The compared schema and the schemas of the live connection's search_path, quoted.
	 */
	private record SearchPath(String schema, List<String> schemas) {

		static SearchPath of(Connection live) throws SQLException {
			try (Statement statement = live.createStatement();
					java.sql.ResultSet rows = statement.executeQuery("SELECT current_schema(), "
							+ "ARRAY(SELECT quote_ident(s) FROM unnest(current_schemas(false)) s)")) {
				rows.next();
				java.sql.Array schemas = rows.getArray(2);
				return new SearchPath(rows.getString(1), List.of((String[]) schemas.getArray()));
			}
		}

		String after() {
			return this.schemas.isEmpty() ? "" : ", " + String.join(", ", this.schemas);
		}

	}

	private static void apply(Connection connection, List<SqlStatement> statements, String targetName)
			throws SQLException {
		apply(connection, statements, targetName, null);
	}

	/**
	 * Runs the target's statements; with a guard, only those that keep to the target's
	 * own objects.
	 */
	private static void apply(Connection connection, List<SqlStatement> statements, String targetName,
			TargetGuard guard) throws SQLException {
		for (SqlStatement statement : statements) {
			if (guard != null && !guard.runs(statement)) {
				continue;
			}
			try (Statement jdbc = connection.createStatement()) {
				jdbc.execute(statement.sql());
			}
			catch (SQLException ex) {
				MigrationException refused = (guard != null) ? guard.refusal(statement, ex) : null;
				if (refused != null) {
					throw refused;
				}
				throw new MigrationException(
						"Target schema " + targetName + ":" + statement.line() + ": "
								+ String.valueOf(ex.getMessage()).strip()
								+ ". Nothing was changed in the database; fix the " + "target schema and run again.",
						ex);
			}
			if (guard != null) {
				guard.afterRunning(statement);
			}
		}
	}

	/**
	 * Which tables take part: those matching an include pattern (all when there is none)
	 * and no exclude pattern, never the engine's own tables. Patterns are globs
	 * ({@code *}, {@code ?}), compared without case.
	 */
	public static Predicate<String> filter(List<String> includes, List<String> excludes, List<String> ownTables) {
		List<Pattern> include = patterns(includes);
		List<Pattern> exclude = patterns(excludes);
		List<String> own = new ArrayList<>();
		for (String table : ownTables) {
			own.add(table.toLowerCase(Locale.ROOT));
		}
		return (table) -> {
			String name = table.toLowerCase(Locale.ROOT);
			if (own.contains(name) || name.startsWith("_migration_")) {
				return false;
			}
			boolean in = include.isEmpty() || include.stream().anyMatch((pattern) -> pattern.matcher(name).matches());
			return in && exclude.stream().noneMatch((pattern) -> pattern.matcher(name).matches());
		};
	}

	private static List<Pattern> patterns(List<String> globs) {
		List<Pattern> patterns = new ArrayList<>();
		for (String glob : globs) {
			StringBuilder regex = new StringBuilder();
			for (char c : glob.toLowerCase(Locale.ROOT).toCharArray()) {
				regex.append(switch (c) {
					case '*' -> ".*";
					case '?' -> ".";
					default -> Pattern.quote(String.valueOf(c));
				});
			}
			patterns.add(Pattern.compile(regex.toString()));
		}
		return patterns;
	}

}
